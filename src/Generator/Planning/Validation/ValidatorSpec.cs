using Hooksmith.Generator.Model;

namespace Hooksmith.Generator.Planning.Validation;

/// <summary>What one schema file validates: one method per schema location, in one static class.</summary>
/// <param name="SchemaFile">The schema file's path relative to the project, for comments.</param>
/// <param name="Namespace">The namespace of the class (the file's).</param>
/// <param name="ClassName">The class's simple name.</param>
/// <param name="Validators">One validator per schema location, in a stable order.</param>
/// <param name="Roots">The named schemas of the file, for the catalog.</param>
/// <param name="Events">The webhook events of the file, for the catalog.</param>
internal sealed record DocumentValidation(
    string SchemaFile,
    string Namespace,
    string ClassName,
    EquatableArray<ValidatorSpec> Validators,
    EquatableArray<CatalogRoot> Roots,
    EquatableArray<CatalogEvent> Events)
{
    /// <summary>For a file that could not be planned: nothing to validate.</summary>
    public static readonly DocumentValidation None = new(string.Empty, string.Empty, string.Empty, EquatableArray<ValidatorSpec>.Empty, EquatableArray<CatalogRoot>.Empty, EquatableArray<CatalogEvent>.Empty);

    public string FullName => Namespace.Length == 0 ? ClassName : Namespace + "." + ClassName;
}

/// <summary>A named schema as the catalog lists it.</summary>
/// <param name="Pointer">The schema's JSON Pointer in its file.</param>
/// <param name="SchemaUri">The schema's absolute URI.</param>
/// <param name="Resource">The URI of its schema resource.</param>
/// <param name="Method">The validator's method name in the file's class.</param>
/// <param name="ModelType">The generated model's full name, when the schema has one.</param>
internal sealed record CatalogRoot(string Pointer, string SchemaUri, string Resource, string Method, string? ModelType);

/// <summary>A webhook event as the catalog lists it: its names and the pointer of its payload schema (a <see cref="CatalogRoot"/>).</summary>
internal sealed record CatalogEvent(string EventName, string Key, string Pointer);

/// <summary>The validator of one schema location: its checks in evaluation order.</summary>
/// <param name="Method">The method's name.</param>
/// <param name="Pointer">The schema's JSON Pointer in its file.</param>
/// <param name="SchemaUri">The schema's absolute location (resource URI and fragment), reported with errors.</param>
/// <param name="Resource">The URI of the schema resource the schema is in.</param>
/// <param name="Checks">The keyword checks; an empty list accepts every value.</param>
/// <param name="AlwaysFails">True for the schema <c>false</c>.</param>
/// <param name="TracksEvaluated">True when the schema uses <c>unevaluatedProperties</c> or <c>unevaluatedItems</c> and so collects what its subschemas evaluate.</param>
/// <param name="MetaSchema">
/// The <c>$schema</c> of the schema's resource when it names a meta-schema other than a standard dialect's:
/// its <c>$vocabulary</c>, found when the plan is linked, decides which keywords count.
/// </param>
internal sealed record ValidatorSpec(
    string Method,
    string Pointer,
    string SchemaUri,
    string Resource,
    EquatableArray<Check> Checks,
    bool AlwaysFails,
    bool TracksEvaluated,
    string? MetaSchema = null)
{
    /// <summary>
    /// True for an OpenAPI schema with <c>nullable: true</c>, no <c>type</c>, and a <c>$ref</c>, <c>allOf</c>,
    /// <c>anyOf</c> or <c>oneOf</c>: it reads as <c>anyOf: [schema, {"type": "null"}]</c>, so null is valid
    /// whatever else it says. (Beside a <c>type</c>, <c>nullable</c> adds <c>"null"</c> to the type only.)
    /// </summary>
    public bool AcceptsNull { get; init; }
}

