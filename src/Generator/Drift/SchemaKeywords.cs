using System.Collections.Generic;
using Hooksmith.Generator.Json;

namespace Hooksmith.Generator.Drift;

/// <summary>
/// The keywords of one schema object that its surface is made of, gathered in one pass over its members
/// (with duplicate names the last wins, as <see cref="JsonNode"/>'s indexer has it).
/// </summary>
internal struct SchemaKeywords
{
    public JsonNode? Ref;
    public JsonNode? Type;
    public JsonNode? Nullable;
    public JsonNode? Format;
    public JsonNode? Enum;
    public JsonNode? Const;
    public JsonNode? Properties;
    public JsonNode? Required;
    public JsonNode? Items;
    public JsonNode? AdditionalProperties;
    public JsonNode? OneOf;
    public JsonNode? AnyOf;
    public JsonNode? AllOf;
    public JsonNode? Deprecated;

    /// <summary>The bounds (<c>maxLength</c>, <c>pattern</c>, …) by keyword; null when there are none.</summary>
    public Dictionary<string, JsonNode>? Bounds;

    /// <summary>The applicators (<see cref="Drift.Applicator"/>'s keywords, and <c>dependentRequired</c>, <c>dependencies</c>) by keyword; null when there are none.</summary>
    public Dictionary<string, JsonNode>? Applicators;

    /// <summary>Keeps <paramref name="value"/> if <paramref name="name"/> is one of the keywords.</summary>
    public void Take(string name, JsonNode value)
    {
        switch (name)
        {
            case "$ref": Ref = value; break;
            case "type": Type = value; break;
            case "nullable": Nullable = value; break;
            case "format": Format = value; break;
            case "enum": Enum = value; break;
            case "const": Const = value; break;
            case "properties": Properties = value; break;
            case "required": Required = value; break;
            case "items": Items = value; break;
            case "additionalProperties": AdditionalProperties = value; break;
            case "oneOf": OneOf = value; break;
            case "anyOf": AnyOf = value; break;
            case "allOf": AllOf = value; break;
            case "deprecated": Deprecated = value; break;
            case "minimum" or "maximum" or "exclusiveMinimum" or "exclusiveMaximum" or "multipleOf"
                or "minLength" or "maxLength" or "pattern" or "minItems" or "maxItems" or "uniqueItems"
                or "minProperties" or "maxProperties" or "minContains" or "maxContains":
                (Bounds ??= new Dictionary<string, JsonNode>(System.StringComparer.Ordinal))[name] = value;
                break;
            case "not" or "if" or "then" or "else" or "contains" or "propertyNames"
                or "prefixItems" or "patternProperties" or "dependentSchemas" or "dependentRequired" or "dependencies":
                (Applicators ??= new Dictionary<string, JsonNode>(System.StringComparer.Ordinal))[name] = value;
                break;
        }
    }
}
