using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using Hooksmith.Generator.Tests.Infrastructure;

namespace Hooksmith.Generator.Tests.Corpus;

/// <summary>One case of the JSON-Schema-Test-Suite: a schema and where it came from.</summary>
/// <param name="Draft">The suite's folder, such as <c>draft2020-12</c>.</param>
/// <param name="FileStem">The test file without <c>.json</c>, such as <c>if-then-else</c>.</param>
/// <param name="Index">The case's position in its file.</param>
/// <param name="Description">The case's description.</param>
/// <param name="SchemaText">The case's <c>schema</c>, exactly as written in the file.</param>
internal sealed record SuiteCase(string Draft, string FileStem, int Index, string Description, string SchemaText)
{
    /// <summary>
    /// The schema's (virtual) file: one per case, under the suite's tests folder, so that each case has
    /// its own base URI and relative <c>$id</c>s in different cases ("list", "bar") stay distinct.
    /// </summary>
    public string Path => System.IO.Path.Combine(CorpusFiles.TestSuite, "tests", Draft, FileStem, FileStem + "-" + Index.ToString(CultureInfo.InvariantCulture) + ".json");

    public string Namespace => "Suite." + TestSuiteCases.NamePart(Draft) + "." + TestSuiteCases.NamePart(FileStem) + ".Case" + Index.ToString(CultureInfo.InvariantCulture);

    public SchemaFile ToSchemaFile() => new(Path, SchemaText, Namespace, TestSuiteCases.DialectOf(Draft));

    public override string ToString() => $"{Draft}/{FileStem}.json #{Index} ({Description})";
}

/// <summary>The generator run over one draft folder: its cases, the remotes and the meta-schemas in one compilation.</summary>
internal sealed record SuiteRun(string Draft, IReadOnlyList<SuiteCase> Cases, int RemoteCount, int MetaSchemaCount, GeneratorRun Run, TimeSpan GenerateTime);

/// <summary>Reads the JSON-Schema-Test-Suite and the meta-schemas into schema files for the generator.</summary>
internal static class TestSuiteCases
{
    private static readonly ConcurrentDictionary<string, Lazy<SuiteRun>> Runs = new(StringComparer.Ordinal);

    /// <summary>The suite folders whose cases are compiled (top-level files only, not <c>optional/</c>).</summary>
    public static readonly string[] Drafts = ["draft2020-12", "draft7"];

    /// <summary>Where the suite expects its <c>remotes</c> folder to be served.</summary>
    public const string RemotesBaseUri = "http://localhost:1234/";

    /// <summary>
    /// The generator run for a draft folder, made once per test process: the compile test and the
    /// robustness test look at the same run.
    /// </summary>
    public static SuiteRun RunFor(string draft) => Runs.GetOrAdd(draft, d => new Lazy<SuiteRun>(() => Generate(d))).Value;

    private static SuiteRun Generate(string draft)
    {
        var cases = Cases(draft);
        var remotes = Remotes(DialectOf(draft));
        var metaSchemas = MetaSchemas();
        var stopwatch = Stopwatch.StartNew();
        var run = GeneratorHarness.Run(cases.Select(c => c.ToSchemaFile()).Concat(remotes).Concat(metaSchemas));
        return new SuiteRun(draft, cases, remotes.Count, metaSchemas.Count, run, stopwatch.Elapsed);
    }

    /// <summary>Every case of every top-level test file of a draft folder, in file then case order.</summary>
    public static IReadOnlyList<SuiteCase> Cases(string draft)
    {
        var cases = new List<SuiteCase>();
        var folder = System.IO.Path.Combine(CorpusFiles.TestSuite, "tests", draft);
        foreach (var file in Directory.GetFiles(folder, "*.json").OrderBy(f => f, StringComparer.Ordinal))
        {
            using var document = JsonDocument.Parse(File.ReadAllText(file));
            var index = 0;
            foreach (var entry in document.RootElement.EnumerateArray())
            {
                cases.Add(new SuiteCase(
                    draft,
                    System.IO.Path.GetFileNameWithoutExtension(file),
                    index++,
                    entry.GetProperty("description").GetString() ?? string.Empty,
                    entry.GetProperty("schema").GetRawText()));
            }
        }

        return cases;
    }

    /// <summary>
    /// Every file under <c>remotes/</c>, with the base URI the suite serves it at. Files in a draft's
    /// folder get that draft's dialect; files outside any draft folder (used by draft-07 and older) get
    /// <paramref name="defaultDialect"/>.
    /// </summary>
    public static IReadOnlyList<SchemaFile> Remotes(string? defaultDialect)
    {
        var root = System.IO.Path.Combine(CorpusFiles.TestSuite, "remotes");
        var files = new List<SchemaFile>();
        foreach (var file in Directory.GetFiles(root, "*.json", SearchOption.AllDirectories).OrderBy(f => f, StringComparer.Ordinal))
        {
            var relative = System.IO.Path.GetRelativePath(root, file).Replace('\\', '/');
            var segments = relative.Split('/');
            var dialect = segments.Length > 1 && segments[0].StartsWith("draft", StringComparison.Ordinal)
                ? DialectOf(segments[0])
                : segments.Length > 1 ? null : defaultDialect;
            var @namespace = "Suite.Remotes." + string.Join(".", segments.Select(s => NamePart(System.IO.Path.GetFileNameWithoutExtension(s))));
            files.Add(new SchemaFile(file, File.ReadAllText(file), @namespace, dialect, RemotesBaseUri + relative));
        }

        return files;
    }

    /// <summary>Every meta-schema and vocabulary meta-schema; each declares its own <c>$id</c> and <c>$schema</c>.</summary>
    public static IReadOnlyList<SchemaFile> MetaSchemas()
    {
        var root = CorpusFiles.MetaSchemas;
        var files = new List<SchemaFile>();
        foreach (var file in Directory.GetFiles(root, "*", SearchOption.AllDirectories).OrderBy(f => f, StringComparer.Ordinal))
        {
            var relative = System.IO.Path.GetRelativePath(root, file).Replace('\\', '/');
            var text = File.ReadAllText(file);
            string? dialect;
            using (var document = JsonDocument.Parse(text))
            {
                dialect = document.RootElement.TryGetProperty("$schema", out var schema) ? schema.GetString() : null;
            }

            var @namespace = "Suite.MetaSchemas." + string.Join(".", relative.Split('/').Select(s => NamePart(System.IO.Path.GetFileNameWithoutExtension(s))));
            files.Add(new SchemaFile(file, text, @namespace, dialect));
        }

        return files;
    }

    /// <summary>The item metadata dialect for a suite folder name.</summary>
    public static string? DialectOf(string draftFolder) => draftFolder switch
    {
        "draft2020-12" => "2020-12",
        "draft2019-09" => "2019-09",
        "draft7" => "draft-07",
        "draft6" => "draft-06",
        "draft4" => "draft-04",
        _ => null,
    };

    /// <summary>A namespace segment for a file or folder name: PascalCase letters and digits, never starting with a digit.</summary>
    public static string NamePart(string text)
    {
        var builder = new StringBuilder();
        var upper = true;
        foreach (var c in text)
        {
            if (!char.IsAsciiLetterOrDigit(c))
            {
                upper = true;
                continue;
            }

            builder.Append(upper ? char.ToUpperInvariant(c) : c);
            upper = false;
        }

        if (builder.Length == 0 || char.IsAsciiDigit(builder[0]))
        {
            builder.Insert(0, 'N');
        }

        return builder.ToString();
    }
}
