using Hooksmith.Generator.Model;

namespace Hooksmith.Generator.Planning;

internal enum TypeSpecKind
{
    /// <summary>A JSON object with known properties: a sealed record.</summary>
    Record,

    /// <summary>A string enum: a struct that also binds values the schema does not list.</summary>
    OpenEnum,

    /// <summary>oneOf/anyOf: a type holding the raw value with typed access to each variant.</summary>
    Union,

    /// <summary>A named schema with no object shape: a record wrapping the value.</summary>
    Wrapper,
}

/// <summary>Everything the emitter needs to write one generated type, and nothing from the compiler.</summary>
/// <param name="Namespace">The type's namespace.</param>
/// <param name="Name">The type's name.</param>
/// <param name="Kind">What kind of type to write.</param>
/// <param name="Documentation">XML documentation from the schema's title and description.</param>
/// <param name="SchemaFile">The schema file's path relative to the project , quoted in the header and documentation.</param>
/// <param name="SchemaPointer">The schema's JSON Pointer in that file.</param>
/// <param name="Properties">For records: the properties in schema order.</param>
/// <param name="AdditionalProperties">For records: the type of typed additional properties (null when any JSON is allowed).</param>
/// <param name="EnumMembers">For open enums: the known values.</param>
/// <param name="Variants">For unions: the variants in schema order.</param>
/// <param name="WrappedType">For wrappers: the type of the wrapped value.</param>
internal sealed record TypeSpec(
    string Namespace,
    string Name,
    TypeSpecKind Kind,
    DocumentationSpec Documentation,
    string SchemaFile,
    string SchemaPointer,
    EquatableArray<PropertySpec> Properties,
    TypeRef? AdditionalProperties,
    EquatableArray<EnumMemberSpec> EnumMembers,
    EquatableArray<VariantSpec> Variants,
    TypeRef? WrappedType)
{
    public string FullName => Namespace.Length == 0 ? Name : Namespace + "." + Name;

    /// <summary>The generated validator of the type's schema (a qualified method name), when it has one.</summary>
    public string? Validator { get; init; }

    /// <summary>The URI of the schema resource the type's schema is in.</summary>
    public string? SchemaResource { get; init; }
}

/// <summary>One property of a record.</summary>
/// <param name="JsonName">The member name in JSON.</param>
/// <param name="Name">The C# property name.</param>
/// <param name="Type">The value's type.</param>
/// <param name="IsRequired">Listed in <c>required</c>.</param>
/// <param name="AllowsNull">JSON <c>null</c> is a valid value.</param>
/// <param name="Documentation">From the property schema's title and description.</param>
internal sealed record PropertySpec(string JsonName, string Name, TypeRef Type, bool IsRequired, bool AllowsNull, DocumentationSpec Documentation)
{
    /// <summary>Optional or null-allowing properties are nullable in C#.</summary>
    public bool IsNullable => !IsRequired || AllowsNull;
}

/// <summary>One known value of an open enum.</summary>
internal sealed record EnumMemberSpec(string Value, string Name);

/// <summary>One variant of a union, and how to recognise it cheaply when the schema says.</summary>
/// <param name="Name">The accessor's name part (<c>TryGet{Name}</c>).</param>
/// <param name="Type">The variant's type.</param>
/// <param name="DiscriminatorProperty">A property whose value tells the variants apart, if any.</param>
/// <param name="DiscriminatorValue">The string that property holds for this variant.</param>
internal sealed record VariantSpec(string Name, TypeRef Type, string? DiscriminatorProperty, string? DiscriminatorValue)
{
    /// <summary>The branch's JSON Pointer in its file.</summary>
    public string SchemaPointer { get; init; } = string.Empty;

    /// <summary>Whether <see cref="Name"/> is the variant type's own name, to be taken again once linking has settled it.</summary>
    public bool NamedAfterType { get; init; }

    /// <summary>
    /// The generated validator of the branch (a qualified method name); null when the branch accepts every value.
    /// When nothing discriminates the variants, the value is the variant whose branch accepts it.
    /// </summary>
    public string? Validator { get; init; }

    /// <summary>The URI of the schema resource the branch is in (where its dynamic scope starts).</summary>
    public string? ValidatorResource { get; init; }
}

/// <summary>Text for XML documentation: a summary (title) and remarks (description); and whether the schema is deprecated.</summary>
internal sealed record DocumentationSpec(string? Summary, string? Remarks)
{
    public static readonly DocumentationSpec None = new(null, null);

    /// <summary>The schema says <c>deprecated: true</c>: the type or member is <c>[Obsolete]</c>, so code that uses it gets the compiler's warning.</summary>
    public bool IsDeprecated { get; init; }
}
