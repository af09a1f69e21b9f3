using Hooksmith.Generator.Json;

namespace Hooksmith.Generator.Schema;

/// <summary>A subschema found while indexing: its node and the rules and base URI in force there.</summary>
internal sealed class SchemaNodeInfo
{
    public SchemaNodeInfo(JsonNode node, SchemaDialect dialect, string baseUri, bool isOpenApi)
    {
        Node = node;
        Dialect = dialect;
        BaseUri = baseUri;
        IsOpenApi = isOpenApi;
    }

    public JsonNode Node { get; }

    public string Pointer => Node.Pointer;

    public SchemaDialect Dialect { get; }

    /// <summary>The base URI that relative references in this schema resolve against.</summary>
    public string BaseUri { get; }

    /// <summary>True inside an OpenAPI document, where <c>nullable</c> is a keyword.</summary>
    public bool IsOpenApi { get; }

    /// <summary>The <c>$ref</c> of this schema, unless its dialect ignores it.</summary>
    public string? Ref => Node.GetString("$ref");
}
