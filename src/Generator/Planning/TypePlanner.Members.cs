using System;
using System.Collections.Generic;
using System.Linq;
using Hooksmith.Generator.Diagnostics;
using Hooksmith.Generator.Json;
using Hooksmith.Generator.Model;
using Hooksmith.Generator.Naming;
using Hooksmith.Generator.Schema;

namespace Hooksmith.Generator.Planning;

internal sealed partial class TypePlanner
{
    /// <summary>
    /// Member names some generated type declares itself: a type may not be named like one of its own members, and the
    /// variants of unions and the values of open enums keep clear of all of them.
    /// </summary>
    internal static readonly string[] ReservedMemberNames =
    [
        "AdditionalProperties", "UnboundProperties", "Equals", "GetHashCode", "ToString", "GetType",
        "MemberwiseClone", "Finalize", "EqualityContract", "Deconstruct", "PrintMembers",
        "WriteTo", "Write", "TryRead", "TryParse", "Parse", "Value", "Kind", "Known", "IsKnown", "KnownValues", "Match", "Switch",
        "Unknown", "Presence",
    ];

    /// <summary>
    /// The member names a record declares itself (TypeEmitter.Record: its bag of other members, presence and spellings,
    /// Parse/TryParse/Validate/Write/WriteTo/TryRead, equality) and those C# gives every record and object, which its
    /// properties must not take. <c>Value</c>, <c>Kind</c> and the like belong to open enums and unions only, so a
    /// record's <c>value</c> stays <c>Value</c>.
    /// </summary>
    internal static readonly string[] RecordMemberNames =
    [
        "AdditionalProperties", "UnboundProperties", "Presence", "Spellings",
        "Parse", "TryParse", "Validate", "Write", "WriteTo", "TryRead",
        "Equals", "GetHashCode", "ToString", "GetType", "MemberwiseClone", "Finalize", "EqualityContract", "Deconstruct", "PrintMembers",
    ];

    private (EquatableArray<PropertySpec> Properties, TypeRef? AdditionalProperties) PlanRecordMembers(PendingType pending)
    {
        var members = pending.Shape.Members!;
        var names = new NameScope();
        var claimedBy = new Dictionary<string, string>(StringComparer.Ordinal);
        var properties = new List<PropertySpec>();
        var spelled = NamesTellingApartCase(members.Order, RecordMemberNames, "Property", pending.Name);
        foreach (var jsonName in members.Order)
        {
            var schemas = members.Properties[jsonName];
            var hint = InlineName(pending.Name, Identifiers.ToPascalCase(jsonName));
            var types = schemas.Select(s => TypeOf(s, hint, isNamed: false)).ToList();
            var type = MergeTypes(types);
            var allowsNull = type.Kind != TypeRefKind.Any && schemas.All(AllowsNull);
            var name = ClaimMemberName(names, claimedBy, jsonName, schemas[0].Node, "Property", RecordMemberNames, pending.Name, spelled);
            var documentation = schemas.Select(s => DocumentationOf(s.Node)).FirstOrDefault(d => d != DocumentationSpec.None) ?? DocumentationSpec.None;
            properties.Add(new PropertySpec(jsonName, name, type, members.Required.Contains(jsonName), allowsNull, documentation));
        }

        TypeRef? additional = null;
        if (TypedAdditionalProperties(pending.Info) is { } values)
        {
            additional = TypeOf(values, InlineName(pending.Name, "Value"), isNamed: false);
        }

        return (properties.ToEquatableArray(), additional);
    }

    /// <summary>allOf members may each say something about one property; keep a type only when they agree.</summary>
    private static TypeRef MergeTypes(List<TypeRef> types)
    {
        TypeRef? agreed = null;
        foreach (var type in types)
        {
            if (type.Kind == TypeRefKind.Any)
            {
                continue;
            }

            if (agreed is null)
            {
                agreed = type;
            }
            else if (!agreed.Equals(type))
            {
                return TypeRef.Any;
            }
        }

        return agreed ?? TypeRef.Any;
    }

    private EquatableArray<EnumMemberSpec> PlanEnumMembers(PendingType pending)
    {
        var values = pending.Shape.EnumValues;
        var names = new NameScope();
        var claimedBy = new Dictionary<string, string>(StringComparer.Ordinal);
        var members = new List<EnumMemberSpec>();
        var spelled = NamesTellingApartCase(values, ReservedMemberNames, "Value", pending.Name);
        foreach (var value in values)
        {
            members.Add(new EnumMemberSpec(value, ClaimMemberName(names, claimedBy, value, pending.Info.Node["enum"], "Value", ReservedMemberNames, pending.Name, spelled)));
        }

        return members.ToEquatableArray();
    }

