using System;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Hooksmith.Generator.Drift;

namespace Hooksmith.Cli.Drift;

/// <summary>Writes SARIF 2.1.0 for code scanning: one rule per kind (its HSM02xx ID), one result per change.</summary>
internal static class SarifDriftWriter
{
    /// <summary>Where each kind is documented.</summary>
    public const string HelpBase = "https://github.com/hooksmith/hooksmith/blob/main/docs/diagnostics.md#";

    public static void Write(DriftRun run, TextWriter output)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            json.WriteString("$schema", "https://json.schemastore.org/sarif-2.1.0.json");
            json.WriteString("version", "2.1.0");
            json.WriteStartArray("runs");
            json.WriteStartObject();
            json.WriteStartObject("tool");
            json.WriteStartObject("driver");
            json.WriteString("name", "hooksmith");
            json.WriteString("informationUri", "https://github.com/hooksmith/hooksmith");
            json.WriteStartArray("rules");
            foreach (var kind in DriftKind.All)
            {
                json.WriteStartObject();
                json.WriteString("id", kind.DiagnosticId);
                json.WriteString("name", Pascal(kind.Name));
                json.WriteStartObject("shortDescription");
                json.WriteString("text", kind.Title);
                json.WriteEndObject();
                json.WriteString("helpUri", HelpBase + kind.DiagnosticId.ToLowerInvariant());
                json.WriteStartObject("defaultConfiguration");
                json.WriteString("level", Level(kind.DefaultSeverity));
                json.WriteEndObject();
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
            json.WriteEndObject();
            json.WriteStartArray("results");
            foreach (var change in run.Report.Changes)
            {
                json.WriteStartObject();
                json.WriteString("ruleId", change.Kind.DiagnosticId);
                json.WriteNumber("ruleIndex", IndexOf(change.Kind));
                json.WriteString("level", Level(change.Severity));
                json.WriteStartObject("message");
                json.WriteString("text", change.Message);
                json.WriteEndObject();
                if (change.Location is { } location)
                {
                    json.WriteStartArray("locations");
                    json.WriteStartObject();
                    json.WriteStartObject("physicalLocation");
                    json.WriteStartObject("artifactLocation");
                    json.WriteString("uri", location.File.Replace('\\', '/'));
                    json.WriteEndObject();
                    json.WriteStartObject("region");
                    json.WriteNumber("startLine", location.Line);
                    json.WriteNumber("startColumn", location.Column);
                    json.WriteEndObject();
                    json.WriteEndObject();
                    json.WriteEndObject();
                    json.WriteEndArray();
                }

                json.WriteStartObject("properties");
                json.WriteString("kind", change.Kind.Name);
                json.WriteString("severity", SeverityTable.NameOf(change.Severity));
                json.WriteString("oldPointer", change.OldPointer);
                json.WriteString("newPointer", change.NewPointer);
                json.WriteString("csharp", change.CSharp);
                json.WriteStartArray("events");
                foreach (var name in change.Events)
                {
                    json.WriteStringValue(name);
                }

                json.WriteEndArray();
                json.WriteEndObject();
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
            json.WriteEndArray();
            json.WriteEndObject();
        }

        output.WriteLine(Encoding.UTF8.GetString(buffer.ToArray()));
    }

    private static int IndexOf(DriftKind kind) => DriftKind.All.ToList().IndexOf(kind);

    private static string Level(DriftSeverity severity) => severity switch
    {
        DriftSeverity.Breaking => "error",
        DriftSeverity.Warning => "warning",
        DriftSeverity.Info => "note",
        _ => "none",
    };

    private static string Pascal(string kebab)
        => string.Concat(kebab.Split('-').Select(word => word.Length == 0 ? word : char.ToUpperInvariant(word[0]) + word[1..]));
}
