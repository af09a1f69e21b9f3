using System.Collections.Generic;
using Hooksmith.Generator.Diagnostics;
using Hooksmith.Generator.Json;

namespace Hooksmith.Generator.Schema;

/// <summary>
/// The Resolve stage's view of one document: every subschema with its dialect and base URI, the
/// resources and anchors it defines, its named schemas and its webhook events.
/// </summary>
internal sealed class SchemaIndex
{
    public SchemaIndex(SchemaDocument document) => Document = document;

    public SchemaDocument Document { get; }

    /// <summary>Every subschema by JSON Pointer.</summary>
    public Dictionary<string, SchemaNodeInfo> Schemas { get; } = [];

    /// <summary>Schema resources: absolute URI (no fragment) to the pointer of their root.</summary>
    public Dictionary<string, string> Resources { get; } = [];

    /// <summary>Plain-name anchors: absolute URI with '#name' to the pointer of the schema.</summary>
    public Dictionary<string, string> Anchors { get; } = [];

    /// <summary>Schemas that are named where they are defined: the root, definitions, component schemas.</summary>
    public List<NamedSchema> NamedSchemas { get; } = [];

    public List<WebhookEvent> Events { get; } = [];

    public List<DiagnosticInfo> Diagnostics { get; } = [];
}

/// <summary>A schema with a name given by its position: a definition key, a component key, the file itself.</summary>
internal sealed record NamedSchema(string Name, JsonNode Node, bool IsDocumentRoot);