    private EquatableArray<VariantSpec> PlanVariants(PendingType pending)
    {
        var names = new NameScope();
        var claimedBy = new Dictionary<string, string>(StringComparer.Ordinal);
        var variants = new List<VariantSpec>();
        var position = 0;
        foreach (var variant in pending.Shape.Variants)
        {
            position++;
            var discriminator = OpenApiDiscriminatorOf(pending.Info, variant) ?? DiscriminatorOf(variant);
            var hintText = discriminator?.Value
                ?? variant.Node.GetString("title")
                ?? DefinitionNameOf(variant)
                ?? "Variant" + position.ToString(System.Globalization.CultureInfo.InvariantCulture);
            var type = TypeOf(variant, InlineName(pending.Name, Identifiers.ToPascalCase(hintText)), isNamed: false);
            var accessor = type.Kind == TypeRefKind.Named
                ? ShortName(type.FullName!)
                : discriminator?.Value ?? variant.Node.GetString("title") ?? PrimitiveName(type);
            // A variant is read with TryGet{Name}: that method must not take the union's own name.
            var clashing = pending.Name.StartsWith("TryGet", StringComparison.Ordinal) ? pending.Name.Substring("TryGet".Length) : null;
            // Accessor names made up here (from the variant's type: Json, Json2…) are numbered without a
            // warning; only names the schema wrote (a title, a discriminator value) are worth reporting.
            var fromSchema = type.Kind != TypeRefKind.Named && (discriminator is not null || variant.Node.GetString("title") is not null);
            var name = ClaimMemberName(names, claimedBy, accessor, fromSchema ? variant.Node : null, "Variant", ReservedMemberNames, clashing);
            variants.Add(new VariantSpec(name, type, discriminator?.Property, discriminator?.Value)
            {
                SchemaPointer = variant.Pointer,

                // A reference into another file is named after its type once linking knows it.
                NamedAfterType = type.Kind is TypeRefKind.Named or TypeRefKind.External,
            });
        }

        return variants.ToEquatableArray();
    }

    private string? DefinitionNameOf(SchemaNodeInfo variant)
    {
        var resolved = ResolveAliases(variant);
        return resolved is not null && _definitionNames.TryGetValue(resolved.Pointer, out var name) ? name : null;
    }

    /// <summary>A property whose <c>const</c> (or one-value <c>enum</c>) string tells this variant apart.</summary>
    /// <summary>
    /// The value an OpenAPI <c>discriminator</c> gives a <c>$ref</c> variant: its key in <c>mapping</c>,
    /// or else the referenced component's name, as OpenAPI defines it.
    /// </summary>
    private static (string Property, string Value)? OpenApiDiscriminatorOf(SchemaNodeInfo union, SchemaNodeInfo variant)
    {
        const string ComponentPrefix = "#/components/schemas/";
        if (!union.IsOpenApi
            || union.Node["discriminator"] is not { IsObject: true } discriminator
            || discriminator.GetString("propertyName") is not { } property
            || variant.Node.GetString("$ref") is not { } reference)
        {
            return null;
        }

        if (discriminator["mapping"] is { IsObject: true } mapping)
        {
            foreach (var entry in mapping.Properties)
            {
                // Mapping values are references or bare component names.
                if (entry.Value.Text is { } target && (target == reference || ComponentPrefix + target == reference))
                {
                    return (property, entry.Name);
                }
            }
        }

        return reference.StartsWith(ComponentPrefix, StringComparison.Ordinal)
            ? (property, reference.Substring(ComponentPrefix.Length))
            : null;
    }

    /// <summary>The property (a <c>const</c> or one-value <c>enum</c> string) that would tell a record apart in a union, for other files' unions.</summary>
    private EquatableArray<PointerDiscriminator> ExportedDiscriminators()
        => _pending
            .Where(p => p.Kind == TypeSpecKind.Record)
            .Select(p => (p.Info.Pointer, Discriminator: DiscriminatorOf(p.Info)))
            .Where(d => d.Discriminator is not null)
            .Select(d => new PointerDiscriminator(d.Pointer, d.Discriminator!.Value.Property, d.Discriminator.Value.Value))
            .OrderBy(d => d.Pointer, StringComparer.Ordinal)
            .ToEquatableArray();

