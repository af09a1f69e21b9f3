using System;
using System.Collections.Generic;
using System.Linq;
using Hooksmith.Generator.Tests.Infrastructure;

namespace Hooksmith.Generator.Tests.MultiFolder;

/// <summary>
/// A seeded random tree of schema files in one namespace, shaped like vendors publish them: a folder per
/// event (some nested), the same file names in several folders, titles and definition keys that repeat
/// across files, relative <c>$id</c>s (some the same absolute one), and references into a <c>common/</c> folder.
/// </summary>
internal sealed class ClashingFileTree
{
    public const string Namespace = "Acme.Hooks";
    public const string Root = "/tree";

    private static readonly string[] Folders = ["check_run", "pull_request", "issues", "a", "b", "x/created", "y/created", "deep/check_run", "Check-Run"];
    private static readonly string[] FileNames = ["created.schema.json", "event.schema.json", "deleted.json", "created.json", "Created.schema.json"];
    private static readonly string?[] Titles = [null, null, "Created", "Event", "Thing", "created event", "User"];
    private static readonly string[] DefinitionKeys = ["user", "User", "repository", "createdValidation", "Created", "thing"];

    private ClashingFileTree(List<SchemaFile> files) => Files = files;

    public IReadOnlyList<SchemaFile> Files { get; }

    public static ClashingFileTree Build(int seed)
    {
        var random = new Random(seed);
        var files = new List<SchemaFile>();
        var withCommon = random.Next(2) == 0;
        if (withCommon)
        {
            files.Add(new SchemaFile(Root + "/common/user.schema.json", """
                {"$schema": "http://json-schema.org/draft-07/schema#", "$id": "user.schema.json", "title": "User",
                 "type": "object", "properties": {"login": {"type": "string"}, "id": {"type": "integer"}}, "required": ["login"]}
                """, Namespace));
        }

        var folders = Folders.OrderBy(_ => random.Next()).Take(random.Next(2, 6)).ToList();
        foreach (var folder in folders)
        {
            var names = FileNames.OrderBy(_ => random.Next()).Take(random.Next(1, 4)).ToList();
            foreach (var name in names)
            {
                var path = Root + "/" + folder + "/" + name;
                var depth = folder.Count(c => c == '/') + 1;
                files.Add(new SchemaFile(path, Schema(random, name, depth, withCommon), Namespace));
            }
        }

        return new ClashingFileTree(files.GroupBy(f => f.Path, StringComparer.OrdinalIgnoreCase).Select(g => g.First()).ToList());
    }

    private static string Schema(Random random, string fileName, int depth, bool withCommon)
    {
        var title = Titles[random.Next(Titles.Length)];
        var id = random.Next(4) switch
        {
            0 => null,
            1 => "https://example.com/same.json",
            _ => fileName,
        };
        var definitions = DefinitionKeys.OrderBy(_ => random.Next()).Take(random.Next(0, 3)).ToList();
        var properties = new List<string>
        {
            "\"action\": {\"enum\": [\"created\"]}",
            "\"id\": {\"type\": \"integer\"}",
        };
        properties.AddRange(definitions.Select(key => $"\"{key}Ref\": {{\"$ref\": \"#/definitions/{key}\"}}"));
        if (withCommon)
        {
            properties.Add($"\"sender\": {{\"$ref\": \"{string.Concat(Enumerable.Repeat("../", depth))}common/user.schema.json\"}}");
        }

        properties.Add("\"nested\": {\"type\": \"object\", \"properties\": {\"name\": {\"type\": \"string\"}}}");
        var parts = new List<string> { "\"$schema\": \"http://json-schema.org/draft-07/schema#\"" };
        if (id is not null)
        {
            parts.Add($"\"$id\": \"{id}\"");
        }

        if (title is not null)
        {
            parts.Add($"\"title\": \"{title}\"");
        }

        parts.Add("\"type\": \"object\"");
        parts.Add("\"properties\": {" + string.Join(", ", properties) + "}");
        parts.Add("\"required\": [\"action\"]");
        if (definitions.Count > 0)
        {
            parts.Add("\"definitions\": {" + string.Join(", ", definitions.Select(key =>
                $"\"{key}\": {{\"type\": \"object\", \"properties\": {{\"{key}Id\": {{\"type\": \"string\"}}}}}}")) + "}");
        }

        return "{" + string.Join(", ", parts) + "}";
    }
}
