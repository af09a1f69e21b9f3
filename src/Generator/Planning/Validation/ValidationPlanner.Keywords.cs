using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Hooksmith.Generator.Diagnostics;
using Hooksmith.Generator.Json;
using Hooksmith.Generator.Model;
using Hooksmith.Generator.Schema;

namespace Hooksmith.Generator.Planning.Validation;

internal sealed partial class ValidationPlanner
{
    /// <summary>Keywords that assert or apply subschemas; a schema with none of them accepts every value.</summary>
    private static readonly HashSet<string> AssertionKeywords = new(StringComparer.Ordinal)
    {
        "type", "enum", "const", "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "multipleOf",
        "minLength", "maxLength", "pattern", "format", "minItems", "maxItems", "uniqueItems", "contains",
        "items", "prefixItems", "additionalItems", "required", "properties", "patternProperties",
        "additionalProperties", "propertyNames", "dependencies", "dependentRequired", "dependentSchemas",
        "minProperties", "maxProperties", "allOf", "anyOf", "oneOf", "not", "if", "unevaluatedItems",
        "unevaluatedProperties", "$ref", "$dynamicRef", "$recursiveRef", "nullable",
    };

    private static bool HasAssertions(SchemaNodeInfo info)
    {
        foreach (var member in info.Node.Properties)
        {
            if (AssertionKeywords.Contains(member.Name))
            {
                return true;
            }
        }

        return false;
    }

    private ValidatorSpec PlanValidator(SchemaNodeInfo info, string method)
    {
        var node = info.Node;
        var uri = SchemaUriOf(info);
        if (!node.IsObject)
        {
            return new ValidatorSpec(method, info.Pointer, uri, info.BaseUri, EquatableArray<Check>.Empty, AlwaysFails: node.Kind == JsonKind.False, TracksEvaluated: false);
        }

        var dialect = info.Dialect;
        var checks = new List<Check>();

        // Draft-07 and older: a $ref replaces the whole schema.
        if (dialect.RefOverridesSiblings() && node["$ref"] is { IsString: true } onlyReference)
        {
            checks.Add(new ReferenceCheck("$ref", ReferenceTarget(info, onlyReference, onlyReference.Text!)));
            return new ValidatorSpec(method, info.Pointer, uri, info.BaseUri, checks.ToEquatableArray(), AlwaysFails: false, TracksEvaluated: false);
        }

        AddReferences(info, checks);
        AddGeneric(info, checks);
        AddNumeric(node, dialect, checks);
        AddString(info, checks);
        AddArray(info, checks);
        AddObject(info, checks);
        AddApplicators(info, checks);

        var tracks = false;
        if (dialect >= SchemaDialect.Draft201909)
        {
            if (node["unevaluatedItems"] is { } unevaluatedItems && (unevaluatedItems.IsObject || unevaluatedItems.IsBoolean))
            {
                checks.Add(new UnevaluatedItemsCheck(SubschemaTarget(info, unevaluatedItems)));
                tracks = true;
            }

            if (node["unevaluatedProperties"] is { } unevaluatedProperties && (unevaluatedProperties.IsObject || unevaluatedProperties.IsBoolean))
            {
                checks.Add(new UnevaluatedPropertiesCheck(SubschemaTarget(info, unevaluatedProperties)));
                tracks = true;
            }
        }

        return new ValidatorSpec(method, info.Pointer, uri, info.BaseUri, checks.ToEquatableArray(), AlwaysFails: false, TracksEvaluated: tracks, MetaSchemaOf(info))
        {
            // With a 'type', nullable only adds "null" to it (OpenAPI 3.0.3): subschemas still judge null.
            AcceptsNull = info.IsOpenApi && node.GetBoolean("nullable") == true && node["type"] is null
                && (node["$ref"] is not null || node["allOf"] is not null || node["anyOf"] is not null || node["oneOf"] is not null),
        };
    }

