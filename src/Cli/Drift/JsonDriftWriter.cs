using System.IO;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Hooksmith.Generator.Drift;

namespace Hooksmith.Cli.Drift;

/// <summary>Writes <c>{"old", "new", "summary", "changes"}</c>.</summary>
internal static class JsonDriftWriter
{
    public static void Write(DriftRun run, TextWriter output)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            json.WriteString("old", run.Old);
            json.WriteString("new", run.New);
            json.WriteStartObject("summary");
            json.WriteNumber("breaking", run.Report.Count(DriftSeverity.Breaking));
            json.WriteNumber("warning", run.Report.Count(DriftSeverity.Warning));
            json.WriteNumber("info", run.Report.Count(DriftSeverity.Info));
            json.WriteEndObject();
            json.WriteStartArray("changes");
            foreach (var change in run.Report.Changes)
            {
                json.WriteStartObject();
                json.WriteString("kind", change.Kind.Name);
                json.WriteString("severity", SeverityTable.NameOf(change.Severity));
                json.WriteString("oldPointer", change.OldPointer);
                json.WriteString("newPointer", change.NewPointer);
                json.WriteString("file", change.Location?.File);
                if (change.Location is { } location)
                {
                    json.WriteNumber("line", location.Line);
                    json.WriteNumber("column", location.Column);
                }
                else
                {
                    json.WriteNull("line");
                    json.WriteNull("column");
                }

                json.WriteStartArray("events");
                foreach (var name in change.Events)
                {
                    json.WriteStringValue(name);
                }

                json.WriteEndArray();
                json.WriteString("csharp", change.CSharp);
                json.WriteString("message", change.Message);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        output.WriteLine(Encoding.UTF8.GetString(buffer.ToArray()));
    }
}
