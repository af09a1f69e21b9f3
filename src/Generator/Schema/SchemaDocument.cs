using System;
using Hooksmith.Generator.Diagnostics;
using Hooksmith.Generator.Json;
using Hooksmith.Generator.Model;

namespace Hooksmith.Generator.Schema;

/// <summary>
/// A schema file after reading: its JSON tree (null when the file is not valid JSON), what kind of
/// document it is, its dialect and base URI. Compared by its input alone, since everything else is
/// derived from it.
/// </summary>
internal sealed class SchemaDocument : IEquatable<SchemaDocument>
{
    public SchemaDocument(SchemaFileInput input, JsonNode? root, SchemaDocumentKind kind, SchemaDialect dialect, string baseUri, EquatableArray<DiagnosticInfo> diagnostics)
    {
        Input = input;
        Root = root;
        Kind = kind;
        Dialect = dialect;
        BaseUri = baseUri;
        Diagnostics = diagnostics;
    }

    public SchemaFileInput Input { get; }

    public string Path => Input.Path;

    public JsonNode? Root { get; }

    public SchemaDocumentKind Kind { get; }

    /// <summary>The dialect of the document's schemas (the root's, for a JSON Schema).</summary>
    public SchemaDialect Dialect { get; }

    /// <summary>The absolute URI the document is retrieved from, the base for its relative references.</summary>
    public string BaseUri { get; }

    public EquatableArray<DiagnosticInfo> Diagnostics { get; }

    public bool IsOpenApi => Kind != SchemaDocumentKind.JsonSchema;

    public LocationInfo LocationOf(JsonNode node) => new(Input.Path, node.Span);

    public bool Equals(SchemaDocument? other) => other is not null && Input.Equals(other.Input);

    public override bool Equals(object? obj) => Equals(obj as SchemaDocument);

    public override int GetHashCode() => Input.GetHashCode();
}