    /// <summary>The <c>$schema</c> of the schema's resource, when it is not one of the standard dialects (a custom meta-schema).</summary>
    private string? MetaSchemaOf(SchemaNodeInfo info)
    {
        if (info.Dialect < SchemaDialect.Draft201909
            || !_index.Resources.TryGetValue(info.BaseUri, out var rootPointer)
            || !_index.Schemas.TryGetValue(rootPointer, out var root)
            || root.Node.GetString("$schema") is not { } declared
            || SchemaDialects.TryParse(declared, out _))
        {
            return null;
        }

        return UriReference.TryResolve(info.BaseUri, declared, out var absolute) ? UriReference.WithoutFragment(absolute) : null;
    }

    private void AddReferences(SchemaNodeInfo info, List<Check> checks)
    {
        var node = info.Node;
        if (node["$ref"] is { IsString: true } reference)
        {
            checks.Add(new ReferenceCheck("$ref", ReferenceTarget(info, reference, reference.Text!)));
        }

        if (info.Dialect >= SchemaDialect.Draft202012 && node["$dynamicRef"] is { IsString: true } dynamic)
        {
            checks.Add(DynamicReference(info, dynamic));
        }

        if (info.Dialect == SchemaDialect.Draft201909 && node["$recursiveRef"] is { IsString: true } recursive)
        {
            var initial = _refs.Resolve(info, recursive.Text!);
            var target = ReferenceTarget(info, recursive, recursive.Text!);
            var declares = initial.Local is { } local && local.Node.GetBoolean("$recursiveAnchor") == true;
            checks.Add(new DynamicReferenceCheck("$recursiveRef", RecursiveAnchorName, target, declares, EquatableArray<DynamicCandidate>.Empty));
        }
    }

    private Check DynamicReference(SchemaNodeInfo info, JsonNode reference)
    {
        var written = reference.Text!;
        var target = ReferenceTarget(info, reference, written);
        var fragment = UriReference.TryResolve(info.BaseUri, written, out var absolute) ? UriReference.FragmentOf(absolute) : null;
        if (fragment is not { Length: > 0 } || fragment.StartsWith("/", StringComparison.Ordinal))
        {
            // Without an anchor name a $dynamicRef is a plain reference.
            return new ReferenceCheck("$dynamicRef", target);
        }

        var initial = _refs.Resolve(info, written);
        var declares = initial.Local is { } local && local.Node.GetString("$dynamicAnchor") == fragment;

        // Candidates come from every file's exports when the plan is linked; an external initial target's
        // anchor is checked then too.
        return new DynamicReferenceCheck("$dynamicRef", fragment, target, declares, EquatableArray<DynamicCandidate>.Empty);
    }

    private void AddGeneric(SchemaNodeInfo info, List<Check> checks)
    {
        var node = info.Node;
        var nullable = info.IsOpenApi && node.GetBoolean("nullable") == true;
        if (node["type"] is { } type)
        {
            var types = type.IsString ? [type.Text!] : type.Items.Where(t => t.IsString).Select(t => t.Text!).ToList();
            if (types.Count > 0 && (type.IsString || type.IsArray))
            {
                if (nullable && !types.Contains("null"))
                {
                    types.Add("null");
                }

                checks.Add(new TypeCheck(types.Distinct().ToEquatableArray()));
            }
        }

        if (node["enum"] is { IsArray: true } values)
        {
            var constants = values.Items.Select(ConstantOf).ToList();
            if (nullable && !constants.Any(c => c.Kind == JsonKind.Null))
            {
                constants.Add(new ConstantValue(JsonKind.Null, "null", "null"));
            }

            checks.Add(new ConstantCheck("enum", constants.ToEquatableArray()));
        }

        if (info.Dialect >= SchemaDialect.Draft6 && node["const"] is { } constant)
        {
            checks.Add(new ConstantCheck("const", new[] { ConstantOf(constant) }.ToEquatableArray()));
        }
    }

    private static ConstantValue ConstantOf(JsonNode value)
    {
        var json = JsonTextWriter.ToCompactString(value);
        return new ConstantValue(value.Kind, value.IsString || value.IsNumber ? value.Text! : json, json);
    }