/// <summary>
/// A subschema to apply: a method of this file's class, a location in another file (resolved when the
/// plan is linked), a schema whose only keyword is <c>type</c> (checked by the runtime, with no method),
/// a schema that only applies one other in place (a <c>$ref</c>, an <c>allOf</c> of one: its callers apply that one
/// through it, with no method of its own), or a boolean schema that needs no method.
/// </summary>
/// <param name="Kind">Which of those it is.</param>
/// <param name="Method">For <see cref="TargetKind.Method"/>: the method, qualified with its class when it is in another file.</param>
/// <param name="Resource">The URI of the target's schema resource (its dynamic scope entry).</param>
/// <param name="Uri">
/// For <see cref="TargetKind.External"/>: the absolute URI to resolve; for <see cref="TargetKind.Unresolved"/>: the
/// reference as written; for <see cref="TargetKind.Type"/>: the schema's absolute location, reported with its errors.
/// </param>
/// <param name="Error">For <see cref="TargetKind.Unresolved"/>: why it cannot be resolved.</param>
internal sealed record Target(TargetKind Kind, string? Method = null, string? Resource = null, string? Uri = null, string? Error = null)
{
    public static readonly Target AlwaysValid = new(TargetKind.True);
    public static readonly Target NeverValid = new(TargetKind.False);

    /// <summary>For <see cref="TargetKind.Type"/>: the types the schema allows (JSON Schema names, in its order).</summary>
    public EquatableArray<string> Types { get; init; } = EquatableArray<string>.Empty;

    /// <summary>For <see cref="TargetKind.Through"/>: the path of the one subschema the location applies (<c>/$ref</c>, <c>/allOf/0</c>).</summary>
    public string? ThroughPath { get; init; }

    /// <summary>For <see cref="TargetKind.Through"/>: the resource entering that subschema names, when it names one.</summary>
    public string? ThroughResource { get; init; }

    /// <summary>For <see cref="TargetKind.Through"/>: the subschema it applies (a method, a type check, or another of these).</summary>
    public Target? Inner { get; init; }

    /// <summary>Whether applying the target is a call: to a method, to the runtime's check of a <c>type</c>, or through a location to one of those.</summary>
    public bool IsCall => Kind is TargetKind.Method or TargetKind.Type or TargetKind.Through;

    public static Target ToMethod(string method, string resource) => new(TargetKind.Method, method, resource);

    /// <summary>A location in <paramref name="resource"/> whose only check applies <paramref name="inner"/> at <paramref name="path"/>.</summary>
    public static Target ToThrough(string path, string? enters, Target inner, string resource) => new(TargetKind.Through, Resource: resource) { ThroughPath = path, ThroughResource = enters, Inner = inner };

    /// <summary>A schema whose only keyword is <c>type</c>: <paramref name="types"/> at <paramref name="schemaUri"/>, in <paramref name="resource"/>.</summary>
    public static Target ToTypeCheck(EquatableArray<string> types, string schemaUri, string resource) => new(TargetKind.Type, Resource: resource, Uri: schemaUri) { Types = types };

    public static Target ToExternal(string uri) => new(TargetKind.External, Uri: uri);

    public static Target ToNothing(string written, string error) => new(TargetKind.Unresolved, Uri: written, Error: error);
}

internal enum TargetKind
{
    True,
    False,
    Method,
    Type,
    Through,
    External,
    Unresolved,
}

/// <summary>One keyword (or a group of keywords that share a loop) to check.</summary>
internal abstract record Check;

/// <summary><c>type</c>: the value is one of <paramref name="Types"/> (JSON Schema type names).</summary>
internal sealed record TypeCheck(EquatableArray<string> Types) : Check;

/// <summary><c>enum</c> or <c>const</c>: the value equals one of the constants.</summary>
internal sealed record ConstantCheck(string Keyword, EquatableArray<ConstantValue> Values) : Check;

/// <summary>A constant: its kind and, for strings, the value; for numbers, the literal; for objects and arrays, compact JSON.</summary>
internal sealed record ConstantValue(Json.JsonKind Kind, string Text, string Json);

/// <summary><c>minimum</c>, <c>maximum</c> and the exclusive forms; <paramref name="Literal"/> exactly as written.</summary>
internal sealed record NumberLimitCheck(string Keyword, string Literal, bool IsMinimum, bool IsExclusive) : Check;

/// <summary><c>multipleOf</c>.</summary>
internal sealed record MultipleOfCheck(string Literal) : Check;

/// <summary>
/// A count limit: <c>minLength</c>/<c>maxLength</c> (code points), <c>minItems</c>/<c>maxItems</c>,
/// <c>minProperties</c>/<c>maxProperties</c>.
/// </summary>
internal sealed record CountCheck(string Keyword, string Limit, bool IsMinimum) : Check;

