using System;
using System.ComponentModel;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Hooksmith.Validation;

/// <summary>
/// What one schema location checks, as data a single <see cref="Utf8JsonReader"/> pass can evaluate (issue 14's
/// one pass): generated beside each validator method, one initializer per location. A location with a keyword
/// that needs random access (<c>uniqueItems</c>, <c>contains</c>, <c>unevaluated*</c>, <c>$dynamicRef</c>…) is
/// <see cref="NeedsDocument"/>: a pass that reaches it is <see cref="StreamVerdict.Undecided"/>, and the document
/// validators decide, as they always did. The pass only decides validity; errors always come from the
/// document validators, so they are the same whichever path ran.
/// </summary>
/// <remarks>
/// Two passes read it: the reader pass of <c>Validate</c> (<see cref="StreamingValidator"/>) and the fused pass of
/// <c>TryParse</c>, made while it binds (<see cref="FusedPass"/>). A keyword added here must be checked by both, or
/// make its location <see cref="NeedsDocument"/>.
/// </remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class StreamSchema
{
    private static readonly Func<StreamSchema>[] NoSchemas = [];

    /// <summary>The schema <c>true</c>.</summary>
    public static StreamSchema True { get; } = new();

    /// <summary>The schema <c>false</c>.</summary>
    public static StreamSchema False { get; } = new() { Never = true };

    /// <summary>A location the reader pass leaves to the document validators.</summary>
    public static StreamSchema Document { get; } = new() { NeedsDocument = true };

    /// <summary>The schemas whose only keyword is <c>type</c>, made on first use, by <see cref="StreamTypes"/> value.</summary>
    private static readonly StreamSchema?[] s_ofTypes = new StreamSchema?[(int)AllTypes + 1];

    private const StreamTypes AllTypes = StreamTypes.Null | StreamTypes.Boolean | StreamTypes.Object | StreamTypes.Array
        | StreamTypes.Number | StreamTypes.String | StreamTypes.Integer;

    /// <summary>
    /// A schema whose only keyword is <c>type</c>, allowing <paramref name="types"/>: one instance per value, shared
    /// by every location of that form (they get no validator method and no initializer of their own).
    /// </summary>
    public static StreamSchema OfTypes(StreamTypes types)
    {
        var index = (int)(types & AllTypes);
        return s_ofTypes[index] ??= new() { Types = (StreamTypes)index };
    }

    /// <summary>The location has a keyword the reader pass does not evaluate.</summary>
    public bool NeedsDocument { get; init; }

    /// <summary>The schema <c>false</c>: nothing is valid.</summary>
    public bool Never { get; init; }

    /// <summary>Null is valid whatever else the schema says (OpenAPI's <c>nullable</c> beside a <c>$ref</c>).</summary>
    public bool AcceptsNull { get; init; }

    /// <summary>The types <c>type</c> allows.</summary>
    public StreamTypes Types { get; init; }

    /// <summary>Each <c>const</c> and <c>enum</c> of scalars: the value equals one constant of every set.</summary>
    public StreamConstant[][]? Constants { get; init; }

    /// <summary><c>minimum</c>, <c>maximum</c> and the exclusive forms, as written.</summary>
    public StreamNumberLimit[]? NumberLimits { get; init; }

    /// <summary><c>multipleOf</c>, as written.</summary>
    public string[]? MultiplesOf { get; init; }

    /// <summary>
    /// Count limits in the order min, max: <c>minLength</c>/<c>maxLength</c> (code points), <c>minItems</c>/<c>maxItems</c>,
    /// <c>minProperties</c>/<c>maxProperties</c>; -1 where absent.
    /// </summary>
    public long MinLength { get; init; } = -1;

    /// <inheritdoc cref="MinLength"/>
    public long MaxLength { get; init; } = -1;

    /// <inheritdoc cref="MinLength"/>
    public long MinItems { get; init; } = -1;

    /// <inheritdoc cref="MinLength"/>
    public long MaxItems { get; init; } = -1;

    /// <inheritdoc cref="MinLength"/>
    public long MinProperties { get; init; } = -1;

    /// <inheritdoc cref="MinLength"/>
    public long MaxProperties { get; init; } = -1;

    /// <summary><c>pattern</c>s, translated to .NET.</summary>
    public Regex[]? Patterns { get; init; }

    /// <summary>
    /// <c>format</c>s, with whether each asserts by default: the pass evaluates none, so an asserted one leaves the
    /// payload to the document validators (formats assert only when a run asks, by default).
    /// </summary>
    public (string Format, bool AssertsByDefault)[]? Formats { get; init; }

    /// <summary>
    /// The names whose presence the object keywords need (<c>required</c> and <c>dependentRequired</c>), at most 64;
    /// <see cref="Required"/> and <see cref="DependentRequired"/> are bit masks over them.
    /// </summary>
    public PropertyNameSet? PresenceNames { get; init; }

    /// <summary>The members <c>required</c> asks for, as bits of <see cref="PresenceNames"/>.</summary>
    public ulong Required { get; init; }

    /// <summary><c>dependentRequired</c>: when the member of the first bit is present, so must those of the mask be.</summary>
    public (int Property, ulong Required)[]? DependentRequired { get; init; }

    /// <summary><c>properties</c>: the names, and the schema of each (by index).</summary>
    public PropertyNameSet? PropertyNames { get; init; }

    /// <inheritdoc cref="PropertyNames"/>
    public Func<StreamSchema>[] PropertySchemas { get; init; } = NoSchemas;

    /// <summary><c>patternProperties</c>.</summary>
    public (Regex Pattern, Func<StreamSchema> Schema)[]? PatternSchemas { get; init; }

    /// <summary><c>additionalProperties</c>.</summary>
    public Func<StreamSchema>? Additional { get; init; }

    /// <summary><c>prefixItems</c> (or <c>items</c> as an array).</summary>
    public Func<StreamSchema>[] PrefixItems { get; init; } = NoSchemas;

    /// <summary><c>items</c> (or <c>additionalItems</c>) for the items after the prefix.</summary>
    public Func<StreamSchema>? RestItems { get; init; }

    /// <summary><c>allOf</c> and <c>$ref</c>: in-place schemas the value must match, each.</summary>
    public Func<StreamSchema>[] AllOf { get; init; } = NoSchemas;

    /// <summary>Each <c>anyOf</c>: the value matches at least one of its schemas.</summary>
    public Func<StreamSchema>[][]? AnyOf { get; init; }

    /// <summary>Each <c>oneOf</c>: the value matches exactly one of its schemas.</summary>
    public Func<StreamSchema>[][]? OneOf { get; init; }

    /// <summary>Each <c>not</c>: the value does not match the schema.</summary>
    public Func<StreamSchema>[]? Not { get; init; }

    /// <summary>Each <c>if</c> with its <c>then</c> and <c>else</c> (null where absent).</summary>
    public (Func<StreamSchema> If, Func<StreamSchema>? Then, Func<StreamSchema>? Else)[]? Conditionals { get; init; }

    private Shape _shape;

    /// <summary>What the fused pass resolved of this location, made on its first use there (see <see cref="FusedPass"/>).</summary>
    internal FusedPass.Resolved? Fused;

    /// <summary>Whether the location reads an object's members or an array's items itself (not only through in-place schemas).</summary>
    internal bool ReadsStructure => (Describe() & Shape.Structure) != 0;

    /// <summary>Whether the location applies schemas in place that must be tried on a copy of the reader.</summary>
    internal bool HasTrials => (Describe() & Shape.Trials) != 0;

    /// <summary>Whether the location applies any schema in place (<c>$ref</c>, <c>allOf</c> or a trial).</summary>
    internal bool AppliesInPlace => (Describe() & (Shape.Trials | Shape.AllOf)) != 0;

    /// <summary>Whether the location's only keyword is <c>type</c>, allowing null alone.</summary>
    internal bool IsNullType => Describe() == (Shape.Known | Shape.Scalars) && Types == StreamTypes.Null && Constants is null
        && NumberLimits is null && MultiplesOf is null && Formats is null && Patterns is null && MinLength < 0 && MaxLength < 0 && !AcceptsNull;

    /// <summary>Whether the location's only keyword is one <c>anyOf</c> of two schemas.</summary>
    internal bool IsAnyOfPair => Describe() == (Shape.Known | Shape.Trials) && AnyOf is [{ Length: 2 }] && OneOf is null && Not is null && Conditionals is null && !AcceptsNull;

    /// <summary>Whether the location has a keyword that looks at the current token.</summary>
    internal bool ChecksScalars => (Describe() & Shape.Scalars) != 0;

    /// <summary>Whether the location is only a <c>$ref</c> (or an <c>allOf</c> of one): evaluating it is evaluating its target.</summary>
    internal bool IsReference => Describe() == (Shape.Known | Shape.AllOf) && AllOf.Length == 1 && !AcceptsNull;

    /// <summary>What the location does, worked out once (the properties are set by an initializer, after construction).</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    private Shape Describe() => _shape != Shape.None ? _shape : Work();

    private Shape Work()
    {
        if (_shape != Shape.None)
        {
            return _shape;
        }

        var shape = Shape.Known;
        if (NeedsDocument || Never)
        {
            shape |= Shape.Terminal;
        }

        if (PropertyNames is not null || PatternSchemas is not null || Additional is not null || PresenceNames is not null
            || PrefixItems.Length > 0 || RestItems is not null
            || MinItems >= 0 || MaxItems >= 0 || MinProperties >= 0 || MaxProperties >= 0)
        {
            shape |= Shape.Structure;
        }

        if (AnyOf is not null || OneOf is not null || Not is not null || Conditionals is not null)
        {
            shape |= Shape.Trials;
        }

        if (AllOf.Length > 0)
        {
            shape |= Shape.AllOf;
        }

        if (Types != StreamTypes.Any || Constants is not null || NumberLimits is not null || MultiplesOf is not null
            || Formats is not null || Patterns is not null || MinLength >= 0 || MaxLength >= 0)
        {
            shape |= Shape.Scalars;
        }

        return _shape = shape;
    }

    [Flags]
    private enum Shape
    {
        None = 0,
        Known = 1,
        Structure = 2,
        Trials = 4,
        AllOf = 8,
        Scalars = 16,
        Terminal = 32,
    }

    /// <summary>
    /// Decides, in one reader pass, whether a payload is valid against this schema; <see cref="StreamVerdict.Undecided"/>
    /// when the payload or the schema needs the document validators. Never throws for bad input.
    /// </summary>
    public StreamVerdict Evaluate(ReadOnlySpan<byte> utf8Json, ValidationOptions? options = null)
        => StreamingValidator.Evaluate(utf8Json, this, options ?? ValidationOptions.Default);
}
