using System.Collections.Generic;

namespace Hooksmith.Generator.Schema;

/// <summary>Which keywords hold subschemas, and in what form, in each dialect.</summary>
internal static class SchemaKeywords
{
    /// <summary>Keywords whose value is one schema.</summary>
    public static IEnumerable<string> SingleSchema(SchemaDialect dialect)
    {
        yield return "additionalProperties";
        yield return "not";
        if (dialect >= SchemaDialect.Draft6)
        {
            yield return "contains";
            yield return "propertyNames";
        }

        if (dialect >= SchemaDialect.Draft7)
        {
            yield return "if";
            yield return "then";
            yield return "else";
        }

        if (dialect >= SchemaDialect.Draft201909)
        {
            yield return "unevaluatedItems";
            yield return "unevaluatedProperties";
            yield return "contentSchema";
        }

        if (dialect <= SchemaDialect.Draft201909)
        {
            yield return "additionalItems";
        }
    }

    /// <summary>Keywords whose value is an array of schemas.</summary>
    public static IEnumerable<string> SchemaArray(SchemaDialect dialect)
    {
        yield return "allOf";
        yield return "anyOf";
        yield return "oneOf";
        if (dialect >= SchemaDialect.Draft202012)
        {
            yield return "prefixItems";
        }
    }

    /// <summary>Keywords whose value is an object of named schemas.</summary>
    public static IEnumerable<string> SchemaMap(SchemaDialect dialect)
    {
        yield return "properties";
        yield return "patternProperties";

        // 'definitions' is kept for every dialect: 2019-09+ documents still use it as a home for schemas.
        yield return "definitions";
        if (dialect >= SchemaDialect.Draft201909)
        {
            yield return "$defs";
            yield return "dependentSchemas";
        }
    }
}
