using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.Json;
using Hooksmith.Generator.Tests.Corpus;
using Hooksmith.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit.Abstractions;

namespace Hooksmith.Generator.Tests.Robustness;

/// <summary>
/// The generator never throws: whatever the schema files hold, every problem is a diagnostic, a bad
/// file never stops the others from generating, and what is generated compiles.
/// </summary>
/// <remarks>
/// Roslyn turns an exception escaping a generator into warning CS8785 and drops all of its output;
/// the planner turns one it catches into HSM0099. Neither may happen. Many files go through one
/// driver run, always beside a good schema whose type must still be generated.
/// </remarks>
public sealed class GeneratorRobustnessTests(ITestOutputHelper output)
{
    private const string SentinelNamespace = "Robustness.Sentinel";
    private const string SentinelHintName = SentinelNamespace + ".Sentinel.g.cs";

    /// <summary>What the sentinel alone generates: the file of its type and validators, and the compilation's catalog.</summary>
    private static readonly string[] SentinelOutput = [SentinelHintName, "Hooksmith.Generated.HooksmithCatalog.g.cs"];

    private static readonly SchemaFile Sentinel = new(
        "/robustness/sentinel.json",
        """{"title": "Sentinel", "type": "object", "properties": {"id": {"type": "string"}}, "required": ["id"]}""",
        SentinelNamespace);

    [Fact]
    public void Corpus_files_and_suite_schemas_never_make_the_generator_fail()
    {
        // Voucherify: every file in one run, each in its own namespace. VoucherifyCorpusTests compiles them.
        var vendor = VoucherifyFiles()
            .Select(path => new SchemaFile(path, File.ReadAllText(path), "Vendor." + TestSuiteCases.NamePart(Path.GetFileNameWithoutExtension(path))))
            .Append(Sentinel)
            .ToList();
        var run = GeneratorHarness.Run(vendor);
        AssertNoFailure(run, "the Voucherify corpus");
        Assert.Contains(SentinelHintName, run.Sources.Keys);
        foreach (var file in vendor)
        {
            Assert.Contains(run.Sources.Keys, k => k.StartsWith(file.Namespace + ".", StringComparison.Ordinal));
        }

        // The test suite: the same runs TestSuiteCompilationTests compiles.
        foreach (var draft in TestSuiteCases.Drafts)
        {
            AssertNoFailure(TestSuiteCases.RunFor(draft).Run, draft);
        }
    }

    [Fact]
    public void Truncated_corpus_files_each_report_one_invalid_json_diagnostic()
    {
        const int Cuts = 200;
        var stopwatch = Stopwatch.StartNew();
        var count = 0;
        foreach (var path in VoucherifyFiles())
        {
            var text = File.ReadAllText(path);
            var stem = Path.GetFileNameWithoutExtension(path);
            var files = new List<SchemaFile>();
            foreach (var offset in Enumerable.Range(0, Cuts).Select(i => (int)((long)i * text.Length / Cuts)).Distinct())
            {
                files.Add(new SchemaFile($"/robustness/truncated/{stem}-{offset}.json", text.Substring(0, offset), "Truncated." + TestSuiteCases.NamePart(stem) + ".At" + offset.ToString(CultureInfo.InvariantCulture)));
            }

            var run = RunWithSentinel(files, "truncations of " + stem);
            foreach (var file in files)
            {
                var diagnostics = run.Diagnostics.Where(d => PathOf(d) == file.Path).ToList();
                Assert.True(diagnostics.Count == 1 && diagnostics[0].Id == "HSM0001", $"{file.Path}: expected one HSM0001, got [{string.Join(", ", diagnostics)}]");
            }

            Assert.Equal(SentinelOutput.Order(), run.Sources.Keys.Order());
            count += files.Count;
        }

        output.WriteLine($"{count} truncated files in {stopwatch.ElapsedMilliseconds} ms");
    }

