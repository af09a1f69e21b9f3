using System.Collections.Generic;

namespace Hooksmith.Generator.Drift;

/// <summary>
/// One kind of change, as a receiver sees it: its name in reports and locks, its default severity and
/// the diagnostic ID the build reports it with (so <c>.editorconfig</c> can tune one kind).
/// </summary>
/// <param name="Name">The kebab-case name (<c>enum-value-added</c>).</param>
/// <param name="DefaultSeverity">The severity unless a team overrides it.</param>
/// <param name="DiagnosticId">The build's diagnostic ID (<c>HSM0207</c>).</param>
/// <param name="Title">A short title for the diagnostic.</param>
internal sealed record DriftKind(string Name, DriftSeverity DefaultSeverity, string DiagnosticId, string Title)
{
    public static readonly DriftKind EventRemoved = new("event-removed", DriftSeverity.Breaking, "HSM0201", "A webhook event was removed");
    public static readonly DriftKind PropertyRemoved = new("property-removed", DriftSeverity.Breaking, "HSM0202", "A property was removed");
    public static readonly DriftKind PropertyBecameOptional = new("property-became-optional", DriftSeverity.Breaking, "HSM0203", "A required property became optional");
    public static readonly DriftKind NullableAdded = new("nullable-added", DriftSeverity.Breaking, "HSM0204", "A value may now be null");
    public static readonly DriftKind TypeChanged = new("type-changed", DriftSeverity.Breaking, "HSM0205", "A value's type now admits values it did not");
    public static readonly DriftKind FormatChanged = new("format-changed", DriftSeverity.Breaking, "HSM0206", "A value's format changed");
    public static readonly DriftKind EventAdded = new("event-added", DriftSeverity.Warning, "HSM0210", "A webhook event was added");
    public static readonly DriftKind EnumValueAdded = new("enum-value-added", DriftSeverity.Warning, "HSM0211", "An enum gained a value");
    public static readonly DriftKind VariantAdded = new("variant-added", DriftSeverity.Warning, "HSM0212", "A union gained a variant");
    public static readonly DriftKind ConstraintLoosened = new("constraint-loosened", DriftSeverity.Warning, "HSM0213", "A constraint was loosened");
    public static readonly DriftKind AdditionalPropertiesChanged = new("additional-properties-changed", DriftSeverity.Warning, "HSM0214", "Extra members are newly allowed or typed differently");
    public static readonly DriftKind DeprecatedAdded = new("deprecated-added", DriftSeverity.Warning, "HSM0215", "A schema or property was deprecated");
    public static readonly DriftKind PropertyAdded = new("property-added", DriftSeverity.Info, "HSM0220", "A property was added");
    public static readonly DriftKind PropertyBecameRequired = new("property-became-required", DriftSeverity.Info, "HSM0221", "An optional property became required");
    public static readonly DriftKind NullableRemoved = new("nullable-removed", DriftSeverity.Info, "HSM0222", "A value may no longer be null");
    public static readonly DriftKind EnumValueRemoved = new("enum-value-removed", DriftSeverity.Info, "HSM0223", "An enum lost a value");
    public static readonly DriftKind ConstraintTightened = new("constraint-tightened", DriftSeverity.Info, "HSM0224", "A constraint was tightened");
    public static readonly DriftKind VariantRemoved = new("variant-removed", DriftSeverity.Info, "HSM0225", "A union lost a variant");
    public static readonly DriftKind TypeNarrowed = new("type-narrowed", DriftSeverity.Info, "HSM0226", "A value's type admits fewer values");
    public static readonly DriftKind SchemaAdded = new("schema-added", DriftSeverity.Info, "HSM0227", "A named schema was added");
    public static readonly DriftKind SchemaRemoved = new("schema-removed", DriftSeverity.Info, "HSM0228", "A named schema was removed");
    public static readonly DriftKind DeprecatedRemoved = new("deprecated-removed", DriftSeverity.Info, "HSM0229", "A schema or property is no longer deprecated");
    public static readonly DriftKind DocsChanged = new("docs-changed", DriftSeverity.Info, "HSM0230", "A description, title or example changed");

    /// <summary>Every kind, in table order.</summary>
    public static IReadOnlyList<DriftKind> All { get; } =
    [
        EventRemoved, PropertyRemoved, PropertyBecameOptional, NullableAdded, TypeChanged, FormatChanged,
        EventAdded, EnumValueAdded, VariantAdded, ConstraintLoosened, AdditionalPropertiesChanged, DeprecatedAdded,
        PropertyAdded, PropertyBecameRequired, NullableRemoved, EnumValueRemoved, ConstraintTightened, VariantRemoved,
        TypeNarrowed, SchemaAdded, SchemaRemoved, DeprecatedRemoved, DocsChanged,
    ];

    /// <summary>The kind named <paramref name="name"/>, or null.</summary>
    public static DriftKind? Find(string name)
    {
        foreach (var kind in All)
        {
            if (kind.Name == name)
            {
                return kind;
            }
        }

        return null;
    }
}
