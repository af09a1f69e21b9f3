using System.Collections.Generic;
using Microsoft.CodeAnalysis;

namespace Hooksmith.Generator.Drift;

/// <summary>
/// One diagnostic ID per kind of change (HSM02xx), so a team tunes one kind in <c>.editorconfig</c>
/// (<c>dotnet_diagnostic.HSM0211.severity = error</c>). Breaking is an error, warning a warning, info a
/// suggestion. Each is a field of its own, so the release tracking (AnalyzerReleases.*.md) sees its ID.
/// </summary>
internal static class DriftDiagnosticDescriptors
{
    private const string Category = "Hooksmith.Drift";
    private const string HelpBase = "https://github.com/hooksmith/hooksmith/blob/main/docs/diagnostics.md#";
    private const string Message = "{0} ({1}; since hooksmith.lock.json)";

    /// <summary>HSM0200: the lock cannot be read (or the check failed), so no drift is reported.</summary>
    public static readonly DiagnosticDescriptor LockUnreadable = new(
        "HSM0200",
        "The drift lock cannot be read",
        "{0} ({1})",
        Category,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: "hooksmith.lock.json (or the HooksmithLockFile) is not a lock 'hooksmith lock' wrote; the build reports no drift until it is written again.",
        helpLinkUri: HelpBase + "hsm0200");

    public static readonly DiagnosticDescriptor EventRemoved = Create("HSM0201", "A webhook event was removed", DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor PropertyRemoved = Create("HSM0202", "A property was removed", DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor PropertyBecameOptional = Create("HSM0203", "A required property became optional", DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor NullableAdded = Create("HSM0204", "A value may now be null", DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor TypeChanged = Create("HSM0205", "A value's type now admits values it did not", DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor FormatChanged = Create("HSM0206", "A value's format changed", DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor EventAdded = Create("HSM0210", "A webhook event was added", DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor EnumValueAdded = Create("HSM0211", "An enum gained a value", DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor VariantAdded = Create("HSM0212", "A union gained a variant", DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor ConstraintLoosened = Create("HSM0213", "A constraint was loosened", DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor AdditionalPropertiesChanged = Create("HSM0214", "Extra members are newly allowed or typed differently", DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor DeprecatedAdded = Create("HSM0215", "A schema or property was deprecated", DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor PropertyAdded = Create("HSM0220", "A property was added", DiagnosticSeverity.Info);

    public static readonly DiagnosticDescriptor PropertyBecameRequired = Create("HSM0221", "An optional property became required", DiagnosticSeverity.Info);

    public static readonly DiagnosticDescriptor NullableRemoved = Create("HSM0222", "A value may no longer be null", DiagnosticSeverity.Info);

    public static readonly DiagnosticDescriptor EnumValueRemoved = Create("HSM0223", "An enum lost a value", DiagnosticSeverity.Info);

    public static readonly DiagnosticDescriptor ConstraintTightened = Create("HSM0224", "A constraint was tightened", DiagnosticSeverity.Info);

    public static readonly DiagnosticDescriptor VariantRemoved = Create("HSM0225", "A union lost a variant", DiagnosticSeverity.Info);

    public static readonly DiagnosticDescriptor TypeNarrowed = Create("HSM0226", "A value's type admits fewer values", DiagnosticSeverity.Info);

    public static readonly DiagnosticDescriptor SchemaAdded = Create("HSM0227", "A named schema was added", DiagnosticSeverity.Info);

    public static readonly DiagnosticDescriptor SchemaRemoved = Create("HSM0228", "A named schema was removed", DiagnosticSeverity.Info);

    public static readonly DiagnosticDescriptor DeprecatedRemoved = Create("HSM0229", "A schema or property is no longer deprecated", DiagnosticSeverity.Info);

    public static readonly DiagnosticDescriptor DocsChanged = Create("HSM0230", "A description, title or example changed", DiagnosticSeverity.Info);

    private static readonly DiagnosticDescriptor[] All = [LockUnreadable, EventRemoved, PropertyRemoved, PropertyBecameOptional, NullableAdded, TypeChanged, FormatChanged, EventAdded, EnumValueAdded, VariantAdded, ConstraintLoosened, AdditionalPropertiesChanged, DeprecatedAdded, PropertyAdded, PropertyBecameRequired, NullableRemoved, EnumValueRemoved, ConstraintTightened, VariantRemoved, TypeNarrowed, SchemaAdded, SchemaRemoved, DeprecatedRemoved, DocsChanged];

    /// <summary>The descriptor with <paramref name="id"/>, or null.</summary>
    public static DiagnosticDescriptor? ById(string id)
    {
        foreach (var descriptor in All)
        {
            if (descriptor.Id == id)
            {
                return descriptor;
            }
        }

        return null;
    }

    public static DiagnosticSeverity SeverityOf(DriftSeverity severity) => severity switch
    {
        DriftSeverity.Breaking => DiagnosticSeverity.Error,
        DriftSeverity.Warning => DiagnosticSeverity.Warning,
        _ => DiagnosticSeverity.Info,
    };

    private static DiagnosticDescriptor Create(string id, string title, DiagnosticSeverity severity)
        => new(
            id,
            title,
            Message,
            Category,
            severity,
            isEnabledByDefault: true,
            description: "The schema changed since the lock (hooksmith.lock.json) in a way a receiver should know about. Review the change, then accept it with 'hooksmith lock'.",
            helpLinkUri: HelpBase + id.ToLowerInvariant());
}