    [Fact]
    public void Adversarial_files_are_diagnosed_in_one_run()
    {
        var cases = Adversarial();
        var files = cases.Select(c => new SchemaFile($"/robustness/adversarial/{c.Name}.json", c.Text, "Adversarial." + TestSuiteCases.NamePart(c.Name))).ToList();
        var run = RunWithSentinel(files, "adversarial files");
        foreach (var hostile in cases)
        {
            var path = $"/robustness/adversarial/{hostile.Name}.json";
            var ids = run.Diagnostics.Where(d => PathOf(d) == path).Select(d => d.Id).ToList();
            output.WriteLine($"{hostile.Name}: [{string.Join(", ", ids)}]");
            if (hostile.InvalidJson)
            {
                Assert.True(ids.Count == 1 && ids[0] == "HSM0001", $"{hostile.Name}: expected one HSM0001, got [{string.Join(", ", ids)}]");
            }
            else
            {
                Assert.DoesNotContain("HSM0001", ids);
            }

            foreach (var id in hostile.Expected)
            {
                Assert.True(ids.Contains(id), $"{hostile.Name}: expected {id}, got [{string.Join(", ", ids)}]");
            }
        }
    }

    [Fact]
    public void Odd_item_metadata_and_file_paths_never_break_generation()
    {
        const string Schema = """{"title": "Thing", "type": "object", "properties": {"id": {"type": "string"}, "next": {"$ref": "#"}}}""";
        var files = new List<SchemaFile>();
        var namespaces = new[] { "My-Company.Models", "class", "1Foo", "A..B", ".A.", "global", "System", "Hooksmith", "a b", "Ünï.Cödé", "@x", "A.@class", "Thing", "Collide", "Collide.Thing", "System.Text", "Hooksmith.Serialization.Json" };
        for (var i = 0; i < namespaces.Length; i++)
        {
            files.Add(new SchemaFile($"/robustness/metadata/namespace-{i}.json", Schema, namespaces[i]));
        }

        var baseUris = new[] { "not a uri", "http://[", "urn:x", "urn:x/", "file:///C:/a b/", "http://example.com/a/", "#frag", "http://example.com/x.json#/a", "%" };
        for (var i = 0; i < baseUris.Length; i++)
        {
            files.Add(new SchemaFile($"/robustness/metadata/base-{i}.json", Schema, "BaseUri.N" + i.ToString(CultureInfo.InvariantCulture), BaseUri: baseUris[i]));
        }

        var paths = new[] { "/robustness/odd path/with space#hash.json", "relative.json", "C:\\win\\path.json", "/robustness/ünïcödé/schéma.json", "/robustness/no-extension", "/robustness/a.b.c.json", "/robustness/.json" };
        for (var i = 0; i < paths.Length; i++)
        {
            files.Add(new SchemaFile(paths[i], Schema, "Paths.N" + i.ToString(CultureInfo.InvariantCulture)));
        }

        // Two files in one namespace with type names that differ only in case: one hint name each, or a duplicate.
        files.Add(new SchemaFile("/robustness/case/lower.json", """{"title": "thing", "type": "object", "properties": {"a": {}}}""", "Case.Same"));
        files.Add(new SchemaFile("/robustness/case/upper.json", """{"title": "THING", "type": "object", "properties": {"a": {}}}""", "Case.Same"));

        // Two files that declare one $id: references resolve to the first in path order, the second is told so.
        const string Declared = """{"$id": "http://example.com/same.json", "title": "Thing", "type": "object", "properties": {"a": {}}}""";
        files.Add(new SchemaFile("/robustness/same-id/a.json", Declared, "SameId.A"));
        files.Add(new SchemaFile("/robustness/same-id/b.json", Declared, "SameId.B"));

        // Type names that would hide a member of the type or a namespace the generated code uses.
        files.Add(new SchemaFile("/robustness/names/value.json", """{"title": "Value", "type": "object", "properties": {"a": {}}}""", "Names"));
        files.Add(new SchemaFile("/robustness/names/text.json", """{"title": "Text", "type": "object", "properties": {"a": {}}}""", "System"));

        var run = RunWithSentinel(files, "odd metadata and paths");
        foreach (var diagnostic in run.Diagnostics)
        {
            output.WriteLine($"{PathOf(diagnostic)}: {diagnostic.Id}: {diagnostic.GetMessage(CultureInfo.InvariantCulture)}");
        }

        Assert.Equal(["/robustness/same-id/b.json"], run.Diagnostics.Where(d => d.Id == "HSM0007").Select(PathOf));
        Assert.DoesNotContain(run.Diagnostics, d => d.Id == "HSM0002");
        Assert.Contains("Names.ValueModel.g.cs", run.Sources.Keys);
        Assert.Contains("System.TextModel.g.cs", run.Sources.Keys);

        // Every file generates its type, except the later of two whose names differ only in case and
        // the type Collide.Thing, which is also a namespace (of the file whose namespace is Collide.Thing).
        Assert.Equal(2, run.Diagnostics.Count(d => d.Id == "HSM0008"));
        Assert.Equal(files.Count - 4, run.Sources.Count(s => s.Key.EndsWith(".Thing.g.cs", StringComparison.OrdinalIgnoreCase)));
    }

