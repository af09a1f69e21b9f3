using System.Collections.Generic;

namespace Hooksmith.Generator.Drift;

/// <summary>
/// What a receiver can be sent at one schema location, normalized: only the facets the drift rules
/// compare, with references kept as keys into <see cref="SchemaSurface.Schemas"/> so shared schemas
/// are compared once. Order and formatting of the source are gone; where it came from is kept for
/// reports (and is empty for a node read from a lock).
/// </summary>
internal sealed class SurfaceNode
{
    private static readonly SortedDictionary<string, string> NoBounds = new(System.StringComparer.Ordinal);
    private static readonly SortedDictionary<string, SurfaceProperty> NoProperties = new(System.StringComparer.Ordinal);
    private static readonly SortedSet<string> NoRequired = new(System.StringComparer.Ordinal);
    private static readonly List<SurfaceNode> NoNodes = [];
    private static readonly SortedDictionary<string, SurfaceNode> NoApplicators = new(System.StringComparer.Ordinal);

    private SortedDictionary<string, string>? _bounds;
    private SortedDictionary<string, SurfaceProperty>? _properties;
    private SortedSet<string>? _required;
    private List<SurfaceNode>? _variants;
    private List<SurfaceNode>? _allOf;
    private SortedDictionary<string, SurfaceNode>? _applicators;

    /// <summary>The JSON types it admits, without <c>null</c>, sorted; null when any type is allowed.</summary>
    public List<string>? Types { get; set; }

    /// <summary><c>null</c> is admitted (a <c>null</c> type, <c>nullable: true</c>, or a <c>null</c> branch).</summary>
    public bool Nullable { get; set; }

    public string? Format { get; set; }

    /// <summary>The allowed values (<c>enum</c>, or a <c>const</c>) as compact JSON, sorted; null when any value is allowed.</summary>
    public List<string>? Enum { get; set; }

    /// <summary>Bounds by keyword (<c>maxLength</c>, <c>pattern</c>, …) as written.</summary>
    public SortedDictionary<string, string> Bounds => _bounds ??= new(System.StringComparer.Ordinal);

    /// <summary>The properties declared here (not those of <see cref="AllOf"/> members), by JSON name.</summary>
    public SortedDictionary<string, SurfaceProperty> Properties => _properties ??= new(System.StringComparer.Ordinal);

    public SortedSet<string> Required => _required ??= new(System.StringComparer.Ordinal);

    public SurfaceNode? Items { get; set; }

    /// <summary>False when no extra members are allowed, a node when they are typed; null when any are allowed.</summary>
    public SurfaceNode? AdditionalProperties { get; set; }

    /// <summary><c>additionalProperties: false</c>.</summary>
    public bool NoAdditionalProperties { get; set; }

    /// <summary>The branches of <c>oneOf</c> and <c>anyOf</c>, without a <c>null</c> branch (that is <see cref="Nullable"/>).</summary>
    public List<SurfaceNode> Variants => _variants ??= [];

    /// <summary><c>allOf</c> members: their properties and constraints apply here too.</summary>
    public List<SurfaceNode> AllOf => _allOf ??= [];

    /// <summary>
    /// The other subschemas that apply to the value, by <see cref="Applicator"/> key: <c>not</c>, <c>if</c>,
    /// <c>then</c>, <c>else</c>, <c>contains</c>, <c>propertyNames</c>, and per name or position
    /// <c>prefixItems/0</c>, <c>patternProperties/^x-</c>, <c>dependentSchemas/card</c>.
    /// </summary>
    public SortedDictionary<string, SurfaceNode> Applicators => _applicators ??= new(System.StringComparer.Ordinal);

    /// <summary>The key of the schema a <c>$ref</c> names (<see cref="SchemaSurface.Schemas"/>).</summary>
    public string? Ref { get; set; }

    public bool Deprecated { get; set; }

    /// <summary>The generated C# type at this location, if it has one of its own.</summary>
    public string? CSharpType { get; set; }

    /// <summary>A fingerprint of <c>title</c>, <c>description</c> and examples; compared only when docs are asked for.</summary>
    public string? Docs { get; set; }

    /// <summary>The JSON Pointer of the location in its file ("" unknown).</summary>
    public string Pointer { get; set; } = string.Empty;

    /// <summary>Where the location is written; null for a node read from a lock.</summary>
    public SurfaceLocation? Location { get; set; }

    /// <summary>True when nothing but a reference is here: the node stands for the schema it names.</summary>
    public bool IsPureRef
        => Ref is not null && Types is null && !Nullable && Format is null && Enum is null && !HasBounds && !HasProperties
            && !HasRequired && Items is null && AdditionalProperties is null && !NoAdditionalProperties && !HasVariants
            && !HasAllOf && !HasApplicators && !Deprecated;

    // The collections are made when first asked for: most nodes have few of them, and a surface has thousands of nodes.
    // The Has… checks read them without making them.
    public bool HasBounds => _bounds is { Count: > 0 };

    public bool HasProperties => _properties is { Count: > 0 };

    public bool HasRequired => _required is { Count: > 0 };

    public bool HasVariants => _variants is { Count: > 0 };

    public bool HasAllOf => _allOf is { Count: > 0 };

    public bool HasApplicators => _applicators is { Count: > 0 };

    // For reading only: the collection, or a shared empty one that must not be changed.
    public SortedDictionary<string, string> BoundsOrEmpty => _bounds ?? NoBounds;

    public SortedDictionary<string, SurfaceProperty> PropertiesOrEmpty => _properties ?? NoProperties;

    public SortedSet<string> RequiredOrEmpty => _required ?? NoRequired;

    public List<SurfaceNode> VariantsOrEmpty => _variants ?? NoNodes;

    public List<SurfaceNode> AllOfOrEmpty => _allOf ?? NoNodes;

    public SortedDictionary<string, SurfaceNode> ApplicatorsOrEmpty => _applicators ?? NoApplicators;
}

/// <summary>A property: its C# member name in the generated record, and its value's schema.</summary>
/// <param name="Member">The generated member's name (<c>Status</c>).</param>
/// <param name="Node">The value's schema.</param>
/// <param name="NameLocation">Where the property's name is written (null from a lock).</param>
internal sealed record SurfaceProperty(string Member, SurfaceNode Node, SurfaceLocation? NameLocation);

/// <summary>A place in a schema file: the file and the one-based line and column.</summary>
internal sealed record SurfaceLocation(string File, int Line, int Column)
{
    /// <summary>The character offset in the file, for a compiler diagnostic's span.</summary>
    public int Offset { get; init; }
}
