using System;
using System.Collections.Generic;
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

    private static readonly SortedDictionary<string, string> NoBounds = new(StringComparer.Ordinal);
    private static readonly SortedDictionary<string, SurfaceNode> NoApplicators = new(StringComparer.Ordinal);

    public static string Write(SchemaSurface surface)
    {
        var text = new StringBuilder(4096);
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
            WriteEvent(text, entry.Value);
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
            WriteSchema(text, entry.Value);
        }

        Close(text, 1, '}', first);
        text.Append("\n}\n");
        return text.ToString();
    }

    /// <summary>An event's value in the lock (the object after its name), as <see cref="Write"/> writes it.</summary>
    public static void WriteEvent(StringBuilder text, SurfaceEvent @event)
    {
        text.Append("{\n");
        Member(text, 3, "key");
        JsonTextWriter.WriteString(text, @event.Key);
        if (@event.CSharpType is { } type)
        {
            text.Append(",\n");
            Member(text, 3, "csharp");
            JsonTextWriter.WriteString(text, type);
        }

        text.Append(",\n");
        Member(text, 3, "pointer");
        JsonTextWriter.WriteString(text, @event.Payload.Pointer);
        text.Append(",\n");
        Member(text, 3, "payload");
        WritePayload(text, @event);
        text.Append('\n').Append(' ', 4).Append('}');
    }

    /// <summary>An event's payload in the lock, as <see cref="Write"/> writes it.</summary>
    public static void WritePayload(StringBuilder text, SurfaceEvent @event) => Node(text, 3, @event.Payload, names: true);

    /// <summary>A schema's value in the lock (the object after its key), as <see cref="Write"/> writes it.</summary>
    public static void WriteSchema(StringBuilder text, SurfaceSchema schema) => Node(text, 2, schema.Node, names: true, named: schema.IsNamed ? null : false);

    /// <summary>The node as the lock writes it: equal for two schemas a receiver cannot tell apart.</summary>
    public static string Fingerprint(SurfaceNode node)
    {
        var text = new StringBuilder();
        Node(text, 0, node, names: true);
        return text.ToString();
    }

    /// <summary>
    /// The node as the lock writes it but without the generated C# names: equal for two schemas that admit
    /// the same values, whatever the generator calls their types and members.
    /// </summary>
    public static string SchemaFingerprint(SurfaceNode node)
    {
        var text = new StringBuilder();
        Node(text, 0, node, names: false);
        return text.ToString();
    }

    /// <summary>Writes the facts in a fixed order, each on its own line; an object with none is <c>{}</c>.</summary>
    /// <param name="names">Write the generated C# names (<c>csharp</c>, <c>member</c>): the lock does, a schema's fingerprint does not.</param>
    private static void Node(StringBuilder text, int depth, SurfaceNode node, bool names, bool? named = null, string? member = null)
    {
        var inner = depth + 1;
        var first = true;
        if (names && member is not null)
        {
            Fact(text, inner, "member", ref first);
            JsonTextWriter.WriteString(text, member);
        }

        if (named == false)
        {
            Fact(text, inner, "named", ref first);
            text.Append("false");
        }

        if (names && node.CSharpType is { } type)
        {
            Fact(text, inner, "csharp", ref first);
            JsonTextWriter.WriteString(text, type);
        }

        if (node.Ref is { } reference)
        {
            Fact(text, inner, "$ref", ref first);
            JsonTextWriter.WriteString(text, reference);
        }

        if (node.Types is { } types)
        {
            Fact(text, inner, "type", ref first);
            Strings(text, types);
        }

        if (node.Nullable)
        {
            Fact(text, inner, "nullable", ref first);
            text.Append("true");
        }

        if (node.Format is { } format)
        {
            Fact(text, inner, "format", ref first);
            JsonTextWriter.WriteString(text, format);
        }

        if (node.Enum is { } values)
        {
            Fact(text, inner, "enum", ref first);
            text.Append('[');
            for (var i = 0; i < values.Count; i++)
            {
                if (i > 0)
                {
                    text.Append(", ");
                }

                text.Append(values[i]);
            }

            text.Append(']');
        }

        foreach (var bound in node.HasBounds ? node.Bounds : NoBounds)
        {
            Fact(text, inner, bound.Key, ref first);
            JsonTextWriter.WriteString(text, bound.Value);
        }

        if (node.HasRequired)
        {
            Fact(text, inner, "required", ref first);
            Strings(text, node.Required);
        }

        if (node.HasProperties)
        {
            Fact(text, inner, "properties", ref first);
            text.Append('{');
            var firstProperty = true;
            foreach (var property in node.Properties)
            {
                Separator(text, ref firstProperty);
                Member(text, inner + 1, property.Key);
                Node(text, inner + 1, property.Value.Node, names, member: property.Value.Member);
            }

            Close(text, inner, '}', firstProperty);
        }

        if (node.Items is { } items)
        {
            Fact(text, inner, "items", ref first);
            Node(text, inner, items, names);
        }

        if (node.NoAdditionalProperties)
        {
            Fact(text, inner, "additionalProperties", ref first);
            text.Append("false");
        }
        else if (node.AdditionalProperties is { } additional)
        {
            Fact(text, inner, "additionalProperties", ref first);
            Node(text, inner, additional, names);
        }

        if (node.HasVariants)
        {
            Fact(text, inner, "variants", ref first);
            Nodes(text, inner, node.Variants, names);
        }

        if (node.HasAllOf)
        {
            Fact(text, inner, "allOf", ref first);
            Nodes(text, inner, node.AllOf, names);
        }

        foreach (var applicator in node.HasApplicators ? node.Applicators : NoApplicators)
        {
            Fact(text, inner, applicator.Key, ref first);
            Node(text, inner, applicator.Value, names);
        }

        if (node.Deprecated)
        {
            Fact(text, inner, "deprecated", ref first);
            text.Append("true");
        }

        if (node.Docs is { } docs)
        {
            Fact(text, inner, "docs", ref first);
            JsonTextWriter.WriteString(text, docs);
        }

        if (first)
        {
            text.Append("{}");
            return;
        }

        Close(text, depth, '}', false);
    }

    /// <summary>Opens the object before its first fact, or separates a fact from the one before; then the fact's name.</summary>
    private static void Fact(StringBuilder text, int depth, string name, ref bool first)
    {
        text.Append(first ? "{\n" : ",\n");
        first = false;
        Member(text, depth, name);
    }

    private static void Nodes(StringBuilder text, int depth, List<SurfaceNode> nodes, bool names)
    {
        // Branches in a stable order: their order in the file says nothing to a receiver.
        var written = new List<string>(nodes.Count);
        var one = new StringBuilder();
        foreach (var node in nodes)
        {
            one.Clear();
            Node(one, depth + 1, node, names);
            written.Add(one.ToString());
        }

        written.Sort(StringComparer.Ordinal);
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