    [Fact]
    public void A_file_listed_twice_is_reported_and_the_others_still_generate()
    {
        // The harness keys files by path, so this run builds its driver itself.
        const string Path = "/robustness/twice/schema.json";
        const string Text = """{"title": "Twice", "type": "object", "properties": {"a": {}}}""";
        AdditionalText[] texts = [new InMemoryAdditionalText(Path, Text), new InMemoryAdditionalText(Path, Text), new InMemoryAdditionalText(Sentinel.Path, Sentinel.Text)];
        var options = new TestOptionsProvider(
            new Dictionary<string, IReadOnlyDictionary<string, string>>
            {
                [Path] = SchemaItem("Twice"),
                [Sentinel.Path] = SchemaItem(SentinelNamespace),
            },
            new Dictionary<string, string>());
        GeneratorDriver driver = CSharpGeneratorDriver.Create([new HooksmithGenerator().AsSourceGenerator()], texts, GeneratorHarness.ParseOptions, options);
        driver = driver.RunGeneratorsAndUpdateCompilation(GeneratorHarness.CreateCompilation(), out var compilation, out var driverDiagnostics);
        var run = new GeneratorRun(driver, compilation, driverDiagnostics);

        AssertNoFailure(run, "a file listed twice");
        Assert.Contains(run.Diagnostics, d => d.Id == "HSM0011" && PathOf(d) == Path);
        Assert.Equal(SentinelOutput.Order(), run.Sources.Keys.Order());
        Assert.Empty(EmitCheck.Problems(run.Output));

        static IReadOnlyDictionary<string, string> SchemaItem(string @namespace) => new Dictionary<string, string>
        {
            ["build_metadata.AdditionalFiles.HooksmithSchema"] = "true",
            ["build_metadata.AdditionalFiles.HooksmithNamespace"] = @namespace,
        };
    }

    [Fact]
    public void Random_text_is_diagnosed_and_never_throws()
    {
        var files = new List<SchemaFile>();
        var valid = new HashSet<string>(StringComparer.Ordinal);
        for (var seed = 0; seed < 300; seed++)
        {
            var text = new RandomSchemas(seed).Garbage();
            var file = new SchemaFile($"/robustness/garbage/{seed}.json", text, "Garbage.Seed" + seed.ToString(CultureInfo.InvariantCulture));
            files.Add(file);
            if (IsJson(text))
            {
                valid.Add(file.Path);
            }
        }

        var run = RunWithSentinel(files, "random text");
        foreach (var file in files)
        {
            var invalidJson = run.Diagnostics.Count(d => d.Id == "HSM0001" && PathOf(d) == file.Path);
            Assert.True(invalidJson == (valid.Contains(file.Path) ? 0 : 1), $"{file.Path}: {invalidJson} HSM0001 for {JsonSerializer.Serialize(file.Text)}");
        }

        output.WriteLine($"{files.Count} random texts, {valid.Count} of them JSON");
    }