    private static void AddNumeric(JsonNode node, SchemaDialect dialect, List<Check> checks)
    {
        if (dialect == SchemaDialect.Draft4)
        {
            if (node["minimum"] is { IsNumber: true } minimum)
            {
                var exclusive = node.GetBoolean("exclusiveMinimum") == true;
                checks.Add(new NumberLimitCheck(exclusive ? "exclusiveMinimum" : "minimum", minimum.Text!, IsMinimum: true, exclusive));
            }

            if (node["maximum"] is { IsNumber: true } maximum)
            {
                var exclusive = node.GetBoolean("exclusiveMaximum") == true;
                checks.Add(new NumberLimitCheck(exclusive ? "exclusiveMaximum" : "maximum", maximum.Text!, IsMinimum: false, exclusive));
            }
        }
        else
        {
            foreach (var (keyword, isMinimum, exclusive) in new[] { ("minimum", true, false), ("maximum", false, false), ("exclusiveMinimum", true, true), ("exclusiveMaximum", false, true) })
            {
                if (node[keyword] is { IsNumber: true } limit)
                {
                    checks.Add(new NumberLimitCheck(keyword, limit.Text!, isMinimum, exclusive));
                }
            }
        }

        if (node["multipleOf"] is { IsNumber: true } divisor && JsonNumber.Compare(divisor.Text!, "0") > 0)
        {
            checks.Add(new MultipleOfCheck(divisor.Text!));
        }
    }

    private void AddString(SchemaNodeInfo info, List<Check> checks)
    {
        var node = info.Node;
        AddCount(node, "minLength", isMinimum: true, checks);
        AddCount(node, "maxLength", isMinimum: false, checks);
        if (node["pattern"] is { IsString: true } pattern)
        {
            var translation = EcmaPatternTranslator.Translate(pattern.Text!);
            if (!translation.Success)
            {
                Report(DiagnosticDescriptors.UntranslatablePattern, pattern, pattern.Text!, translation.Error ?? "it cannot be translated");
            }

            checks.Add(new PatternCheck(pattern.Text!, translation.Success ? translation.DotNetPattern : null, translation.Error));
        }

        if (node["format"] is { IsString: true } format)
        {
            checks.Add(new FormatCheck(format.Text!, AssertsByDefault: false));
        }
    }

    private static void AddCount(JsonNode node, string keyword, bool isMinimum, List<Check> checks)
    {
        if (node[keyword] is { IsNumber: true } limit && limit.TryGetInteger(out var value) && value >= 0)
        {
            checks.Add(new CountCheck(keyword, value.ToString(System.Globalization.CultureInfo.InvariantCulture), isMinimum));
        }
    }

    private void AddArray(SchemaNodeInfo info, List<Check> checks)
    {
        var node = info.Node;
        var dialect = info.Dialect;
        AddCount(node, "minItems", isMinimum: true, checks);
        AddCount(node, "maxItems", isMinimum: false, checks);
        if (node.GetBoolean("uniqueItems") == true)
        {
            checks.Add(new UniqueItemsCheck());
        }

        if (dialect >= SchemaDialect.Draft202012)
        {
            var prefix = node["prefixItems"] is { IsArray: true } prefixItems
                ? prefixItems.Items.Select(i => SubschemaTarget(info, i)).ToEquatableArray()
                : EquatableArray<Target>.Empty;
            var rest = node["items"] is { } items && (items.IsObject || items.IsBoolean) ? SubschemaTarget(info, items) : null;
            if (prefix.Count > 0 || rest is not null)
            {
                checks.Add(new ItemsCheck("prefixItems", prefix, "items", rest));
            }
        }
        else if (node["items"] is { } items)
        {
            if (items.IsArray)
            {
                var prefix = items.Items.Select(i => SubschemaTarget(info, i)).ToEquatableArray();
                var rest = node["additionalItems"] is { } additional && (additional.IsObject || additional.IsBoolean) ? SubschemaTarget(info, additional) : null;
                checks.Add(new ItemsCheck("items", prefix, "additionalItems", rest));
            }
            else if (items.IsObject || items.IsBoolean)
            {
                checks.Add(new ItemsCheck("items", EquatableArray<Target>.Empty, "items", SubschemaTarget(info, items)));
            }
        }

        if (dialect >= SchemaDialect.Draft6 && node["contains"] is { } contains && (contains.IsObject || contains.IsBoolean))
        {
            string? minContains = null;
            string? maxContains = null;
            if (dialect >= SchemaDialect.Draft201909)
            {
                minContains = node["minContains"] is { } min && min.TryGetInteger(out var minValue) && minValue >= 0 ? minValue.ToString(System.Globalization.CultureInfo.InvariantCulture) : null;
                maxContains = node["maxContains"] is { } max && max.TryGetInteger(out var maxValue) && maxValue >= 0 ? maxValue.ToString(System.Globalization.CultureInfo.InvariantCulture) : null;
            }

            checks.Add(new ContainsCheck(SubschemaTarget(info, contains), minContains, maxContains, RecordsItems: dialect >= SchemaDialect.Draft202012));
        }
    }

