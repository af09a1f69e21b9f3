using System.IO;
using System.Linq;
using Hooksmith.Generator.Tests.Infrastructure;

namespace Hooksmith.Generator.Tests.Snapshots;

/// <summary>
/// The generated code for representative schemas, compared with golden files under
/// <c>Snapshots/Expected</c>: a change to the emitted code shows up in review as a diff of those files.
/// </summary>
public sealed class GeneratedCodeSnapshotTests
{
    private static string SnapshotFolder => Path.Combine(TestPaths.RepositoryRoot, "tests", "Generator.Tests", "Snapshots");

    public static TheoryData<string> Schemas()
    {
        var data = new TheoryData<string>();
        foreach (var path in Directory.GetFiles(Path.Combine(SnapshotFolder, "Schemas"), "*.json").OrderBy(p => p))
        {
            data.Add(Path.GetFileNameWithoutExtension(path));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Schemas))]
    public void Generated_code_matches_its_golden_files_and_compiles_cleanly(string schema)
    {
        var path = Path.Combine(SnapshotFolder, "Schemas", schema + ".json");
        // A fixed virtual path: generated code quotes the file (catalog, file:// base URIs), and golden
        // files must not depend on where the repository is cloned.
        var run = GeneratorHarness.Run([new SchemaFile("/snapshots/" + schema + ".json", File.ReadAllText(path), Namespace: "Snapshots")]);

        Assert.Empty(run.Diagnostics);
        Assert.Empty(run.CompilationProblems);
        var expectedFolder = Path.Combine(SnapshotFolder, "Expected", schema);
        foreach (var (hintName, source) in run.Sources)
        {
            GoldenFile.Verify(source, Path.Combine(expectedFolder, hintName));
        }

        // A golden file whose type is no longer generated is stale.
        var stale = Directory.Exists(expectedFolder)
            ? Directory.GetFiles(expectedFolder, "*.g.cs").Select(Path.GetFileName).Except(run.Sources.Keys).ToList()
            : [];
        Assert.Empty(stale);
    }
}