    [Fact]
    public void Random_schemas_generate_code_that_compiles()
    {
        const int Batches = 3;
        const int PerBatch = 100;
        var stopwatch = Stopwatch.StartNew();
        var types = 0;
        for (var batch = 0; batch < Batches; batch++)
        {
            var files = new List<SchemaFile>();
            for (var i = 0; i < PerBatch; i++)
            {
                var seed = (batch * PerBatch) + i;
                var (text, dialect) = new RandomSchemas(seed).Document();
                files.Add(new SchemaFile($"/robustness/random/{seed}.json", text, "Random.Seed" + seed.ToString(CultureInfo.InvariantCulture), dialect));
            }

            var run = RunWithSentinel(files, $"random schemas batch {batch}");
            types += run.Sources.Count - 1;
        }

        output.WriteLine($"{Batches * PerBatch} random schemas, {types} generated types, {stopwatch.ElapsedMilliseconds} ms");
    }

    [Fact]
    public void Edited_corpus_documents_generate_code_that_compiles()
    {
        const int Documents = 2;
        var sources = new[] { "events-publication.json", "events-distribution.json" }
            .Select(name => File.ReadAllText(Path.Combine(CorpusFiles.Voucherify, name)))
            .ToList();
        var files = new List<SchemaFile>();
        for (var seed = 0; seed < Documents; seed++)
        {
            var text = new RandomSchemas(seed).Mutate(sources[seed % sources.Count], edits: 6);
            files.Add(new SchemaFile($"/robustness/edited/{seed}.json", text, "Edited.Seed" + seed.ToString(CultureInfo.InvariantCulture)));
        }

        RunWithSentinel(files, "edited corpus documents");
    }

    /// <summary>
    /// Runs the files beside the sentinel and checks what every run must satisfy: no failure, the
    /// sentinel's type generated, and the generated code compiled to an assembly without a warning.
    /// Random inputs come from fixed seeds, and a file's path names its seed, so a failure reproduces.
    /// </summary>
    private GeneratorRun RunWithSentinel(IReadOnlyList<SchemaFile> files, string what)
    {
        var stopwatch = Stopwatch.StartNew();
        var run = GeneratorHarness.Run(files.Append(Sentinel));
        var generated = stopwatch.ElapsedMilliseconds;
        AssertNoFailure(run, what);
        Assert.True(run.Sources.ContainsKey(SentinelHintName), $"{what}: the good schema beside them generated nothing");
        var problems = EmitCheck.Problems(run.Output);
        var errors = problems.Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        output.WriteLine($"{what}: {files.Count} files, {run.Sources.Count} generated in {generated} ms, compiled in {stopwatch.ElapsedMilliseconds - generated} ms; compilation problems: [{string.Join(", ", problems.GroupBy(p => p.Id).OrderBy(g => g.Key).Select(g => $"{g.Key} x{g.Count()}"))}]");
        if (problems.Count > 0)
        {
            foreach (var error in problems.OrderByDescending(p => p.Severity).Take(20))
            {
                output.WriteLine(error.ToString());
                var tree = error.Location.SourceTree;
                if (tree is not null)
                {
                    output.WriteLine("    " + tree.GetText().Lines[error.Location.GetLineSpan().StartLinePosition.Line].ToString().Trim());
                }
            }
        }

        Assert.True(errors.Count == 0, $"{what}: the generated code does not compile: {errors.Count} errors, first {errors.FirstOrDefault()}");

        // Warnings too: a consuming project may well treat them as errors.
        Assert.True(problems.Count == 0, $"{what}: the generated code compiles with {problems.Count} warnings, first {problems.FirstOrDefault()}");
        return run;
    }