    private void AddObject(SchemaNodeInfo info, List<Check> checks)
    {
        var node = info.Node;
        var dialect = info.Dialect;
        if (node["required"] is { IsArray: true } required)
        {
            var names = required.Items.Where(n => n.IsString).Select(n => n.Text!).Distinct().ToEquatableArray();
            if (names.Count > 0)
            {
                checks.Add(new RequiredCheck(names));
            }
        }

        AddCount(node, "minProperties", isMinimum: true, checks);
        AddCount(node, "maxProperties", isMinimum: false, checks);

        var properties = node["properties"] is { IsObject: true } declared
            ? declared.Properties.Select(p => new PropertySchema(p.Name, SubschemaTarget(info, p.Value))).ToEquatableArray()
            : EquatableArray<PropertySchema>.Empty;
        var patterns = EquatableArray<PatternSchema>.Empty;
        if (node["patternProperties"] is { IsObject: true } patternProperties)
        {
            var list = new List<PatternSchema>();
            foreach (var member in patternProperties.Properties)
            {
                var translation = EcmaPatternTranslator.Translate(member.Name);
                if (!translation.Success)
                {
                    _diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.UntranslatablePattern, new LocationInfo(Document.Path, member.NameSpan), member.Name, translation.Error ?? "it cannot be translated"));
                }

                list.Add(new PatternSchema(member.Name, translation.Success ? translation.DotNetPattern : null, SubschemaTarget(info, member.Value)));
            }

