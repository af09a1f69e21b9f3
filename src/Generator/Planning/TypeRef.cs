namespace Hooksmith.Generator.Planning;

internal enum TypeRefKind
{
    /// <summary>Any JSON value, bound as <c>JsonElement</c>.</summary>
    Any,
    String,
    Integer,
    Number,
    Boolean,
    DateTime,

    /// <summary>A <c>format: date</c> string, bound as <c>DateOnly</c>.</summary>
    Date,
    List,
    Map,

    /// <summary>A generated type: record, open enum, union or wrapper.</summary>
    Named,

    /// <summary>A reference into another schema file, replaced by the target's type before emitting.</summary>
    External,
}

/// <summary>
/// How a schema is represented in C#: a built-in type, a list or map of another, or a generated type.
/// Plain data, so plans stay equatable; the emitter turns it into C# text.
/// </summary>
/// <param name="Kind">The kind of type.</param>
/// <param name="FullName">For <see cref="TypeRefKind.Named"/>: the type's full name without <c>global::</c>; for <see cref="TypeRefKind.External"/>: the reference's absolute URI.</param>
/// <param name="Element">For lists and maps: the element type.</param>
/// <param name="IsValueType">True for structs (numbers, booleans, dates, elements, open enums).</param>
/// <param name="ElementAllowsNull">For lists and maps: whether elements may be JSON null.</param>
internal sealed record TypeRef(TypeRefKind Kind, string? FullName = null, TypeRef? Element = null, bool IsValueType = false, bool ElementAllowsNull = false)
{
    public static readonly TypeRef Any = new(TypeRefKind.Any, IsValueType: true);
    public static readonly TypeRef String = new(TypeRefKind.String);
    public static readonly TypeRef Integer = new(TypeRefKind.Integer, IsValueType: true);
    public static readonly TypeRef Number = new(TypeRefKind.Number, IsValueType: true);
    public static readonly TypeRef Boolean = new(TypeRefKind.Boolean, IsValueType: true);
    public static readonly TypeRef DateTime = new(TypeRefKind.DateTime, IsValueType: true);
    public static readonly TypeRef Date = new(TypeRefKind.Date, IsValueType: true);

    public static TypeRef ListOf(TypeRef element, bool elementAllowsNull) => new(TypeRefKind.List, Element: element, ElementAllowsNull: elementAllowsNull);

    public static TypeRef MapOf(TypeRef element, bool elementAllowsNull) => new(TypeRefKind.Map, Element: element, ElementAllowsNull: elementAllowsNull);

    public static TypeRef NamedType(string fullName, bool isValueType) => new(TypeRefKind.Named, fullName, IsValueType: isValueType);

    public static TypeRef ExternalRef(string uri) => new(TypeRefKind.External, uri);

    public bool IsCollection => Kind is TypeRefKind.List or TypeRefKind.Map;

    /// <summary>True when this type or any element type still points into another file.</summary>
    public bool HasExternal => Kind == TypeRefKind.External || (Element?.HasExternal ?? false);
}