/// <summary><c>pattern</c>: <paramref name="DotNetPattern"/> is the translated ECMA-262 pattern, or null when it could not be translated (<paramref name="Error"/> says why).</summary>
internal sealed record PatternCheck(string Pattern, string? DotNetPattern, string? Error) : Check;

/// <summary><c>format</c>: asserted when the run asks for it, or when <paramref name="AssertsByDefault"/>.</summary>
internal sealed record FormatCheck(string Format, bool AssertsByDefault) : Check;

/// <summary><c>uniqueItems: true</c>.</summary>
internal sealed record UniqueItemsCheck : Check;

/// <summary><c>required</c>.</summary>
internal sealed record RequiredCheck(EquatableArray<string> Names) : Check;

/// <summary><c>dependentRequired</c> (or the array form of <c>dependencies</c>): when <paramref name="Property"/> is present, so must <paramref name="Required"/> be.</summary>
internal sealed record DependentRequiredCheck(string Keyword, string Property, EquatableArray<string> Required) : Check;

/// <summary><c>dependentSchemas</c> (or the schema form of <c>dependencies</c>): when <paramref name="Property"/> is present, the object must match <paramref name="Schema"/>.</summary>
internal sealed record DependentSchemaCheck(string Keyword, string Property, Target Schema) : Check;

/// <summary><c>properties</c>, <c>patternProperties</c> and <c>additionalProperties</c>, which share one pass over the members.</summary>
internal sealed record MembersCheck(EquatableArray<PropertySchema> Properties, EquatableArray<PatternSchema> Patterns, Target? Additional) : Check;

internal sealed record PropertySchema(string Name, Target Schema);

/// <summary>A <c>patternProperties</c> entry; <paramref name="DotNetPattern"/> null when it could not be translated.</summary>
internal sealed record PatternSchema(string Pattern, string? DotNetPattern, Target Schema);

/// <summary><c>propertyNames</c>.</summary>
internal sealed record PropertyNamesCheck(Target Schema) : Check;

/// <summary>
/// The item keywords: <paramref name="Prefix"/> (<c>prefixItems</c>, or <c>items</c> as an array before
/// 2020-12) and <paramref name="Rest"/> (<c>items</c>, or <c>additionalItems</c> after an array).
/// </summary>
internal sealed record ItemsCheck(string PrefixKeyword, EquatableArray<Target> Prefix, string RestKeyword, Target? Rest) : Check;

/// <summary><c>contains</c> with <c>minContains</c>/<c>maxContains</c>; <paramref name="RecordsItems"/> when matches count as evaluated (2020-12).</summary>
internal sealed record ContainsCheck(Target Schema, string? MinContains, string? MaxContains, bool RecordsItems) : Check;

/// <summary>An in-place applicator: <c>allOf</c>, <c>anyOf</c>, <c>oneOf</c>.</summary>
internal sealed record CombinatorCheck(string Keyword, EquatableArray<Target> Schemas) : Check;

/// <summary><c>not</c>.</summary>
internal sealed record NotCheck(Target Schema) : Check;

/// <summary><c>if</c>/<c>then</c>/<c>else</c>.</summary>
internal sealed record ConditionalCheck(Target If, Target? Then, Target? Else) : Check;

/// <summary><c>$ref</c>.</summary>
internal sealed record ReferenceCheck(string Keyword, Target Schema) : Check;

/// <summary>
/// <c>$dynamicRef</c> (or <c>$recursiveRef</c>): <paramref name="Initial"/> is the static target; when it
/// bookends the dynamic anchor <paramref name="Anchor"/>, the outermost resource of the dynamic scope
/// among <paramref name="Candidates"/> wins.
/// </summary>
internal sealed record DynamicReferenceCheck(string Keyword, string Anchor, Target Initial, bool InitialDeclaresAnchor, EquatableArray<DynamicCandidate> Candidates) : Check;

/// <summary>A schema resource that declares a dynamic anchor, and the schema the anchor names.</summary>
internal sealed record DynamicCandidate(string Resource, Target Schema);

/// <summary><c>unevaluatedProperties</c>.</summary>
internal sealed record UnevaluatedPropertiesCheck(Target Schema) : Check;

/// <summary><c>unevaluatedItems</c>.</summary>
internal sealed record UnevaluatedItemsCheck(Target Schema) : Check;