            patterns = list.ToEquatableArray();
        }

        var additional = node["additionalProperties"] is { } rest && (rest.IsObject || rest.IsBoolean) ? SubschemaTarget(info, rest) : null;
        if (properties.Count > 0 || patterns.Count > 0 || additional is not null)
        {
            checks.Add(new MembersCheck(properties, patterns, additional));
        }

        if (dialect >= SchemaDialect.Draft6 && node["propertyNames"] is { } propertyNames && (propertyNames.IsObject || propertyNames.IsBoolean))
        {
            checks.Add(new PropertyNamesCheck(SubschemaTarget(info, propertyNames)));
        }

        if (dialect <= SchemaDialect.Draft201909 && node["dependencies"] is { IsObject: true } dependencies)
        {
            foreach (var member in dependencies.Properties)
            {
                AddDependency("dependencies", info, member, checks);
            }
        }

        if (dialect >= SchemaDialect.Draft201909)
        {
            if (node["dependentRequired"] is { IsObject: true } dependentRequired)
            {
                foreach (var member in dependentRequired.Properties)
                {
                    AddDependency("dependentRequired", info, member, checks);
                }
            }

            if (node["dependentSchemas"] is { IsObject: true } dependentSchemas)
            {
                foreach (var member in dependentSchemas.Properties)
                {
                    AddDependency("dependentSchemas", info, member, checks);
                }
            }
        }
    }

    private void AddDependency(string keyword, SchemaNodeInfo info, JsonProperty member, List<Check> checks)
    {
        if (member.Value.IsArray && keyword != "dependentSchemas")
        {
            var names = member.Value.Items.Where(n => n.IsString).Select(n => n.Text!).ToEquatableArray();
            if (names.Count > 0)
            {
                checks.Add(new DependentRequiredCheck(keyword, member.Name, names));
            }
        }
        else if ((member.Value.IsObject || member.Value.IsBoolean) && keyword != "dependentRequired")
        {
            checks.Add(new DependentSchemaCheck(keyword, member.Name, SubschemaTarget(info, member.Value)));
        }
    }

    /// <summary>
    /// HSM0013: a <c>oneOf</c> branch that accepts only values another branch accepts too can never be
    /// the one match. Only what is certain is reported: both branches are written in place and assert
    /// nothing but a <c>type</c> (the narrower one may add a <c>format</c>), and the narrower's types are
    /// among the wider's (<c>integer</c> counts as a <c>number</c>).
    /// </summary>
    private void ReportBranchesThatNeverWinAlone(IReadOnlyList<JsonNode> branches)
    {
        // Each branch's types as the narrower side (format allowed) and as the wider side (type alone), once.
        var asNarrow = branches.Select(branch => TypesOfTypeOnlyBranch(branch, allowFormat: true)).ToList();
        var asWide = branches.Select(branch => TypesOfTypeOnlyBranch(branch, allowFormat: false)).ToList();
        for (var narrow = 0; narrow < branches.Count; narrow++)
        {
            if (asNarrow[narrow] is not { } narrowTypes)
            {
                continue;
            }

            for (var wide = 0; wide < branches.Count; wide++)
            {
                if (wide != narrow
                    && asWide[wide] is { } wideTypes
                    && narrowTypes.All(type => wideTypes.Contains(type) || (type == "integer" && wideTypes.Contains("number")))
                    && (wide < narrow || !narrowTypes.SetEquals(wideTypes) || branches[narrow]["format"] is not null))
                {
                    // Of two identical branches, the later one is reported.
                    Report(DiagnosticDescriptors.OneOfBranchNeverAlone, branches[narrow], narrow.ToString(CultureInfo.InvariantCulture), wide.ToString(CultureInfo.InvariantCulture));
                    break;
                }
            }
        }
    }

    /// <summary>The types a branch allows when <c>type</c> (and, if allowed, <c>format</c>) is all it asserts; else null.</summary>
    private static HashSet<string>? TypesOfTypeOnlyBranch(JsonNode branch, bool allowFormat)
    {
        if (!branch.IsObject || branch["type"] is not { } type)
        {
            return null;
        }

        foreach (var member in branch.Properties)
        {
            if (AssertionKeywords.Contains(member.Name) && member.Name != "type" && !(allowFormat && member.Name == "format"))
            {
                return null;
            }
        }

        var names = type.IsString ? [type.Text!] : type.Items.Where(t => t.IsString).Select(t => t.Text!).ToList();
        return names.Count == 0 || (type.IsArray && names.Count != type.Items.Count) ? null : new HashSet<string>(names, StringComparer.Ordinal);
    }

    private void AddApplicators(SchemaNodeInfo info, List<Check> checks)
    {
        var node = info.Node;
        foreach (var keyword in new[] { "allOf", "anyOf", "oneOf" })
        {
            if (node[keyword] is { IsArray: true } array && array.Items.Count > 0)
            {
                checks.Add(new CombinatorCheck(keyword, array.Items.Select(i => SubschemaTarget(info, i)).ToEquatableArray()));
                if (keyword == "oneOf")
                {
                    ReportBranchesThatNeverWinAlone(array.Items);
                }
            }
        }

        if (node["not"] is { } not && (not.IsObject || not.IsBoolean))
        {
            checks.Add(new NotCheck(SubschemaTarget(info, not)));
        }

        if (info.Dialect >= SchemaDialect.Draft7 && node["if"] is { } condition && (condition.IsObject || condition.IsBoolean))
        {
            var then = node["then"] is { } thenNode && (thenNode.IsObject || thenNode.IsBoolean) ? SubschemaTarget(info, thenNode) : null;
            var @else = node["else"] is { } elseNode && (elseNode.IsObject || elseNode.IsBoolean) ? SubschemaTarget(info, elseNode) : null;
            // Without 'then' and 'else', 'if' still counts for unevaluated* when it matches.
            checks.Add(new ConditionalCheck(SubschemaTarget(info, condition), then, @else));
        }
    }
}
