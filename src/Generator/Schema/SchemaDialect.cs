namespace Hooksmith.Generator.Schema;

/// <summary>The rule set a schema is read with.</summary>
internal enum SchemaDialect
{
    Draft4,
    Draft6,
    Draft7,
    Draft201909,
    Draft202012,
}

internal static class SchemaDialects
{
    public const SchemaDialect Default = SchemaDialect.Draft202012;

    /// <summary>Reads a <c>$schema</c> URI or a short name such as <c>draft-07</c> or <c>2020-12</c>.</summary>
    public static bool TryParse(string? value, out SchemaDialect dialect)
    {
        dialect = Default;
        if (value is null)
        {
            return false;
        }

        var text = value.Trim().TrimEnd('#').ToLowerInvariant();
        if (text.StartsWith("https://", System.StringComparison.Ordinal))
        {
            text = "http://" + text.Substring("https://".Length);
        }

        switch (text)
        {
            case "http://json-schema.org/draft-04/schema":
            case "draft-04":
            case "draft4":
                dialect = SchemaDialect.Draft4;
                return true;
            case "http://json-schema.org/draft-06/schema":
            case "draft-06":
            case "draft6":
                dialect = SchemaDialect.Draft6;
                return true;
            case "http://json-schema.org/draft-07/schema":
            case "draft-07":
            case "draft7":
                dialect = SchemaDialect.Draft7;
                return true;
            case "http://json-schema.org/draft/2019-09/schema":
            case "2019-09":
            case "draft2019-09":
                dialect = SchemaDialect.Draft201909;
                return true;
            case "http://json-schema.org/draft/2020-12/schema":
            case "2020-12":
            case "draft2020-12":
            case "https://spec.openapis.org/oas/3.1/dialect/base":
            case "http://spec.openapis.org/oas/3.1/dialect/base":
                dialect = SchemaDialect.Draft202012;
                return true;
            default:
                return false;
        }
    }

    public static string DisplayName(this SchemaDialect dialect) => dialect switch
    {
        SchemaDialect.Draft4 => "draft-04",
        SchemaDialect.Draft6 => "draft-06",
        SchemaDialect.Draft7 => "draft-07",
        SchemaDialect.Draft201909 => "2019-09",
        _ => "2020-12",
    };

    /// <summary>Draft-07 and older ignore every keyword beside <c>$ref</c>.</summary>
    public static bool RefOverridesSiblings(this SchemaDialect dialect) => dialect <= SchemaDialect.Draft7;

    public static string IdKeyword(this SchemaDialect dialect) => dialect == SchemaDialect.Draft4 ? "id" : "$id";
}
