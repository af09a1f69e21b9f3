namespace Hooksmith.Generator.Schema;

internal enum SchemaDocumentKind
{
    /// <summary>A JSON Schema: the root is a schema.</summary>
    JsonSchema,

    /// <summary>An OpenAPI 3.0 document: schemas under components, 3.0 schema rules (nullable).</summary>
    OpenApi30,

    /// <summary>An OpenAPI 3.1 document: schemas under components and webhooks, 2020-12 schema rules.</summary>
    OpenApi31,
}
