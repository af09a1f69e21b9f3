using System;
using System.Globalization;
using System.Text.Json;

namespace Hooksmith.Validation;

/// <summary>Plain-English messages for failed keywords, made only when a failure is reported.</summary>
internal static class ValidationMessages
{
    public static string Describe(string keyword, in JsonElement instance, string? expected) => keyword switch
    {
        "type" => $"expected {expected}, found {KindOf(instance)}",
        "enum" => $"{Show(instance)} is not one of {expected}",
        "const" => $"expected {expected}, found {Show(instance)}",
        "minimum" => $"{Show(instance)} is less than the minimum {expected}",
        "maximum" => $"{Show(instance)} is greater than the maximum {expected}",
        "exclusiveMinimum" => $"{Show(instance)} is not greater than {expected}",
        "exclusiveMaximum" => $"{Show(instance)} is not less than {expected}",
        "multipleOf" => $"{Show(instance)} is not a multiple of {expected}",
        "minLength" => $"expected at least {expected} characters, found {SchemaChecks.Length(instance).ToString(CultureInfo.InvariantCulture)}",
        "maxLength" => $"expected at most {expected} characters, found {SchemaChecks.Length(instance).ToString(CultureInfo.InvariantCulture)}",
        "pattern" => $"{Show(instance)} does not match the pattern {expected}",
        "format" => $"{Show(instance)} is not a valid {expected}",
        "minItems" => $"expected at least {expected} items, found {instance.GetArrayLength().ToString(CultureInfo.InvariantCulture)}",
        "maxItems" => $"expected at most {expected} items, found {instance.GetArrayLength().ToString(CultureInfo.InvariantCulture)}",
        "uniqueItems" => "items are not unique",
        "contains" => "no item matches the 'contains' schema",
        "minContains" => $"expected at least {expected} items to match the 'contains' schema",
        "maxContains" => $"expected at most {expected} items to match the 'contains' schema",
        "minProperties" => $"expected at least {expected} properties, found {SchemaChecks.PropertyCount(instance).ToString(CultureInfo.InvariantCulture)}",
        "maxProperties" => $"expected at most {expected} properties, found {SchemaChecks.PropertyCount(instance).ToString(CultureInfo.InvariantCulture)}",
        "required" => $"required property '{expected}' is missing",
        "dependentRequired" or "dependencies" => $"property '{expected}' is required here",
        "additionalProperties" => "this property is not allowed",
        "unevaluatedProperties" => "this property is not allowed (no subschema evaluated it)",
        "additionalItems" or "items" => "this item is not allowed",
        "unevaluatedItems" => "this item is not allowed (no subschema evaluated it)",
        "anyOf" => "the value matches none of the 'anyOf' schemas",
        "oneOf" => expected is null ? "the value matches none of the 'oneOf' schemas" : $"the value matches more than one of the 'oneOf' schemas ({expected})",
        "not" => "the value matches the 'not' schema",
        "if" => "the value does not match the 'then' or 'else' schema that applies",
        "propertyNames" => "the property name is not allowed",
        "$ref" or "$dynamicRef" or "$recursiveRef" => $"the reference '{expected}' cannot be resolved",
        _ => $"the value fails '{keyword}'" + (expected is null ? string.Empty : $" ({expected})"),
    };

    /// <summary>For a subschema that is <c>false</c>: the keyword that applied it says what is not allowed.</summary>
    public static string DescribeFalseSchema(string keyword) => keyword switch
    {
        "additionalProperties" or "properties" or "patternProperties" or "dependentSchemas" => "this property is not allowed",
        "unevaluatedProperties" => "this property is not allowed (no subschema evaluated it)",
        "items" or "prefixItems" or "additionalItems" => "this item is not allowed",
        "unevaluatedItems" => "this item is not allowed (no subschema evaluated it)",
        "propertyNames" => "no property is allowed here",
        _ => "no value is allowed here",
    };

    public static string KindOf(in JsonElement instance) => instance.ValueKind switch
    {
        JsonValueKind.Object => "object",
        JsonValueKind.Array => "array",
        JsonValueKind.String => "string",
        JsonValueKind.Number => SchemaChecks.IsInteger(instance) ? "integer" : "number",
        JsonValueKind.True or JsonValueKind.False => "boolean",
        JsonValueKind.Null => "null",
        _ => "nothing",
    };

    /// <summary>The value as JSON, shortened for a message.</summary>
    private static string Show(in JsonElement instance)
    {
        const int Limit = 60;
        var text = instance.ValueKind switch
        {
            JsonValueKind.Object => "an object",
            JsonValueKind.Array => "an array",
            JsonValueKind.Undefined => "nothing",
            JsonValueKind.String when !Serialization.JsonStringText.IsWellFormed(instance) => "a string that is not valid Unicode text",
            _ => instance.GetRawText(),
        };
        return text.Length <= Limit ? text : string.Concat(text.AsSpan(0, Limit), "…");
    }
}
