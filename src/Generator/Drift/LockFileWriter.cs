using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using Hooksmith.Generator.Json;

namespace Hooksmith.Generator.Drift;

/// <summary>
/// Writes a surface as <c>hooksmith.lock.json</c>: what the receiver has accepted. Deterministic —
/// keys sorted, branches in a stable order, no positions — and indented one fact a line, so that
/// accepting a provider's new spec is reviewing the lock's diff.
/// </summary>
internal static class LockFileWriter
{
    /// <summary>The format's name and version, the lock's first member.</summary>
    public const string FormatVersion = "hooksmith-lock/1";

    public static string Write(SchemaSurface surface)
    {
        var text = new StringBuilder();
        text.Append("{\n");
        Member(text, 1, "format");
        JsonTextWriter.WriteString(text, FormatVersion);
        text.Append(",\n");
        if (surface.IncludesDocs)
        {
            // Written by 'hooksmith lock --include-docs': each schema's documentation is fingerprinted, for 'check --include-docs'.
            Member(text, 1, "docs");
            text.Append("true,\n");
        }

        Member(text, 1, "events");
        text.Append('{');
        var first = true;
        foreach (var entry in surface.Events)
        {
            Separator(text, ref first);
            Member(text, 2, entry.Key);
            text.Append("{\n");
            Member(text, 3, "key");
            JsonTextWriter.WriteString(text, entry.Value.Key);
            if (entry.Value.CSharpType is { } type)
            {
                text.Append(",\n");
                Member(text, 3, "csharp");
                JsonTextWriter.WriteString(text, type);
            }

            text.Append(",\n");
            Member(text, 3, "pointer");
            JsonTextWriter.WriteString(text, entry.Value.Payload.Pointer);
            text.Append(",\n");
            Member(text, 3, "payload");
            Node(text, 3, entry.Value.Payload);
            text.Append('\n').Append(' ', 4).Append('}');
        }

        Close(text, 1, '}', first);
        text.Append(",\n");
        Member(text, 1, "schemas");
        text.Append('{');
        first = true;
        foreach (var entry in surface.Schemas)
        {
            Separator(text, ref first);
            Member(text, 2, entry.Key);
            Node(text, 2, entry.Value.Node, entry.Value.IsNamed ? null : false);
        }

        Close(text, 1, '}', first);
        text.Append("\n}\n");
        return text.ToString();
    }

    /// <summary>The node as the lock writes it: equal for two schemas a receiver cannot tell apart.</summary>
    public static string Fingerprint(SurfaceNode node)
    {
        var text = new StringBuilder();
        Node(text, 0, node);
        return text.ToString();
    }

    private static void Node(StringBuilder text, int depth, SurfaceNode node, bool? named = null, string? member = null)
    {
        var facts = new List<(string Name, Action<int> Write)>();
        if (member is not null)
        {
            facts.Add(("member", _ => JsonTextWriter.WriteString(text, member)));
        }

        if (named == false)
        {
            facts.Add(("named", _ => text.Append("false")));
        }

        if (node.CSharpType is { } type)
        {
            facts.Add(("csharp", _ => JsonTextWriter.WriteString(text, type)));
        }

        if (node.Ref is { } reference)
        {
            facts.Add(("$ref", _ => JsonTextWriter.WriteString(text, reference)));
        }

        if (node.Types is { } types)
        {
            facts.Add(("type", _ => Strings(text, types)));
        }

        if (node.Nullable)
        {
            facts.Add(("nullable", _ => text.Append("true")));
        }

        if (node.Format is { } format)
        {
            facts.Add(("format", _ => JsonTextWriter.WriteString(text, format)));
        }

        if (node.Enum is { } values)
        {
            facts.Add(("enum", _ => text.Append('[').Append(string.Join(", ", values)).Append(']')));
        }

        foreach (var bound in node.Bounds)
        {
            facts.Add((bound.Key, _ => JsonTextWriter.WriteString(text, bound.Value)));
        }

        if (node.Required.Count > 0)
        {
            facts.Add(("required", _ => Strings(text, node.Required)));
        }

        if (node.Properties.Count > 0)
        {
            facts.Add(("properties", d =>
            {
                text.Append('{');
                var first = true;
                foreach (var property in node.Properties)
                {
                    Separator(text, ref first);
                    Member(text, d + 1, property.Key);
                    Node(text, d + 1, property.Value.Node, member: property.Value.Member);
                }

                Close(text, d, '}', first);
            }));
        }

        if (node.Items is { } items)
        {
            facts.Add(("items", d => Node(text, d, items)));
        }

        if (node.NoAdditionalProperties)
        {
            facts.Add(("additionalProperties", _ => text.Append("false")));
        }
        else if (node.AdditionalProperties is { } additional)
        {
            facts.Add(("additionalProperties", d => Node(text, d, additional)));
        }

        if (node.Variants.Count > 0)
        {
            facts.Add(("variants", d => Nodes(text, d, node.Variants)));
        }

        if (node.AllOf.Count > 0)
        {
            facts.Add(("allOf", d => Nodes(text, d, node.AllOf)));
        }

        foreach (var applicator in node.Applicators)
        {
            facts.Add((applicator.Key, d => Node(text, d, applicator.Value)));
        }

        if (node.Deprecated)
        {
            facts.Add(("deprecated", _ => text.Append("true")));
        }

        if (node.Docs is { } docs)
        {
            facts.Add(("docs", _ => JsonTextWriter.WriteString(text, docs)));
        }

        if (facts.Count == 0)
        {
            text.Append("{}");
            return;
        }

        text.Append('{');
        var firstFact = true;
        foreach (var (name, write) in facts)
        {
            Separator(text, ref firstFact);
            Member(text, depth + 1, name);
            write(depth + 1);
        }

        Close(text, depth, '}', false);
    }

    private static void Nodes(StringBuilder text, int depth, List<SurfaceNode> nodes)
    {
        // Branches in a stable order: their order in the file says nothing to a receiver.
        var written = nodes.Select(n =>
        {
            var one = new StringBuilder();
            Node(one, depth + 1, n);
            return one.ToString();
        }).OrderBy(s => s, StringComparer.Ordinal).ToList();
        text.Append('[');
        var first = true;
        foreach (var item in written)
        {
            Separator(text, ref first);
            text.Append(' ', (depth + 1) * 2).Append(item);
        }

        Close(text, depth, ']', first);
    }

    private static void Strings(StringBuilder text, IEnumerable<string> values)
    {
        text.Append('[');
        var first = true;
        foreach (var value in values)
        {
            if (!first)
            {
                text.Append(", ");
            }

            first = false;
            JsonTextWriter.WriteString(text, value);
        }

        text.Append(']');
    }

    private static void Member(StringBuilder text, int depth, string name)
    {
        text.Append(' ', depth * 2);
        JsonTextWriter.WriteString(text, name);
        text.Append(": ");
    }

    private static void Separator(StringBuilder text, ref bool first)
    {
        text.Append(first ? "\n" : ",\n");
        first = false;
    }

    private static void Close(StringBuilder text, int depth, char bracket, bool empty)
    {
        if (!empty)
        {
            text.Append('\n').Append(' ', depth * 2);
        }

        text.Append(bracket);
    }
}
