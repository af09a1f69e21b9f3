using Hooksmith.Generator.Planning;

namespace Hooksmith.Generator.Emit;

/// <summary>C# spellings of planned types and of the codecs that read and write them.</summary>
internal static class TypeNames
{
    public const string Codecs = "global::Hooksmith.Serialization.";
    public const string JsonElement = "global::System.Text.Json.JsonElement";
    public const string Utf8JsonReader = "global::System.Text.Json.Utf8JsonReader";
    public const string Utf8JsonWriter = "global::System.Text.Json.Utf8JsonWriter";
    public const string JsonTokenType = "global::System.Text.Json.JsonTokenType";
    public const string BindingContext = Codecs + "BindingContext";
    public const string ValidationResult = "global::Hooksmith.Validation.ValidationResult";
    public const string ValidationOptions = "global::Hooksmith.Validation.ValidationOptions";
    public const string ElementBag = "global::System.Collections.Generic.IReadOnlyDictionary<string, " + JsonElement + ">";

    /// <summary>The C# type of a value, nullable when <paramref name="nullable"/>.</summary>
    public static string Of(TypeRef type, bool nullable)
    {
        var name = Of(type);
        return nullable ? name + "?" : name;
    }

    public static string Of(TypeRef type) => type.Kind switch
    {
        TypeRefKind.String => "string",
        TypeRefKind.Integer => "long",
        TypeRefKind.Number => "decimal",
        TypeRefKind.Boolean => "bool",
        TypeRefKind.DateTime => "global::System.DateTimeOffset",
        TypeRefKind.Date => "global::System.DateOnly",
        TypeRefKind.List => "global::System.Collections.Generic.IReadOnlyList<" + Of(type.Element!, type.ElementAllowsNull) + ">",
        TypeRefKind.Map => "global::System.Collections.Generic.IReadOnlyDictionary<string, " + Of(type.Element!, type.ElementAllowsNull) + ">",
        TypeRefKind.Named => "global::" + type.FullName,
        _ => JsonElement,
    };

    /// <summary>The codec for a value; with <paramref name="allowsNull"/>, one that also reads JSON null.</summary>
    public static string CodecOf(TypeRef type, bool allowsNull)
    {
        var codec = CodecOf(type);
        if (!allowsNull || type.Kind == TypeRefKind.Any)
        {
            return codec;
        }

        return type.IsValueType
            ? Codecs + "NullableValueCodec<" + Of(type) + ", " + codec + ">"
            : Codecs + "NullableCodec<" + Of(type) + ", " + codec + ">";
    }

    private static string CodecOf(TypeRef type) => type.Kind switch
    {
        TypeRefKind.String => Codecs + "StringCodec",
        TypeRefKind.Integer => Codecs + "Int64Codec",
        TypeRefKind.Number => Codecs + "DecimalCodec",
        TypeRefKind.Boolean => Codecs + "BooleanCodec",
        TypeRefKind.DateTime => Codecs + "DateTimeOffsetCodec",
        TypeRefKind.Date => Codecs + "DateOnlyCodec",
        TypeRefKind.List => Codecs + "ListCodec<" + Of(type.Element!, type.ElementAllowsNull) + ", " + CodecOf(type.Element!, type.ElementAllowsNull) + ">",
        TypeRefKind.Map => Codecs + "MapCodec<" + Of(type.Element!, type.ElementAllowsNull) + ", " + CodecOf(type.Element!, type.ElementAllowsNull) + ">",
        TypeRefKind.Named => "global::" + type.FullName,
        _ => Codecs + "ElementCodec",
    };

    /// <summary>An expression comparing two values of the type by value.</summary>
    public static string EqualityOf(TypeRef type, string left, string right) => type.Kind switch
    {
        TypeRefKind.List => $"{Codecs}StructuralEquality.ListEquals({left}, {right})",
        TypeRefKind.Map => $"{Codecs}StructuralEquality.MapEquals({left}, {right})",
        TypeRefKind.Any => $"{Codecs}StructuralEquality.ElementEquals({left}, {right})",
        _ => $"{left} == {right}",
    };

    /// <summary>An expression hashing a value consistently with <see cref="EqualityOf"/>.</summary>
    public static string HashOf(TypeRef type, string value) => type.Kind switch
    {
        TypeRefKind.List => $"{Codecs}StructuralEquality.ListHashCode({value})",
        TypeRefKind.Map => $"{Codecs}StructuralEquality.MapHashCode({value})",
        TypeRefKind.Any => $"{Codecs}StructuralEquality.ElementHashCode({value})",
        _ => value,
    };
}
