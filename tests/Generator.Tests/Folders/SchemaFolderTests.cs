using System;
using System.Linq;
using System.Text;
using Hooksmith.Generator.Tests.Infrastructure;
using Hooksmith.Validation;

namespace Hooksmith.Generator.Tests.Folders;

/// <summary>
/// A glob item over a folder of schemas: with a folder <c>BaseUri</c> each file keeps its path under the
/// glob's root in its URI, and <c>NamespaceFromFolders</c> puts each folder's types in a namespace of its own.
/// </summary>
public sealed class SchemaFolderTests
{
    public static TheoryData<int> Seeds => new(Enumerable.Range(1, 12));

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Files_of_one_name_in_different_folders_stand_for_different_uris_and_namespaces(int seed)
    {
        var tree = SchemaFolderTree.FromSeed(seed);
        var run = GeneratorHarness.Run(tree.Files("/repo/"), projectDirectory: "/repo/");

        Assert.Empty(run.Diagnostics);
        Assert.Empty(run.CompilationProblems);
        var catalog = CatalogOf(run);
        foreach (var (folder, part) in tree.Folders)
        {
            var uriFolder = string.Join("/", folder.Split('/').Select(Uri.EscapeDataString));
            var created = catalog.FindByUri($"{SchemaFolderTree.BaseUri}{uriFolder}/created.schema.json");
            Assert.NotNull(created);
            Assert.Equal($"{SchemaFolderTree.Namespace}.{part}.Created", created.ModelType?.FullName);
            Assert.Equal($"schemas/{folder}/created.schema.json", created.SourceFile);
            Assert.Equal($"{SchemaFolderTree.Namespace}.{part}.Event", catalog.FindByUri($"{SchemaFolderTree.BaseUri}{uriFolder}/event.schema.json")?.ModelType?.FullName);
        }
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Relative_references_resolve_within_the_folder_and_across_folders(int seed)
    {
        var tree = SchemaFolderTree.FromSeed(seed);
        var catalog = CatalogOf(GeneratorHarness.Run(tree.Files("/repo/"), projectDirectory: "/repo/"));

        foreach (var (folder, _) in tree.Folders)
        {
            var @event = catalog.Find($"schemas/{folder}/event.schema.json");
            Assert.NotNull(@event);

            // event → created.schema.json of its own folder (the const names the folder) → common/defs.schema.json (minLength).
            Assert.True(@event.Validate(Utf8($$"""{ "created": { "id": "a", "folder": "{{folder}}" } }""")).IsValid);
            var emptyId = @event.Validate(Utf8($$"""{ "created": { "id": "", "folder": "{{folder}}" } }"""));
            Assert.Equal(new[] { "minLength" }, emptyId.Errors.Select(e => e.Keyword));
            Assert.Equal("/created/id", emptyId.Errors[0].InstanceLocation);
            var otherFolder = @event.Validate(Utf8("""{ "created": { "id": "a", "folder": "elsewhere" } }"""));
            Assert.Equal(new[] { "const" }, otherFolder.Errors.Select(e => e.Keyword));
        }
    }

    [Fact]
    public void Without_the_folders_the_files_of_one_name_get_one_uri_and_are_reported()
    {
        // What a folder BaseUri did before items passed their folders: every created.schema.json at one URI.
        var tree = SchemaFolderTree.FromSeed(3);
        var run = GeneratorHarness.Run(tree.Files("/repo/", withMetadata: false), projectDirectory: "/repo/");

        Assert.Contains(run.Diagnostics, d => d.Id == "HSM0007");
    }

    [Theory]
    [InlineData("check_run/", "Acme.GitHub.CheckRun")]
    [InlineData("check_run\\v2\\", "Acme.GitHub.CheckRun.V2")]
    [InlineData("pull-request/closed/", "Acme.GitHub.PullRequest.Closed")]
    [InlineData("2024-01/", "Acme.GitHub._202401")]
    [InlineData("class/", "Acme.GitHub.Class")]
    [InlineData("", "Acme.GitHub")]
    [InlineData("./", "Acme.GitHub")]
    public void Namespace_from_folders_adds_one_pascal_cased_part_per_folder(string recursiveDir, string expected)
    {
        var file = new SchemaFile("/repo/schemas/" + recursiveDir.Replace('\\', '/') + "thing.json", """{ "title": "Thing", "type": "object" }""", "Acme.GitHub")
        {
            RecursiveDir = recursiveDir,
            NamespaceFromFolders = true,
        };
        var run = GeneratorHarness.Run([file], projectDirectory: "/repo/");

        Assert.Empty(run.Diagnostics);
        Assert.Contains(expected + ".Thing.g.cs", run.Sources.Keys);
    }

    [Fact]
    public void Folders_change_neither_namespace_nor_uri_unless_asked()
    {
        var file = new SchemaFile("/repo/schemas/check_run/thing.json", """{ "title": "Thing", "type": "object" }""", "Acme.GitHub", BaseUri: "https://x.example/schemas/thing.json")
        {
            RecursiveDir = "check_run/",
        };
        var catalog = CatalogOf(GeneratorHarness.Run([file], projectDirectory: "/repo/"));

        var entry = Assert.Single(catalog.Schemas);
        Assert.Equal("Acme.GitHub.Thing", entry.ModelType?.FullName);
        Assert.Equal("https://x.example/schemas/thing.json", entry.Resource);
    }

    internal static SchemaCatalog CatalogOf(GeneratorRun run)
        => (SchemaCatalog)run.Load().GetType("Hooksmith.Generated.HooksmithCatalog", throwOnError: true)!.GetProperty("Instance")!.GetValue(null)!;

    private static ReadOnlyMemory<byte> Utf8(string json) => Encoding.UTF8.GetBytes(json);
}
