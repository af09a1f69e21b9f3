using System;
using System.Globalization;
using System.Linq;
using System.Text.RegularExpressions;
using Hooksmith.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Xunit.Abstractions;

namespace Hooksmith.Generator.Tests.MultiFolder;

/// <summary>
/// Files with the same names in different folders, listed in one namespace: the generator never throws
/// (no duplicate hint names), tells their types apart by folder, and reports only what nothing tells apart.
/// </summary>
public sealed partial class ClashingFileNameTests(ITestOutputHelper output)
{
    private const string Draft07 = "\"$schema\": \"http://json-schema.org/draft-07/schema#\"";

    [Fact]
    public void Same_file_names_in_two_folders_generate_both_named_after_their_folders()
    {
        foreach (var title in new[] { "\"title\": \"Created Event\", ", string.Empty })
        {
            var schema = "{" + Draft07 + ", \"$id\": \"created.schema.json\", " + title + "\"type\": \"object\", \"properties\": {\"action\": {\"enum\": [\"created\"]}}}";
            var run = GeneratorHarness.Run(
            [
                new SchemaFile("/hooks/check_run/created.schema.json", schema, "Acme.GitHub"),
                new SchemaFile("/hooks/pull_request/created.schema.json", schema, "Acme.GitHub"),
            ]);

            AssertNoFailure(run);
            Assert.Empty(run.CompilationProblems);
            var stem = title.Length > 0 ? "CreatedEvent" : "Created";
            Assert.NotNull(run.Output.GetTypeByMetadataName("Acme.GitHub.CheckRun" + stem));
            Assert.NotNull(run.Output.GetTypeByMetadataName("Acme.GitHub.PullRequest" + stem));
            Assert.NotNull(run.Output.GetTypeByMetadataName("Acme.GitHub.CheckRunCreatedValidation"));
            var warnings = run.Diagnostics.Where(d => d.Id == "HSM0014").ToList();
            Assert.Equal(2, warnings.Count);
            Assert.All(warnings, w => Assert.Equal(DiagnosticSeverity.Warning, w.Severity));
            Assert.DoesNotContain(run.Diagnostics, d => d.Id == "HSM0008");
        }
    }

    [Fact]
    public void References_into_a_renamed_file_use_its_new_name()
    {
        const string Created = "{" + Draft07 + ", \"title\": \"Created\", \"type\": \"object\", \"properties\": {\"id\": {\"type\": \"integer\"}}}";
        var run = GeneratorHarness.Run(
        [
            new SchemaFile("/hooks/a/created.json", Created, "Acme"),
            new SchemaFile("/hooks/b/created.json", Created, "Acme"),
            new SchemaFile("/hooks/b/holder.json", "{" + Draft07 + ", \"title\": \"Holder\", \"type\": \"object\", \"properties\": {\"item\": {\"$ref\": \"../a/created.json\"}}}", "Acme"),
        ]);

        AssertNoFailure(run);
        Assert.Empty(run.CompilationProblems);
        Assert.Contains("global::Acme.ACreated? Item", run.Source("Acme.Holder.g.cs"), StringComparison.Ordinal);
    }

    [Fact]
    public void Random_trees_of_clashing_files_generate_or_report_every_file_and_compile()
    {
        for (var seed = 0; seed < 30; seed++)
        {
            var tree = ClashingFileTree.Build(seed);
            var run = GeneratorHarness.Run(tree.Files);
            var what = $"seed {seed}: " + string.Join(", ", tree.Files.Select(f => f.Path));
            AssertNoFailure(run, what);
            Assert.True(run.CompilationProblems.Count == 0, what + "\n" + string.Join("\n", run.CompilationProblems) + "\n" + string.Join("\n", run.Diagnostics));

            var catalog = run.Source("Hooksmith.Generated.HooksmithCatalog.g.cs");
            foreach (var file in tree.Files)
            {
                var root = CatalogRoot().Matches(catalog).FirstOrDefault(m => m.Groups["path"].Value == file.Path);
                var generated = root is not null && root.Groups["model"].Value != "null";
                var reported = run.Diagnostics.Any(d => d.Id == "HSM0008" && d.Location.GetLineSpan().Path == file.Path);
                Assert.True(generated || reported, $"{what}\n{file.Path}: neither generated nor reported");
            }

            // The outcome does not depend on the order the files are listed in.
            var shuffled = GeneratorHarness.Run(tree.Files.Reverse());
            Assert.Equal(run.Sources.OrderBy(s => s.Key, StringComparer.Ordinal), shuffled.Sources.OrderBy(s => s.Key, StringComparer.Ordinal));
        }
    }

    private void AssertNoFailure(GeneratorRun run, string what = "")
    {
        Assert.True(run.Result.Exception is null, $"{what}: the generator threw {run.Result.Exception}");
        var crashes = run.GeneratorDiagnostics.Where(d => d.Id == "CS8785").Select(d => d.GetMessage(CultureInfo.InvariantCulture)).ToList();
        Assert.True(crashes.Count == 0, $"{what}: {string.Join("\n", crashes)}");
        var internalErrors = run.Diagnostics.Where(d => d.Id == "HSM0099").Select(d => d.GetMessage(CultureInfo.InvariantCulture)).ToList();
        if (internalErrors.Count > 0)
        {
            output.WriteLine(what);
        }

        Assert.True(internalErrors.Count == 0, $"{what}: {string.Join("\n", internalErrors)}");
    }

    [GeneratedRegex("""new\("(?<path>[^"]+)", "", "[^"]*", "[^"]*", (?<model>typeof\(global::[^)]+\)|null), """)]
    private static partial Regex CatalogRoot();
}
