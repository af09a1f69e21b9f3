using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Hooksmith.Generator.Json;
using Hooksmith.Generator.Planning.Validation;

namespace Hooksmith.Generator.Emit;

/// <summary>
/// Issue 14's one pass: beside each validator method, the same location's checks as a runtime
/// <c>StreamSchema</c>, one initializer per location, that a single <c>Utf8JsonReader</c> pass evaluates to
/// decide validity. A location with a keyword that needs random access becomes <c>StreamSchema.Document</c>:
/// a pass that reaches it leaves the payload to the document validators.
/// </summary>
internal static class StreamSchemaEmitter
{
    private const string Stream = "global::Hooksmith.Validation.StreamSchema";

    /// <summary>
    /// Writes, inside the validators' class, each location's <c>StreamSchema</c> after its validator methods:
    /// the same file, so a schema's checks in both forms are emitted and cached together.
    /// </summary>
    public static void WriteMembers(SourceWriter writer, ValidatorPart part)
    {
        writer.WriteLine();
        writer.WriteLine("// The same locations' checks for the one reader pass (see StreamSchema).");
        foreach (var spec in part.Validators)
        {
            var initializer = Initializer(spec);
            if (initializer is null || initializer.Count == 0)
            {
                var shared = initializer is not null ? "True" : spec.AlwaysFails ? "False" : "Document";
                writer.WriteLine($"internal static {Stream} {spec.Method}__Stream => {Stream}.{shared};");
                continue;
            }

            writer.WriteLine($"private static {Stream}? {spec.Method}__StreamCache;");
            writer.WriteLine($"internal static {Stream} {spec.Method}__Stream => {spec.Method}__StreamCache ??= new() {{ {string.Join(", ", initializer)} }};");
        }
    }

    /// <summary>The initializer's assignments; null when the location fails everything or needs the document.</summary>
    private static List<string>? Initializer(ValidatorSpec spec)
    {
        if (spec.AlwaysFails || spec.TracksEvaluated)
        {
            return null;
        }

        var set = new List<string>();
        var assigned = new HashSet<string>(System.StringComparer.Ordinal);
        bool Set(string name, string value)
        {
            set.Add(name + " = " + value);
            return assigned.Add(name);
        }

        if (spec.AcceptsNull)
        {
            Set("AcceptsNull", "true");
        }

        var constants = new List<string>();
        var limits = new List<string>();
        var multiples = new List<string>();
        var patterns = new List<string>();
        var formats = new List<string>();
        var allOf = new List<string>();
        var anyOf = new List<string>();
        var oneOf = new List<string>();
        var not = new List<string>();
        var conditionals = new List<string>();
        var required = new List<string>();
        var dependent = new List<DependentRequiredCheck>();
        foreach (var check in spec.Checks)
        {
            var ok = true;
            switch (check)
            {
                case TypeCheck type:
                    ok = Set("Types", TypesOf(type.Types));
                    break;
                case ConstantCheck constant when constant.Values.All(v => v.Kind is not (JsonKind.Object or JsonKind.Array)):
                    constants.Add("[" + string.Join(", ", constant.Values.Select(Constant)) + "]");
                    break;
                case NumberLimitCheck limit:
                    limits.Add($"new({TypeEmitter.Literal(limit.Literal)}, {Bool(limit.IsMinimum)}, {Bool(limit.IsExclusive)})");
                    break;
                case MultipleOfCheck multiple:
                    multiples.Add(TypeEmitter.Literal(multiple.Literal));
                    break;
                case CountCheck count when long.TryParse(count.Limit, NumberStyles.None, CultureInfo.InvariantCulture, out var value):
                    ok = Set(char.ToUpperInvariant(count.Keyword[0]) + count.Keyword.Substring(1), value.ToString(CultureInfo.InvariantCulture));
                    break;
                case PatternCheck { DotNetPattern: { } pattern }:
                    patterns.Add($"global::Hooksmith.Validation.SchemaChecks.Pattern({TypeEmitter.Literal(pattern)})");
                    break;
                case FormatCheck format:
                    formats.Add($"({TypeEmitter.Literal(format.Format)}, {Bool(format.AssertsByDefault)})");
                    break;
                case RequiredCheck names:
                    required.AddRange(names.Names);
                    break;
                case DependentRequiredCheck dependency:
                    dependent.Add(dependency);
                    break;
                case MembersCheck members when members.Patterns.All(p => p.DotNetPattern is not null):
                    if (members.Properties.Count > 0)
                    {
                        ok &= Set("PropertyNames", $"new({string.Join(", ", members.Properties.Select(p => TypeEmitter.Literal(p.Name)))})");
                        ok &= Set("PropertySchemas", "[" + string.Join(", ", members.Properties.Select(p => Target(p.Schema))) + "]");
                    }

                    if (members.Patterns.Count > 0)
                    {
                        ok &= Set("PatternSchemas", "[" + string.Join(", ", members.Patterns.Select(p => $"(global::Hooksmith.Validation.SchemaChecks.Pattern({TypeEmitter.Literal(p.DotNetPattern!)}), {Target(p.Schema)})")) + "]");
                    }

                    if (members.Additional is { } additional)
                    {
                        ok &= Set("Additional", Target(additional));
                    }

                    break;
                case ItemsCheck items:
                    if (items.Prefix.Count > 0)
                    {
                        ok &= Set("PrefixItems", "[" + string.Join(", ", items.Prefix.Select(Target)) + "]");
                    }

                    if (items.Rest is { } rest)
                    {
                        ok &= Set("RestItems", Target(rest));
                    }

                    break;
                case ReferenceCheck reference:
                    allOf.Add(Target(reference.Schema));
                    break;
                case CombinatorCheck { Keyword: "allOf" } all:
                    allOf.AddRange(all.Schemas.Select(Target));
                    break;
                case CombinatorCheck { Keyword: "anyOf" } any:
                    anyOf.Add("[" + string.Join(", ", any.Schemas.Select(Target)) + "]");
                    break;
                case CombinatorCheck { Keyword: "oneOf" } one:
                    oneOf.Add("[" + string.Join(", ", one.Schemas.Select(Target)) + "]");
                    break;
                case NotCheck negation:
                    not.Add(Target(negation.Schema));
                    break;
                case ConditionalCheck conditional:
                    conditionals.Add($"({Target(conditional.If)}, {OptionalTarget(conditional.Then)}, {OptionalTarget(conditional.Else)})");
                    break;
                default:
                    // uniqueItems, contains, dependentSchemas, propertyNames, unevaluated*, $dynamicRef, constants
                    // that are objects or arrays, patterns that could not be translated: the document's.
                    return null;
            }

            if (!ok)
            {
                return null; // a keyword twice in one location: rare enough to leave to the document
            }
        }

        if (required.Count > 0 || dependent.Count > 0)
        {
            var names = required.Concat(dependent.SelectMany(d => d.Required.Prepend(d.Property))).Distinct().ToList();
            if (names.Count > 64)
            {
                return null;
            }

            Set("PresenceNames", $"new({string.Join(", ", names.Select(TypeEmitter.Literal))})");
            if (required.Count > 0)
            {
                Set("Required", Mask(required.Select(n => names.IndexOf(n))));
            }

            if (dependent.Count > 0)
            {
                Set("DependentRequired", "[" + string.Join(", ", dependent.Select(d => $"({names.IndexOf(d.Property)}, {Mask(d.Required.Select(n => names.IndexOf(n)))})")) + "]");
            }
        }

        AddList("Constants", constants);
        AddList("NumberLimits", limits);
        AddList("MultiplesOf", multiples);
        AddList("Patterns", patterns);
        AddList("Formats", formats);
        AddList("AllOf", allOf);
        AddList("AnyOf", anyOf);
        AddList("OneOf", oneOf);
        AddList("Not", not);
        AddList("Conditionals", conditionals);
        return set;

        void AddList(string name, List<string> items)
        {
            if (items.Count > 0)
            {
                Set(name, "[" + string.Join(", ", items) + "]");
            }
        }
    }

