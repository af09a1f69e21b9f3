using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace Hooksmith.Package.Tests;

/// <summary>
/// A project that lists a folder of schemas with one glob item, built for real from the package: each file
/// keeps its path under the glob's root in its URI and namespace, and two clones of the project in different
/// folders generate byte-identical sources.
/// </summary>
public sealed class SchemaFolderBuildTests(PackedHooksmith package) : IClassFixture<PackedHooksmith>
{
    /// <summary>Event folders under the glob's root, with the namespace each becomes; every one holds files of the same names.</summary>
    private static readonly (string Folder, string Namespace)[] Folders =
    [
        ("check_run", "Acme.GitHub.CheckRun"),
        ("check_suite", "Acme.GitHub.CheckSuite"),
        ("pull_request", "Acme.GitHub.PullRequest"),
        ("pull_request/review", "Acme.GitHub.PullRequest.Review"),
        ("2024-01", "Acme.GitHub._202401"),
    ];

    [Fact]
    public void Two_clones_in_different_folders_build_byte_identical_sources_with_a_uri_and_namespace_per_folder()
    {
        var first = WriteClone(Path.Combine(package.Work, "clones", "alice", "acme"));
        var second = WriteClone(Path.Combine(package.Work, "clones", "ci agent #2", "work", "3", "s"));

        var outputs = new[] { first, second }.Select(app =>
        {
            DotnetProcess.Run(app, $"build -c Release --source \"{package.Feed}\" -p:EmitCompilerGeneratedFiles=true");
            return DotnetProcess.Run(app, "run -c Release --no-build");
        }).ToList();

        // The program lists the catalog and validates through the cross-folder references (see Program below).
        Assert.Equal(outputs[0], outputs[1]);
        foreach (var (folder, @namespace) in Folders)
        {
            Assert.Contains($"../schemas/github/{folder}/created.schema.json https://schemas.example.com/github/{folder}/created.schema.json {@namespace}.Created", outputs[0]);
            Assert.Contains($"../schemas/github/{folder}/event.schema.json https://schemas.example.com/github/{folder}/event.schema.json {@namespace}.Event", outputs[0]);
            Assert.Contains($"{folder}: valid True, empty id minLength, wrong folder const", outputs[0]);
        }

        Assert.Contains("local/ping.json file:///local/ping.json Acme.Local.Ping", outputs[0]);

        var one = GeneratedSources(first);
        var other = GeneratedSources(second);
        Assert.NotEmpty(one);
        Assert.Equal(one.Keys.Order(), other.Keys.Order());
        foreach (var (name, text) in one)
        {
            Assert.True(text == other[name], $"{name} differs between the clones");
            Assert.DoesNotContain(package.Work, text);
        }
    }

    private string WriteClone(string root)
    {
        var github = Path.Combine(root, "schemas", "github");
        Write(Path.Combine(github, "common", "defs.schema.json"), """
            { "$schema": "https://json-schema.org/draft/2020-12/schema", "title": "Defs", "$defs": { "Id": { "type": "string", "minLength": 1 } } }
            """);
        foreach (var (folder, _) in Folders)
        {
            var up = string.Concat(Enumerable.Repeat("../", folder.Count(c => c == '/') + 1));
            Write(Path.Combine(github, folder, "created.schema.json"), $$"""
                {
                  "$schema": "https://json-schema.org/draft/2020-12/schema",
                  "$id": "created.schema.json",
                  "title": "Created",
                  "type": "object",
                  "properties": { "id": { "$ref": "{{up}}common/defs.schema.json#/$defs/Id" }, "folder": { "const": "{{folder}}" } },
                  "required": ["id"]
                }
                """);
            Write(Path.Combine(github, folder, "event.schema.json"), """
                { "$schema": "https://json-schema.org/draft/2020-12/schema", "title": "Event", "type": "object", "properties": { "created": { "$ref": "created.schema.json" } } }
                """);
        }

        var app = Path.Combine(root, "app");
        // A file with neither $id nor BaseUri: its URI comes from its path, relative to the project.
        Write(Path.Combine(app, "local", "ping.json"), """{ "title": "Ping", "type": "object", "properties": { "zen": { "type": "string" } } }""");
        Write(Path.Combine(app, "App.csproj"), package.ProjectFile("""
            <HooksmithSchema Include="../schemas/github/**/*.json" Namespace="Acme.GitHub" NamespaceFromFolders="true" BaseUri="https://schemas.example.com/github/" />
            <HooksmithSchema Include="local/*.json" Namespace="Acme.Local" />
            """));
        Write(Path.Combine(app, "Program.cs"), $$"""
            using System;
            using System.Linq;
            using System.Text;
            using Hooksmith.Generated;

            // Each folder's types in a namespace of their own: these names compile only if they are there.
            Type[] types = [typeof(Acme.GitHub.CheckRun.Created), typeof(Acme.GitHub.PullRequest.Review.Event), typeof(Acme.GitHub._202401.Created)];
            Console.WriteLine(types.Length + " folder types");
            foreach (var entry in HooksmithCatalog.Instance.Schemas.Where(e => e.Pointer.Length == 0).OrderBy(e => e.SourceFile, StringComparer.Ordinal))
            {
                Console.WriteLine($"{entry.SourceFile} {entry.SchemaUri.TrimEnd('#')} {entry.ModelType?.FullName}");
            }

            foreach (var folder in new[] { {{string.Join(", ", Folders.Select(f => "\"" + f.Folder + "\""))}} })
            {
                var entry = HooksmithCatalog.Instance.FindByUri($"https://schemas.example.com/github/{folder}/event.schema.json")!;
                string Json(string id, string inFolder) => "{ \"created\": { \"id\": \"" + id + "\", \"folder\": \"" + inFolder + "\" } }";
                string Keywords(string json) => string.Join(",", entry.Validate(Encoding.UTF8.GetBytes(json)).Errors.Select(e => e.Keyword));
                var valid = entry.Validate(Encoding.UTF8.GetBytes(Json("a", folder))).IsValid;
                Console.WriteLine($"{folder}: valid {valid}, empty id {Keywords(Json("", folder))}, wrong folder {Keywords(Json("a", "x"))}");
            }
            """);
        return app;
    }

    private static Dictionary<string, string> GeneratedSources(string app)
    {
        var generated = Path.Combine(app, "obj", "Release", "net10.0", "generated");
        return Directory.GetFiles(generated, "*.cs", SearchOption.AllDirectories)
            .ToDictionary(path => Path.GetRelativePath(generated, path).Replace('\\', '/'), File.ReadAllText);
    }

    private static void Write(string path, string text)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
    }
}