    private (string Property, string Value)? DiscriminatorOf(SchemaNodeInfo variant)
    {
        var resolved = ResolveAliases(variant);
        if (resolved is null || ShapeOf(resolved).Members is not { } members)
        {
            return null;
        }

        foreach (var name in members.Order)
        {
            foreach (var schema in members.Properties[name])
            {
                var node = ResolveAliases(schema)?.Node ?? schema.Node;
                if (node["const"] is { IsString: true, Text: { } constant })
                {
                    return (name, constant);
                }

                if (node["enum"] is { IsArray: true } values && values.Items.Count == 1 && values.Items[0].IsString)
                {
                    return (name, values.Items[0].Text!);
                }
            }
        }

        return null;
    }

    /// <summary>
    /// Claims a C# member name for a JSON name. Names the generated type uses itself (<paramref name="reserved"/>) get
    /// a "Value" suffix silently; a JSON name in <paramref name="spelled"/> takes the name kept there (its own capitals);
    /// two JSON names that still map to one C# name are reported and the later is numbered.
    /// </summary>
    private string ClaimMemberName(NameScope names, Dictionary<string, string> claimedBy, string jsonName, JsonNode? node, string fallback, string[] reserved, string? typeName = null, Dictionary<string, string>? spelled = null)
    {
        var preferred = PreferredMemberName(Identifiers.ToIdentifier(jsonName, fallback), reserved, typeName);
        var name = names.Claim(spelled is not null && spelled.TryGetValue(jsonName, out var own) ? [own, preferred] : [preferred], out var numbered);
        if (numbered && node is not null)
        {
            var other = claimedBy.TryGetValue(preferred, out var first) ? first : preferred;
            Report(DiagnosticDescriptors.NameCollision, node, DiagnosticText.Of(other), DiagnosticText.Of(jsonName), preferred.TrimStart('@'), name);
        }

        if (!claimedBy.ContainsKey(preferred))
        {
            claimedBy[preferred] = jsonName;
        }

        return name;
    }

    private static string PreferredMemberName(string identifier, string[] reserved, string? typeName)
    {
        var bare = identifier.TrimStart('@');
        return Array.IndexOf(reserved, bare) >= 0 || bare == typeName ? bare + "Value" : identifier;
    }

    /// <summary>
    /// JSON names that PascalCasing gives one C# name but that are spelled with other capitals
    /// (<c>iDealConsumerIBAN</c>, <c>iDealConsumerIban</c>): C# is case-sensitive, so each keeps its own capitals
    /// (<c>IDealConsumerIBAN</c>, <c>IDealConsumerIban</c>) — the same names whatever their order. Names whose own
    /// capitals collide too (<c>a_b</c>, <c>aB</c>: both <c>AB</c>) are left out, to be numbered and reported, and so is a
    /// spelling another JSON name of the type would take as its name.
    /// </summary>
    private static Dictionary<string, string>? NamesTellingApartCase(IEnumerable<string> jsonNames, string[] reserved, string fallback, string? typeName)
    {
        var groups = jsonNames.Distinct(StringComparer.Ordinal)
            .Select(json => (Json: json, Preferred: PreferredMemberName(Identifiers.ToIdentifier(json, fallback), reserved, typeName)))
            .GroupBy(n => n.Preferred, StringComparer.Ordinal)
            .ToList();
        var preferredNames = new HashSet<string>(groups.Select(g => g.Key), StringComparer.Ordinal);
        Dictionary<string, string>? spelled = null;
        foreach (var group in groups.Where(g => g.Count() > 1))
        {
            var own = group.Select(n => (n.Json, Name: PreferredMemberName(Identifiers.ToIdentifierKeepingCapitals(n.Json, fallback), reserved, typeName))).ToList();
            foreach (var (json, name) in own)
            {
                if (own.Count(o => o.Name == name) == 1 && (name == group.Key || !preferredNames.Contains(name)))
                {
                    (spelled ??= new Dictionary<string, string>(StringComparer.Ordinal))[json] = name;
                }
            }
        }

        return spelled;
    }

    internal static string ShortName(string fullName)
    {
        var dot = fullName.LastIndexOf('.');
        return dot < 0 ? fullName : fullName.Substring(dot + 1);
    }

    internal static string PrimitiveName(TypeRef type) => type.Kind switch
    {
        TypeRefKind.String => "String",
        TypeRefKind.Integer => "Integer",
        TypeRefKind.Number => "Number",
        TypeRefKind.Boolean => "Boolean",
        TypeRefKind.DateTime => "DateTime",
        TypeRefKind.Date => "Date",
        TypeRefKind.List => "Array",
        TypeRefKind.Map => "Object",
        _ => "Json",
    };
}