    private static string Mask(IEnumerable<int> bits)
        => "0x" + bits.Aggregate(0UL, (mask, bit) => mask | (1UL << bit)).ToString("X", CultureInfo.InvariantCulture) + "UL";

    /// <summary>JSON Schema type names as a <c>StreamTypes</c> expression (<c>StreamTypes.String | StreamTypes.Null</c>).</summary>
    public static string TypesOf(IEnumerable<string> types) => string.Join(" | ", types.Select(t => "global::Hooksmith.Validation.StreamTypes." + TypeName(t)));

    private static string Bool(bool value) => value ? "true" : "false";

    private static string TypeName(string type) => type switch
    {
        "null" => "Null",
        "boolean" => "Boolean",
        "object" => "Object",
        "array" => "Array",
        "number" => "Number",
        "string" => "String",
        _ => "Integer",
    };

    private static string Constant(ConstantValue value) => value.Kind switch
    {
        JsonKind.String => $"global::Hooksmith.Validation.StreamConstant.String({TypeEmitter.Literal(value.Text)})",
        JsonKind.Number => $"global::Hooksmith.Validation.StreamConstant.Number({TypeEmitter.Literal(value.Text)})",
        JsonKind.True => "global::Hooksmith.Validation.StreamConstant.True",
        JsonKind.False => "global::Hooksmith.Validation.StreamConstant.False",
        _ => "global::Hooksmith.Validation.StreamConstant.Null",
    };

    private static string OptionalTarget(Target? target) => target is null ? "null" : Target(target);

    private static string Target(Target target) => "static () => " + StreamOf(target);

    /// <summary>A target's reader-pass schema; applying one schema through a location decides as that schema does.</summary>
    private static string StreamOf(Target target) => target.Kind switch
    {
        TargetKind.Through => StreamOf(target.Inner!),
        TargetKind.True => Stream + ".True",
        TargetKind.False => Stream + ".False",
        TargetKind.Method => target.Method + "__Stream",
        TargetKind.Type => $"{Stream}.OfTypes({TypesOf(target.Types)})",
        _ => Stream + ".Document",
    };
}