    private static void AssertNoFailure(GeneratorRun run, string what)
    {
        Assert.True(run.Result.Exception is null, $"{what}: the generator threw {run.Result.Exception}");
        var crashes = run.GeneratorDiagnostics.Where(d => d.Id == "CS8785").Select(d => d.GetMessage(CultureInfo.InvariantCulture)).ToList();
        Assert.True(crashes.Count == 0, $"{what}: {string.Join("\n", crashes)}");
        var internalErrors = run.Diagnostics.Where(d => d.Id == "HSM0099").Select(d => PathOf(d) + ": " + d.GetMessage(CultureInfo.InvariantCulture)).ToList();
        Assert.True(internalErrors.Count == 0, $"{what}: {string.Join("\n", internalErrors)}");
    }

    private static IEnumerable<string> VoucherifyFiles()
        => Directory.GetFiles(CorpusFiles.Voucherify, "*.json").Where(p => !p.EndsWith("expected-validation.json", StringComparison.Ordinal)).OrderBy(p => p, StringComparer.Ordinal);

    private static string PathOf(Diagnostic diagnostic) => diagnostic.Location.GetLineSpan().Path ?? string.Empty;

    /// <summary>Whether text is JSON (RFC 8259), as a second, independent reader sees it.</summary>
    private static bool IsJson(string text)
    {
        try
        {
            using var document = JsonDocument.Parse(text, new JsonDocumentOptions { MaxDepth = 200 });
            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    /// <summary>A hand-written hostile file and what the generator must say about it.</summary>
    private sealed record Hostile(string Name, string Text, bool InvalidJson, params string[] Expected);

    private static List<Hostile> Adversarial()
    {
        static string Nested(string open, string leaf, string close, int levels)
            => string.Concat(Enumerable.Repeat(open, levels)) + leaf + string.Concat(Enumerable.Repeat(close, levels));

        // Definitions d0 → d1 → … → dN, each made by link(i), the last an object; the root refers to d0.
        static string Chain(int length, Func<int, string> link)
            => "{\"$defs\":{" + string.Concat(Enumerable.Range(0, length).Select(i => $"\"d{i}\":{link(i)},"))
            + $"\"d{length}\":{{\"type\":\"object\",\"properties\":{{\"a\":{{}}}}}}}},\"$ref\":\"#/$defs/d0\"}}";

        // 2 MB of text; as a name or value, which generated code repeats up to a dozen times, 256 KB
        // (still far past any limit on names).
        var huge = new string('x', 2 * 1024 * 1024);
        var long256K = new string('x', 256 * 1024);
        return
        [
            new("empty", string.Empty, true),
            new("open-brace", "{", true),
            new("open-bracket", "[", true),
            new("quote", "\"", true),
            new("bom-only", "\uFEFF", true),
            new("nested-objects-300", Nested("{\"a\":", "1", "}", 300), true),
            new("nested-arrays-10000", Nested("[", string.Empty, "]", 10000), true),
            new("nested-properties-120", Nested("{\"type\":\"object\",\"properties\":{\"a\":", "{\"type\":\"string\"}", "}}", 120), false),
            new("nested-allof-120", Nested("{\"allOf\":[", "{\"type\":\"object\",\"properties\":{\"a\":{}}}", "]}", 120), false),
            new("nested-items-120", Nested("{\"type\":\"array\",\"items\":", "{\"type\":\"object\",\"properties\":{\"a\":{}}}", "}", 120), false),
            new("nested-refs-120", "{\"$defs\":{" + string.Join(",", Enumerable.Range(0, 120).Select(i => $"\"d{i}\":{{\"$ref\":\"#/$defs/d{i + 1}\"}}")) + ",\"d120\":{\"type\":\"object\",\"properties\":{\"a\":{}}}},\"$ref\":\"#/$defs/d0\"}", false),
            new("ref-chain-5000", Chain(5000, i => $"{{\"$ref\":\"#/$defs/d{i + 1}\"}}"), false, "HSM0004"),
            new("allof-chain-5000", Chain(5000, i => $"{{\"allOf\":[{{\"$ref\":\"#/$defs/d{i + 1}\"}}]}}"), false, "HSM0004"),
            new("anyof-chain-5000", Chain(5000, i => $"{{\"anyOf\":[{{\"$ref\":\"#/$defs/d{i + 1}\"}},{{\"type\":\"null\"}}]}}"), false, "HSM0004"),
            new("allof-self", "{\"allOf\":[{\"$ref\":\"#\"}],\"properties\":{\"a\":{\"allOf\":[{\"$ref\":\"#/properties/a\"}]}}}", false),
            new("huge-description", "{\"title\":\"Huge\",\"description\":\"" + huge + "\",\"type\":\"object\",\"properties\":{\"a\":{\"description\":\"" + huge + "\"}}}", false),
            new("long-property-name", "{\"type\":\"object\",\"properties\":{\"" + long256K + "\":{\"type\":\"string\"},\"" + long256K + "y\":{\"type\":\"object\",\"properties\":{\"a\":{}}}},\"required\":[\"" + long256K + "\"]}", false),
            new("long-enum-value", "{\"enum\":[\"" + long256K + "\",\"" + long256K + "y\",\"a\"]}", false),
            new("long-title", "{\"title\":\"" + long256K + "\",\"type\":\"object\",\"properties\":{\"a\":{\"title\":\"" + long256K + "\",\"type\":\"object\",\"properties\":{\"b\":{}}}}}", false),
            new("lone-surrogate-names", "{\"type\":\"object\",\"title\":\"\\ud800\",\"properties\":{\"\\ud800\":{\"type\":\"string\"},\"\\udc00\":{\"enum\":[\"\\ud800\",\"\\udfff\",\"a\\ud800b\"]},\"\ud800raw\":{}}}", false),
            new("ref-to-root", "{\"$ref\": \"#\"}", false),
            new("ref-to-nothing", "{\"$ref\": \"#/nope\"}", false, "HSM0002"),
            new("ref-to-unknown-file", "{\"$ref\": \"http://unknown.example/x.json\"}", false, "HSM0002"),
            new("ref-cycle", "{\"$defs\": {\"a\": {\"$ref\": \"#/$defs/b\"}, \"b\": {\"$ref\": \"#/$defs/a\"}}}", false),
            new("type-is-number", "{\"type\": 5}", false, "HSM0009"),
            new("properties-is-array", "{\"properties\": []}", false, "HSM0009"),
            new("enum-is-string", "{\"enum\": \"x\"}", false, "HSM0009"),
            new("id-is-number", "{\"$id\": 7}", false, "HSM0009"),
            new("unknown-dialect", "{\"$schema\": \"http://unknown\"}", false, "HSM0003"),
            new("openapi-nullable-elements-to-nowhere", "{\"openapi\": \"3.1.0\", \"components\": {\"schemas\": {\"Holder\": {\"type\": \"object\", \"properties\": {\"map\": {\"additionalProperties\": {\"$ref\": \"http://unknown.example/x.json\", \"nullable\": true}}, \"list\": {\"type\": \"array\", \"items\": {\"$ref\": \"http://unknown.example/y.json\", \"nullable\": true}}}}}}}", false, "HSM0002"),
            new("openapi-2", "{\"openapi\": \"2.0\", \"components\": {\"schemas\": {\"A\": {\"type\": \"object\"}}}}", false, "HSM0006"),
            new("openapi-webhook-to-nowhere", "{\"openapi\": \"3.1.0\", \"webhooks\": {\"thing.happened\": {\"post\": {\"requestBody\": {\"content\": {\"application/json\": {\"schema\": {\"$ref\": \"#/components/schemas/Nowhere\"}}}}}}, \"other\": {\"$ref\": \"#/nope\"}, \"empty\": {}, \"wrong\": 5}}", false, "HSM0002"),
        ];
    }
}
