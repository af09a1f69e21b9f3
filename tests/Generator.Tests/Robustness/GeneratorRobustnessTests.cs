using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using Hooksmith.Generator.Tests.Corpus;
using Hooksmith.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
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

            Assert.Single(run.Sources);
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
        const int Batches = 4;
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

    /// <summary>Runs the files beside the sentinel and checks what every run must satisfy.</summary>
    private GeneratorRun RunWithSentinel(IReadOnlyList<SchemaFile> files, string what)
    {
        var run = GeneratorHarness.Run(files.Append(Sentinel));
        AssertNoFailure(run, what);
        Assert.True(run.Sources.ContainsKey(SentinelHintName), $"{what}: the good schema beside them generated nothing");
        var problems = run.CompilationProblems;
        var errors = problems.Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        output.WriteLine($"{what}: {files.Count} files, {run.Sources.Count} generated, compilation: {string.Join(", ", problems.GroupBy(p => p.Id).OrderBy(g => g.Key).Select(g => $"{g.Key} x{g.Count()}"))}");
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

        var huge = new string('x', 2 * 1024 * 1024);
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
            new("huge-description", "{\"title\":\"Huge\",\"description\":\"" + huge + "\",\"type\":\"object\",\"properties\":{\"a\":{\"description\":\"" + huge + "\"}}}", false),
            new("huge-property-name", "{\"type\":\"object\",\"properties\":{\"" + huge + "\":{\"type\":\"string\"},\"" + huge + "y\":{\"type\":\"string\"}},\"required\":[\"" + huge + "\"]}", false),
            new("huge-enum-value", "{\"enum\":[\"" + huge + "\",\"" + huge + "y\",\"a\"]}", false),
            new("huge-title", "{\"title\":\"" + huge + "\",\"type\":\"object\",\"properties\":{\"a\":{\"title\":\"" + huge + "\",\"type\":\"object\",\"properties\":{\"b\":{}}}}}", false),
            new("lone-surrogate-names", "{\"type\":\"object\",\"title\":\"\\ud800\",\"properties\":{\"\\ud800\":{\"type\":\"string\"},\"\\udc00\":{\"enum\":[\"\\ud800\",\"\\udfff\",\"a\\ud800b\"]},\"\ud800raw\":{}}}", false),
            new("ref-to-root", "{\"$ref\": \"#\"}", false),
            new("ref-to-nothing", "{\"$ref\": \"#/nope\"}", false, "HSM0002"),
            new("ref-to-unknown-file", "{\"$ref\": \"http://unknown.example/x.json\"}", false, "HSM0002"),
            new("ref-cycle", "{\"$defs\": {\"a\": {\"$ref\": \"#/$defs/b\"}, \"b\": {\"$ref\": \"#/$defs/a\"}}}", false),
            new("type-is-number", "{\"type\": 5}", false),
            new("properties-is-array", "{\"properties\": []}", false),
            new("enum-is-string", "{\"enum\": \"x\"}", false),
            new("id-is-number", "{\"$id\": 7}", false),
            new("unknown-dialect", "{\"$schema\": \"http://unknown\"}", false, "HSM0003"),
            new("openapi-2", "{\"openapi\": \"2.0\", \"components\": {\"schemas\": {\"A\": {\"type\": \"object\"}}}}", false, "HSM0006"),
            new("openapi-webhook-to-nowhere", "{\"openapi\": \"3.1.0\", \"webhooks\": {\"thing.happened\": {\"post\": {\"requestBody\": {\"content\": {\"application/json\": {\"schema\": {\"$ref\": \"#/components/schemas/Nowhere\"}}}}}}, \"other\": {\"$ref\": \"#/nope\"}, \"empty\": {}, \"wrong\": 5}}", false, "HSM0002"),
        ];
    }
}
