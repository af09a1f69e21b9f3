using System;

namespace Hooksmith.Conformance.Tests.Differential;

/// <summary>A dialect the differential tests generate schemas in, with what differs between them.</summary>
internal sealed record DifferentialDraft(string Name, string MetaSchemaUri, string DefinitionsKeyword, string[] AssertedFormats)
{
    /// <summary>Draft 2020-12: prefixItems, $defs, dependentRequired/dependentSchemas, min/maxContains, unevaluated*.</summary>
    public static readonly DifferentialDraft Draft202012 = new(
        "2020-12",
        "https://json-schema.org/draft/2020-12/schema",
        "$defs",
        // The formats python-jsonschema checks with the packages installed here; the others it passes
        // whatever their value, which would only measure its missing optional dependencies.
        ["date", "date-time", "time", "email", "ipv4", "ipv6", "uuid", "json-pointer", "relative-json-pointer"]);

    /// <summary>Draft-07: items arrays with additionalItems, definitions, dependencies, $ref replacing its siblings.</summary>
    public static readonly DifferentialDraft Draft7 = new(
        "draft-07",
        "http://json-schema.org/draft-07/schema#",
        "definitions",
        // draft-07 defines no uuid format.
        ["date", "date-time", "time", "email", "ipv4", "ipv6", "json-pointer", "relative-json-pointer"]);

    public static readonly DifferentialDraft[] All = [Draft202012, Draft7];

    public bool Is202012 => ReferenceEquals(this, Draft202012) || Name == Draft202012.Name;

    public static DifferentialDraft FromMetaSchema(string? uri)
        => string.Equals(uri, Draft7.MetaSchemaUri, StringComparison.Ordinal) ? Draft7 : Draft202012;

    public override string ToString() => Name;
}
