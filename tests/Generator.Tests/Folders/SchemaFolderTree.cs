using System;
using System.Collections.Generic;
using System.Linq;
using Hooksmith.Generator.Tests.Infrastructure;

namespace Hooksmith.Generator.Tests.Folders;

/// <summary>
/// A synthetic folder of webhook schemas, as providers publish them (GitHub's <c>check_run/created.schema.json</c>):
/// the same file names in many folders, relative <c>$id</c>s and <c>$ref</c>s within a folder and across folders
/// to a shared <c>common/defs.schema.json</c>. Listed as one glob item, <c>schemas/**/*.json</c>, with the
/// metadata the build files pass for it; a seed picks the folders, so each seed is another tree.
/// </summary>
internal sealed class SchemaFolderTree
{
    public const string BaseUri = "https://x.example/";
    public const string Namespace = "Acme.GitHub";

    /// <summary>Folder names and the namespace part each becomes, including ones that are not identifiers.</summary>
    private static readonly (string Folder, string Part)[] FolderNames =
    [
        ("check_run", "CheckRun"),
        ("pull-request", "PullRequest"),
        ("issues", "Issues"),
        ("deployment_status", "DeploymentStatus"),
        ("2024-01", "_202401"),
        ("workflow run", "WorkflowRun"),
        ("v2", "V2"),
        ("PING", "Ping"),
    ];

    private SchemaFolderTree(IReadOnlyList<(string Folder, string NamespacePart)> folders) => Folders = folders;

    /// <summary>Each event folder under the glob root (<c>check_run</c>, <c>check_run/v2</c>) with its namespace suffix.</summary>
    public IReadOnlyList<(string Folder, string NamespacePart)> Folders { get; }

    public static SchemaFolderTree FromSeed(int seed)
    {
        var random = new Random(seed);
        var count = random.Next(2, FolderNames.Length);
        var picked = FolderNames.OrderBy(_ => random.Next()).Take(count).ToList();
        var folders = new List<(string, string)>();
        foreach (var (folder, part) in picked)
        {
            folders.Add((folder, part));
            if (random.Next(3) == 0)
            {
                // A nested folder of the same name as a sibling elsewhere: its path, not its name, tells it apart.
                var (inner, innerPart) = FolderNames[random.Next(FolderNames.Length)];
                folders.Add((folder + "/" + inner, part + "." + innerPart));
            }
        }

        return new SchemaFolderTree(folders);
    }

    /// <summary>
    /// The files under <paramref name="root"/> (a folder, ending in a separator), with the item metadata of one
    /// glob item; <paramref name="withMetadata"/> false leaves out the folders the build files pass.
    /// </summary>
    public IEnumerable<SchemaFile> Files(string root, char separator = '/', bool withMetadata = true)
    {
        string PathOf(string relative) => root + "schemas" + separator + relative.Replace('/', separator);
        SchemaFile File(string relative, string text)
        {
            var slash = relative.LastIndexOf('/');
            var folder = slash < 0 ? string.Empty : relative.Substring(0, slash);
            if (withMetadata)
            {
                return new SchemaFile(PathOf(relative), text, Namespace, BaseUri: BaseUri) { RecursiveDir = folder.Replace('/', separator) + separator, NamespaceFromFolders = true };
            }

            // As a project had to before: a namespace written per folder, the URI left to the base alone.
            var part = Folders.FirstOrDefault(f => f.Folder == folder).NamespacePart ?? "Common";
            return new SchemaFile(PathOf(relative), text, Namespace + "." + part, BaseUri: BaseUri);
        }

        yield return File("common/defs.schema.json", """
            {
              "$schema": "https://json-schema.org/draft/2020-12/schema",
              "title": "Defs",
              "$defs": { "Id": { "type": "string", "minLength": 1 } }
            }
            """);
        for (var i = 0; i < Folders.Count; i++)
        {
            var folder = Folders[i].Folder;
            var up = string.Concat(Enumerable.Repeat("../", folder.Count(c => c == '/') + 1));
            // Half of the files name themselves with a relative $id, which must land on the same URI.
            var id = i % 2 == 0 ? "\"$id\": \"created.schema.json\"," : string.Empty;
            yield return File(folder + "/created.schema.json", $$"""
                {
                  "$schema": "https://json-schema.org/draft/2020-12/schema",
                  {{id}}
                  "title": "Created",
                  "type": "object",
                  "properties": {
                    "id": { "$ref": "{{up}}common/defs.schema.json#/$defs/Id" },
                    "folder": { "const": "{{folder}}" }
                  },
                  "required": ["id"]
                }
                """);
            yield return File(folder + "/event.schema.json", """
                {
                  "$schema": "https://json-schema.org/draft/2020-12/schema",
                  "title": "Event",
                  "type": "object",
                  "properties": { "created": { "$ref": "created.schema.json" } },
                  "required": ["created"]
                }
                """);
        }
    }
}
