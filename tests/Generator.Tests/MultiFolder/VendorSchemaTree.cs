using System;
using System.Collections.Generic;
using System.Linq;
using Hooksmith.Generator.Tests.Infrastructure;

namespace Hooksmith.Generator.Tests.MultiFolder;

/// <summary>
/// A synthetic schema set shaped like a vendor's published webhook schemas: draft-07, a folder per event
/// holding one file per action and an <c>event.schema.json</c> whose payload is a <c>oneOf</c> of them
/// (or a bare <c>$ref</c>), a <c>common/</c> folder, a relative <c>$id</c> in every file, an open
/// <c>action</c> enum of one value in each action schema, all in one namespace.
/// </summary>
internal sealed class VendorSchemaTree
{
    public const string Namespace = "Acme.GitHub";
    public const string Root = "/vendor/schemas";
    private const string Draft07 = "http://json-schema.org/draft-07/schema#";

    public static readonly string[] Actions =
    [
        "opened", "closed", "reopened", "edited", "assigned", "unassigned", "labeled", "unlabeled", "locked", "unlocked",
        "created", "deleted", "transferred", "pinned", "unpinned", "milestoned", "demilestoned", "synchronize", "converted_to_draft", "ready_for_review",
    ];

    private VendorSchemaTree(List<SchemaFile> files, Dictionary<string, List<string>> actionsByEvent, Dictionary<string, string> payloadKinds)
    {
        Files = files;
        ActionsByEvent = actionsByEvent;
        PayloadKinds = payloadKinds;
    }

    public IReadOnlyList<SchemaFile> Files { get; }

    /// <summary>For each event whose payload is a union of its actions: the actions, in schema order.</summary>
    public IReadOnlyDictionary<string, List<string>> ActionsByEvent { get; }

    /// <summary>How each event's payload schema is written (union, a bare $ref to an action, to a common schema, to a loose schema).</summary>
    public IReadOnlyDictionary<string, string> PayloadKinds { get; }

    /// <summary>One event, <c>pull_request</c>, whose payload is a union of all twenty actions.</summary>
    public static VendorSchemaTree TwentyActions() => Build(["pull_request"], _ => Actions.ToList(), _ => "union", titled: _ => true);

    /// <summary>Several events with random actions and payload shapes, the same file names in several folders.</summary>
    public static VendorSchemaTree Random(int seed)
    {
        var random = new Random(seed);
        var events = new[] { "check_run", "check_suite", "issues", "pull_request", "discussion", "label", "ping", "star" }
            .OrderBy(_ => random.Next()).Take(random.Next(2, 6)).ToList();
        var kinds = new[] { "union", "union", "union", "ref-action", "ref-common", "ref-loose", "ref-local" };
        var actions = events.ToDictionary(e => e, _ => Actions.OrderBy(_ => random.Next()).Take(random.Next(1, 8)).ToList());
        var payloads = events.ToDictionary(e => e, _ => kinds[random.Next(kinds.Length)]);
        var titles = new Dictionary<string, bool>();
        return Build(events, e => actions[e], e => payloads[e], titled: file => titles.TryGetValue(file, out var t) ? t : titles[file] = random.Next(2) == 0);
    }

    private static VendorSchemaTree Build(IReadOnlyList<string> events, Func<string, List<string>> actionsOf, Func<string, string> payloadOf, Func<string, bool> titled)
    {
        var files = new List<SchemaFile>
        {
            new(Root + "/common/user.schema.json", $$"""
                {"$schema": "{{Draft07}}", "$id": "user.schema.json", "title": "User", "type": "object",
                 "required": ["login", "id"],
                 "properties": {"login": {"type": "string"}, "id": {"type": "integer"}, "type": {"type": "string", "enum": ["User", "Bot", "Organization"] } }
                }
                """, Namespace),
            new(Root + "/common/anything.schema.json", $$"""
                {"$schema": "{{Draft07}}", "$id": "anything.schema.json", "description": "Any JSON at all."}
                """, Namespace),
        };
        var byEvent = new Dictionary<string, List<string>>();
        var kinds = new Dictionary<string, string>();
        foreach (var @event in events)
        {
            var actions = actionsOf(@event);
            var kind = payloadOf(@event);
            kinds[@event] = kind;
            foreach (var action in actions)
            {
                var path = Root + "/" + @event + "/" + action + ".schema.json";
                var title = titled(path) ? $"\"title\": \"{@event} {action} event\", " : string.Empty;
                files.Add(new SchemaFile(path, $$"""
                    {"$schema": "{{Draft07}}", "$id": "{{action}}.schema.json", {{title}}"type": "object",
                     "required": ["action", "number", "sender"],
                     "properties": {
                       "action": {"type": "string", "enum": ["{{action}}"]},
                       "number": {"type": "integer"},
                       "note": {"type": "string"},
                       "sender": {"$ref": "../common/user.schema.json"}
                     },
                     "additionalProperties": false}
                    """, Namespace));
            }

            string payload;
            switch (kind)
            {
                case "union":
                    byEvent[@event] = actions;
                    payload = "\"oneOf\": [" + string.Join(", ", actions.Select(a => $"{{\"$ref\": \"{a}.schema.json\"}}")) + "]";
                    break;
                case "ref-action":
                    payload = $"\"$ref\": \"{actions[0]}.schema.json\"";
                    break;
                case "ref-common":
                    payload = "\"$ref\": \"../common/user.schema.json\"";
                    break;
                case "ref-loose":
                    payload = "\"$ref\": \"../common/anything.schema.json\"";
                    break;
                default:
                    payload = "\"$ref\": \"#/definitions/payload\", \"definitions\": {\"payload\": {\"type\": \"object\", \"properties\": {\"zen\": {\"type\": \"string\"}}}}";
                    break;
            }

            files.Add(new SchemaFile(
                Root + "/" + @event + "/event.schema.json",
                $$"""{"$schema": "{{Draft07}}", "$id": "event.schema.json", {{payload}}}""",
                Namespace,
                Event: @event));
        }

        return new VendorSchemaTree(files, byEvent, kinds);
    }
}
