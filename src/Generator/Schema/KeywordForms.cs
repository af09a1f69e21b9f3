using System.Collections.Generic;
using Hooksmith.Generator.Json;

namespace Hooksmith.Generator.Schema;

/// <summary>A keyword whose value does not have the form its dialect requires.</summary>
internal readonly struct KeywordProblem
{
    public KeywordProblem(string keyword, JsonNode value, string problem)
    {
        Keyword = keyword;
        Value = value;
        Problem = problem;
    }

    public string Keyword { get; }

    /// <summary>The keyword's value, where the diagnostic points.</summary>
    public JsonNode Value { get; }

    public string Problem { get; }
}

/// <summary>
/// The forms keyword values must have (<c>"properties"</c> an object, <c>"type"</c> a type name…), so
/// that a schema like <c>{"properties": []}</c> is reported instead of silently read as something else.
/// Later stages read keywords defensively and ignore a value of the wrong form; this only says so.
/// </summary>
internal static class KeywordForms
{
    private static readonly string[] TypeNames = ["null", "boolean", "object", "array", "number", "string", "integer"];

    private static readonly string[] StringKeywords =
        ["$ref", "$schema", "$comment", "$anchor", "$dynamicAnchor", "$dynamicRef", "$recursiveRef", "pattern", "format", "title", "description", "contentEncoding", "contentMediaType"];

    private static readonly string[] BooleanKeywords = ["uniqueItems", "readOnly", "writeOnly", "deprecated", "$recursiveAnchor"];

    private static readonly string[] CountKeywords =
        ["minLength", "maxLength", "minItems", "maxItems", "minProperties", "maxProperties", "minContains", "maxContains"];

    public static IEnumerable<KeywordProblem> Problems(JsonNode schema, SchemaDialect dialect, bool isOpenApi)
    {
        if (!schema.IsObject)
        {
            yield break;
        }

        foreach (var member in schema.Properties)
        {
            // Draft-07 and older ignore every keyword beside $ref: their values do not matter.
            if (dialect.RefOverridesSiblings() && member.Name != "$ref" && schema["$ref"] is not null)
            {
                continue;
            }

            if (ProblemOf(member.Name, member.Value, dialect, isOpenApi) is { } problem)
            {
                yield return new KeywordProblem(member.Name, member.Value, problem);
            }
        }
    }

    private static string? ProblemOf(string keyword, JsonNode value, SchemaDialect dialect, bool isOpenApi)
    {
        switch (keyword)
        {
            case "type":
                return TypeProblem(value);
            case "properties" or "patternProperties" or "definitions":
            case "$defs" or "dependentSchemas" or "dependentRequired" when dialect >= SchemaDialect.Draft201909:
            case "dependencies" when dialect <= SchemaDialect.Draft201909:
                return value.IsObject ? null : "expected an object";
            case "required":
                return StringArrayProblem(value);
            case "enum":
                return value.IsArray ? null : "expected an array";
            case "allOf" or "anyOf" or "oneOf":
                return value.IsArray && value.Items.Count > 0 ? null : "expected a non-empty array of schemas";
            case "prefixItems" when dialect >= SchemaDialect.Draft202012:
                return value.IsArray && value.Items.Count > 0 ? null : "expected a non-empty array of schemas";
            case "items":
                return value.IsObject || value.IsBoolean || (value.IsArray && dialect <= SchemaDialect.Draft201909) ? null : "expected a schema";
            case "additionalProperties" or "not":
            case "contains" or "propertyNames" when dialect >= SchemaDialect.Draft6:
            case "if" or "then" or "else" when dialect >= SchemaDialect.Draft7:
            case "unevaluatedItems" or "unevaluatedProperties" or "contentSchema" when dialect >= SchemaDialect.Draft201909:
            case "additionalItems" when dialect <= SchemaDialect.Draft201909:
                return value.IsObject || value.IsBoolean ? null : "expected a schema (an object or a boolean)";
            case "$id" when dialect >= SchemaDialect.Draft6:
            case "id" when dialect == SchemaDialect.Draft4:
                return value.IsString ? null : "expected a URI reference (a string)";
            case "minimum" or "maximum":
                return value.IsNumber ? null : "expected a number";
            case "exclusiveMinimum" or "exclusiveMaximum":
                // A boolean beside minimum/maximum in draft-04 (and OpenAPI 3.0), a number of its own later.
                return dialect == SchemaDialect.Draft4
                    ? (value.IsBoolean ? null : "expected a boolean")
                    : (value.IsNumber ? null : "expected a number");
            case "multipleOf":
                return value.IsNumber && value.TryGetDouble(out var divisor) && divisor > 0 ? null : "expected a number greater than 0";
            case "nullable" when isOpenApi:
                return value.IsBoolean ? null : "expected a boolean";
            default:
                if (System.Array.IndexOf(StringKeywords, keyword) >= 0)
                {
                    return value.IsString ? null : "expected a string";
                }

                if (System.Array.IndexOf(BooleanKeywords, keyword) >= 0)
                {
                    return value.IsBoolean ? null : "expected a boolean";
                }

                if (System.Array.IndexOf(CountKeywords, keyword) >= 0)
                {
                    return value.TryGetInteger(out var count) && count >= 0 ? null : "expected a non-negative integer";
                }

                return null;
        }
    }

    private static string? TypeProblem(JsonNode value)
    {
        if (value.IsString)
        {
            return System.Array.IndexOf(TypeNames, value.Text) >= 0 ? null : $"'{value.Text}' is not a JSON Schema type";
        }

        if (!value.IsArray)
        {
            return "expected a type name or an array of type names";
        }

        foreach (var item in value.Items)
        {
            if (!item.IsString || System.Array.IndexOf(TypeNames, item.Text) < 0)
            {
                return $"{item} is not a JSON Schema type";
            }
        }

        return null;
    }

    private static string? StringArrayProblem(JsonNode value)
    {
        if (!value.IsArray)
        {
            return "expected an array of property names";
        }

        foreach (var item in value.Items)
        {
            if (!item.IsString)
            {
                return $"{item} is not a property name (a string)";
            }
        }

        return null;
    }
}
