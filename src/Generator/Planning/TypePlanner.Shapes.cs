using System;
using System.Collections.Generic;
using System.Linq;
using Hooksmith.Generator.Diagnostics;
using Hooksmith.Generator.Json;
using Hooksmith.Generator.Naming;
using Hooksmith.Generator.Schema;

namespace Hooksmith.Generator.Planning;

internal sealed partial class TypePlanner
{
    private static readonly string[] ObjectKeywords = ["properties", "additionalProperties", "patternProperties"];

    /// <summary>Decides the C# representation of a schema from its keywords.</summary>
    private TypeRef Classify(SchemaNodeInfo info, string nameHint, bool isNamed)
    {
        var shape = ShapeOf(info);
        switch (shape.Kind)
        {
            case ShapeKind.Alias:
                return TypeOf(shape.Target!, nameHint, isNamed: false);
            case ShapeKind.External:
                return External(info, shape.ExternalUri!);
            case ShapeKind.Unresolved:
                Report(DiagnosticDescriptors.UnresolvedReference, RefNode(info), info.Ref ?? string.Empty, shape.Error!);
                return TypeRef.Any;
            case ShapeKind.Object:
                return Declare(info, TypeSpecKind.Record, nameHint, isValueType: false, shape);
            case ShapeKind.Enum:
                return Declare(info, TypeSpecKind.OpenEnum, nameHint, isValueType: true, shape);
            case ShapeKind.Union:
                return Declare(info, TypeSpecKind.Union, nameHint, isValueType: false, shape);
            case ShapeKind.List or ShapeKind.Map:
                if (isNamed)
                {
                    // A named list or map is wrapped, so a schema that nests itself ("items": {"$ref": "#"}) has a name to nest.
                    return Declare(info, TypeSpecKind.Wrapper, nameHint, isValueType: false, shape);
                }

                return CollectionOf(shape, nameHint);
            default:
                var primitive = shape.Primitive ?? TypeRef.Any;
                if (isNamed && !IsContainerOnly(info.Node))
                {
                    shape.WrappedType = primitive;
                    Declare(info, TypeSpecKind.Wrapper, nameHint, isValueType: false, shape);
                }

                // Properties that refer to a named primitive use the primitive itself: `string`, not a wrapper.
                return primitive;
        }
    }

    private TypeRef CollectionOf(Shape shape, string nameHint)
    {
        if (shape.Kind == ShapeKind.List)
        {
            return shape.Items is { } items
                ? TypeRef.ListOf(TypeOf(items, InlineName(nameHint, Singular), isNamed: false), ElementAllowsNull(items))
                : TypeRef.ListOf(TypeRef.Any, elementAllowsNull: false);
        }

        return shape.Items is { } values
            ? TypeRef.MapOf(TypeOf(values, InlineName(nameHint, "Value"), isNamed: false), ElementAllowsNull(values))
            : TypeRef.MapOf(TypeRef.Any, elementAllowsNull: false);
    }

    private bool ElementAllowsNull(SchemaNodeInfo element) => AllowsNull(element) && TypeOfKnown(element).Kind != TypeRefKind.Any;

    private TypeRef TypeOfKnown(SchemaNodeInfo info) => _typeByPointer.TryGetValue(info.Pointer, out var type) ? type : TypeRef.Any;

    private TypeRef External(SchemaNodeInfo info, string uri)
    {
        if (_externalSeen.Add(uri + "\n" + info.Pointer))
        {
            _externalReferences.Add(new ExternalReference(uri, info.Ref ?? uri, Document.LocationOf(RefNode(info))));
        }

        return TypeRef.ExternalRef(uri);
    }

    /// <summary>
    /// The .NET type of a string by its format: a <c>date-time</c> is a <c>DateTimeOffset</c> (its spelling kept
    /// beside it), a <c>date</c> a <c>DateOnly</c> (RFC 3339 has one spelling of a full-date, so it writes back as it
    /// came). A <c>time</c> stays text: RFC 3339's full-time carries an offset (<c>10:00:00+02:00</c>) that
    /// <c>TimeOnly</c> would drop, and there is no .NET time-of-day with an offset.
    /// </summary>
    internal static TypeRef StringTypeOf(string? format) => format switch
    {
        "date-time" => TypeRef.DateTime,
        "date" => TypeRef.Date,
        _ => TypeRef.String,
    };

    private static JsonNode RefNode(SchemaNodeInfo info)
        => info.Node["$ref"] ?? info.Node["$dynamicRef"] ?? info.Node["$recursiveRef"] ?? info.Node;

    /// <summary>
    /// The names to try for a generated type: the name from where the schema sits (its definition key,
    /// or parent + property for inline schemas: Order + Items → OrderItem), then its title. Titles of
    /// inline schemas are often generic ("Metadata"), so they are only the second choice.
    /// </summary>
    /// <summary>
    /// The names a generated type may take, best first: the hint (a component key, or the owner's name and
    /// the property's), its title, then — for a hint that clashes with a name already taken, as an inline
    /// <c>type</c> enum of <c>Reward</c> does with a <c>RewardType</c> component — the hint with a word for
    /// its kind. Only when all are taken does <see cref="NameScope"/> number the first.
    /// </summary>
    private static IEnumerable<string> TypeNameCandidates(SchemaNodeInfo info, string nameHint, TypeSpecKind kind)
    {
        var hint = Identifiers.ToIdentifier(nameHint, "Schema").TrimStart('@');

        // A key that starts with a number ("4_obj_reward_object_parameters_CAMPAIGN") reads better
        // without it than with the underscore an identifier would need in front.
        if (hint.Length > 1 && hint[0] == '_' && char.IsDigit(hint[1]))
        {
            var words = hint.TrimStart('_').TrimStart('0', '1', '2', '3', '4', '5', '6', '7', '8', '9');
            if (words.Length > 0 && char.IsLetter(words[0]))
            {
                var name = Identifiers.ToIdentifier(char.ToUpperInvariant(words[0]) + words.Substring(1), "Schema");
                if (name[0] != '@')
                {
                    yield return name;
                }
            }
        }

        yield return hint;

        // A title is free text: it may start with a digit or be longer than an identifier may be.
        if (info.Node.GetString("title") is { } title && Identifiers.ToPascalCase(title).Length > 0)
        {
            yield return Identifiers.ToIdentifier(title, "Schema").TrimStart('@');
        }

        yield return hint + kind switch
        {
            TypeSpecKind.Record => "Details",
            TypeSpecKind.Union => "Choice",
            _ => "Value",
        };
    }

    /// <summary>What a schema looks like, following references inside the document.</summary>
    private Shape ShapeOf(SchemaNodeInfo info)
    {
        // An allOf member can lead back to the schema being shaped ({"allOf": [{"$ref": "#"}]}); what
        // it says about itself adds nothing, and following it again would recurse without end.
        if (!_shaping.Add(info.Pointer))
        {
            return Shape.Of(TypeRef.Any);
        }

        if (!TryDescend(info))
        {
            _shaping.Remove(info.Pointer);
            return Shape.Of(TypeRef.Any);
        }

        try
        {
            return ShapeOfUnguarded(info);
        }
        finally
        {
            Ascend();
            _shaping.Remove(info.Pointer);
        }
    }

    private Shape ShapeOfUnguarded(SchemaNodeInfo info)
    {
        var node = info.Node;
        if (!node.IsObject)
        {
            return Shape.Of(TypeRef.Any);
        }

        var reference = ReferenceOf(info);
        if (reference is not null && (info.Dialect.RefOverridesSiblings() || !HasAny(node, ObjectKeywords)))
        {
            return ShapeOfReference(info, reference);
        }

        if (node["enum"] is { IsArray: true } enumNode)
        {
            var values = enumNode.Items.Where(v => !v.IsNull).ToList();
            if (values.Count > 0 && values.All(v => v.IsString))
            {
                return new Shape(ShapeKind.Enum) { EnumValues = values.Select(v => v.Text!).Distinct().ToList() };
            }
        }

        var types = TypesOf(node, out var typeDeclared);
        if (types.Count == 1)
        {
            switch (types[0])
            {
                case "object":
                    return ObjectShape(info);
                case "array":
                    return ListShape(info);
                case "string":
                    return Shape.Of(StringTypeOf(node.GetString("format")));
                case "integer":
                    return Shape.Of(TypeRef.Integer);
                case "number":
                    return Shape.Of(TypeRef.Number);
                case "boolean":
                    return Shape.Of(TypeRef.Boolean);
                default:
                    return Shape.Of(TypeRef.Any);
            }
        }

        if (types.Count == 2 && types.Contains("integer") && types.Contains("number"))
        {
            return Shape.Of(TypeRef.Number);
        }

        if (typeDeclared)
        {
            // Several types, or only null: any JSON value, checked by validation.
            return Shape.Of(TypeRef.Any);
        }

        if (node["const"] is { } constant)
        {
            return Shape.Of(constant.Kind switch
            {
                JsonKind.String => TypeRef.String,
                JsonKind.Number when constant.IsIntegral => TypeRef.Integer,
                JsonKind.Number => TypeRef.Number,
                JsonKind.True or JsonKind.False => TypeRef.Boolean,
                _ => TypeRef.Any,
            });
        }

        if (HasAny(node, ObjectKeywords) && (node["properties"] is { IsObject: true } || node["additionalProperties"] is { IsObject: true }))
        {
            return ObjectShape(info);
        }

        if (node["allOf"] is { IsArray: true })
        {
            return AllOfShape(info);
        }

        if ((node["oneOf"] ?? node["anyOf"]) is { IsArray: true } choices)
        {
            return ChoiceShape(info, choices);
        }

        if (node["items"] is not null || node["prefixItems"] is not null)
        {
            return ListShape(info);
        }

        return Shape.Of(TypeRef.Any);
    }

    private Shape ShapeOfReference(SchemaNodeInfo info, string reference)
    {
        var target = _refs.Resolve(info, reference);
        if (target.Local is { } local)
        {
            return new Shape(ShapeKind.Alias) { Target = local };
        }

        if (target.ExternalUri is { } uri)
        {
            return new Shape(ShapeKind.External) { ExternalUri = uri };
        }

        return new Shape(ShapeKind.Unresolved) { Error = target.Error };
    }

    /// <summary>The reference that decides a schema's shape: <c>$ref</c>, or the static target of a dynamic one.</summary>
    private static string? ReferenceOf(SchemaNodeInfo info)
    {
        var node = info.Node;
        if (node.GetString("$ref") is { } reference)
        {
            return reference;
        }

        if (info.Dialect == SchemaDialect.Draft202012 && node.GetString("$dynamicRef") is { } dynamic)
        {
            return dynamic;
        }

        return info.Dialect == SchemaDialect.Draft201909 ? node.GetString("$recursiveRef") : null;
    }

    private Shape ObjectShape(SchemaNodeInfo info)
    {
        var members = CollectObjectMembers(info);
        if (members.Properties.Count > 0)
        {
            return new Shape(ShapeKind.Object) { Members = members };
        }

        if ((info.Node["oneOf"] ?? info.Node["anyOf"]) is { IsArray: true } choices)
        {
            var choice = ChoiceShape(info, choices);
            if (choice.Kind != ShapeKind.Any)
            {
                return choice;
            }
        }

        return new Shape(ShapeKind.Map) { Items = TypedAdditionalProperties(info) };
    }

    private Shape ListShape(SchemaNodeInfo info)
    {
        var items = info.Node["items"];
        var isTuple = info.Node["prefixItems"] is not null || (items is { IsArray: true });
        if (items is not null && !isTuple && _index.Schemas.TryGetValue(items.Pointer, out var itemInfo))
        {
            return new Shape(ShapeKind.List) { Items = itemInfo };
        }

        return new Shape(ShapeKind.List);
    }

    private Shape AllOfShape(SchemaNodeInfo info)
    {
        var shaped = new List<(SchemaNodeInfo Info, Shape Shape)>();
        foreach (var member in Members(info, "allOf"))
        {
            var resolved = ResolveAliases(member);
            if (resolved is null)
            {
                // A member in another file cannot be merged at this stage; the first such member stands for the whole.
                return ShapeOfReference(member, ReferenceOf(member)!);
            }

            var shape = ShapeOf(resolved);
            if (shape.Kind == ShapeKind.Any && shape.Primitive == TypeRef.Any && !IsTyped(resolved.Node))
            {
                continue;
            }

            shaped.Add((resolved, shape));
        }

        if (shaped.Count > 0 && shaped.All(s => s.Shape.Kind is ShapeKind.Object or ShapeKind.Map))
        {
            return ObjectShape(info);
        }

        if (shaped.Count == 1)
        {
            return new Shape(ShapeKind.Alias) { Target = shaped[0].Info };
        }

        return Shape.Of(TypeRef.Any);
    }

    private Shape ChoiceShape(SchemaNodeInfo info, JsonNode choices)
    {
        var variants = new List<SchemaNodeInfo>();
        foreach (var choice in choices.Items)
        {
            if (!_index.Schemas.TryGetValue(choice.Pointer, out var choiceInfo) || IsNullOnly(choiceInfo))
            {
                continue;
            }

            variants.Add(choiceInfo);
        }

        return variants.Count switch
        {
            0 => Shape.Of(TypeRef.Any),
            1 => new Shape(ShapeKind.Alias) { Target = variants[0] },
            _ => new Shape(ShapeKind.Union) { Variants = variants },
        };
    }

    /// <summary>Follows <c>$ref</c>-only schemas inside the document; null when one leads to another file.</summary>
    private SchemaNodeInfo? ResolveAliases(SchemaNodeInfo info)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var current = info;
        while (ReferenceOf(current) is { } reference && seen.Add(current.Pointer))
        {
            var target = _refs.Resolve(current, reference);
            if (target.Local is null)
            {
                return target.ExternalUri is null ? current : null;
            }

            current = target.Local;
        }

        return current;
    }

    private ObjectMembers CollectObjectMembers(SchemaNodeInfo info)
    {
        var members = new ObjectMembers();
        CollectObjectMembers(info, members, new HashSet<string>(StringComparer.Ordinal));
        return members;
    }

    private void CollectObjectMembers(SchemaNodeInfo info, ObjectMembers members, HashSet<string> visited)
    {
        if (!visited.Add(info.Pointer) || !info.Node.IsObject || !TryDescend(info))
        {
            return;
        }

        try
        {
            CollectOwnObjectMembers(info, members, visited);
        }
        finally
        {
            Ascend();
        }
    }

    private void CollectOwnObjectMembers(SchemaNodeInfo info, ObjectMembers members, HashSet<string> visited)
    {
        var node = info.Node;
        if (node["properties"] is { IsObject: true } properties)
        {
            foreach (var property in properties.Properties)
            {
                if (_index.Schemas.TryGetValue(property.Value.Pointer, out var propertyInfo))
                {
                    members.Add(property.Name, propertyInfo);
                }
            }
        }

        if (node["required"] is { IsArray: true } required)
        {
            foreach (var name in required.Items)
            {
                if (name.IsString)
                {
                    members.Required.Add(name.Text!);
                }
            }
        }

        if (node["additionalProperties"] is { } additional && _index.Schemas.TryGetValue(additional.Pointer, out var additionalInfo))
        {
            members.AdditionalProperties ??= additionalInfo;
        }

        var bases = Members(info, "allOf").ToList();
        if (!info.Dialect.RefOverridesSiblings() && ReferenceOf(info) is not null)
        {
            bases.Insert(0, info);
        }

        foreach (var member in bases)
        {
            var resolved = member == info ? ResolveReferenceOnce(info) : ResolveAliases(member);
            if (resolved is null)
            {
                Report(DiagnosticDescriptors.UnsupportedKeyword, member.Node, "allOf", "a member in another schema file is not merged into this type; its properties are kept in AdditionalProperties");
                continue;
            }

            CollectObjectMembers(resolved, members, visited);
        }
    }

    private SchemaNodeInfo? ResolveReferenceOnce(SchemaNodeInfo info)
    {
        var target = _refs.Resolve(info, ReferenceOf(info)!);
        return target.Local is { } local ? ResolveAliases(local) : null;
    }

    private IEnumerable<SchemaNodeInfo> Members(SchemaNodeInfo info, string keyword)
    {
        if (info.Node[keyword] is { IsArray: true } array)
        {
            foreach (var item in array.Items)
            {
                if (_index.Schemas.TryGetValue(item.Pointer, out var member))
                {
                    yield return member;
                }
            }
        }
    }

    /// <summary>
    /// The schema of the members no property names, when they can be bound to one type: not beside
    /// <c>patternProperties</c>, whose members <c>additionalProperties</c> does not govern (a typed map would report a
    /// valid member that matches a pattern as a value of the wrong type).
    /// </summary>
    private SchemaNodeInfo? TypedAdditionalProperties(SchemaNodeInfo info)
    {
        if (info.Node["patternProperties"] is { IsObject: true } patterns && patterns.Properties.Count > 0)
        {
            return null;
        }

        if (info.Node["additionalProperties"] is { IsObject: true } additional
            && additional.Properties.Count > 0
            && _index.Schemas.TryGetValue(additional.Pointer, out var additionalInfo)
            && ShapeOf(additionalInfo) is var shape
            && !(shape.Kind == ShapeKind.Any && shape.Primitive == TypeRef.Any))
        {
            return additionalInfo;
        }

        return null;
    }

    /// <summary>True when JSON null satisfies the schema's type-like keywords.</summary>
    private bool AllowsNull(SchemaNodeInfo info) => AllowsNull(info, new HashSet<string>(StringComparer.Ordinal));

    private bool AllowsNull(SchemaNodeInfo info, HashSet<string> visited)
    {
        var node = info.Node;
        if (!node.IsObject)
        {
            return node.Kind == JsonKind.True;
        }

        if (!visited.Add(info.Pointer))
        {
            return false;
        }

        // Too deep to tell: allowing null only makes binding more lenient.
        if (!TryDescend(info))
        {
            return true;
        }

        try
        {
            return AllowsNullUnguarded(info, visited);
        }
        finally
        {
            Ascend();
        }
    }

    private bool AllowsNullUnguarded(SchemaNodeInfo info, HashSet<string> visited)
    {
        var node = info.Node;

        if (info.IsOpenApi && node.GetBoolean("nullable") == true)
        {
            return true;
        }

        if (ReferenceOf(info) is { } reference)
        {
            var target = _refs.Resolve(info, reference);
            var targetAllowsNull = target.Local is { } local ? AllowsNull(local, visited) : target.ExternalUri is null;
            if (!targetAllowsNull || info.Dialect.RefOverridesSiblings())
            {
                return targetAllowsNull;
            }
        }

        TypesOf(node, out var typeDeclared);
        if (typeDeclared && !HasNullType(node))
        {
            return false;
        }

        if (node["enum"] is { IsArray: true } values && !values.Items.Any(v => v.IsNull))
        {
            return false;
        }

        if (node["const"] is { } constant && !constant.IsNull)
        {
            return false;
        }

        if (Members(info, "allOf").Any(member => !AllowsNull(member, new HashSet<string>(visited, StringComparer.Ordinal))))
        {
            return false;
        }

        foreach (var keyword in new[] { "anyOf", "oneOf" })
        {
            if (node[keyword] is { IsArray: true } && !Members(info, keyword).Any(member => AllowsNull(member, new HashSet<string>(visited, StringComparer.Ordinal))))
            {
                return false;
            }
        }

        return true;
    }

    private bool IsNullOnly(SchemaNodeInfo info)
    {
        var node = info.Node;
        if (!node.IsObject)
        {
            return false;
        }

        if (node["type"] is { IsString: true, Text: "null" })
        {
            return true;
        }

        if (node["const"] is { IsNull: true })
        {
            return true;
        }

        return node["enum"] is { IsArray: true } values && values.Items.Count > 0 && values.Items.All(v => v.IsNull);
    }

    /// <summary>The non-null types a schema declares (<c>type</c>, string or array).</summary>
    private static List<string> TypesOf(JsonNode node, out bool declared)
    {
        var types = new List<string>();
        declared = false;
        switch (node["type"])
        {
            case { IsString: true, Text: { } single }:
                declared = true;
                if (single != "null")
                {
                    types.Add(single);
                }

                break;
            case { IsArray: true } array:
                declared = true;
                foreach (var item in array.Items)
                {
                    if (item.IsString && item.Text != "null" && !types.Contains(item.Text!))
                    {
                        types.Add(item.Text!);
                    }
                }

                break;
        }

        return types;
    }

    private static bool HasNullType(JsonNode node) => node["type"] switch
    {
        { IsString: true, Text: "null" } => true,
        { IsArray: true } array => array.Items.Any(i => i.IsString && i.Text == "null"),
        _ => false,
    };

    private static bool IsTyped(JsonNode node)
        => node["type"] is not null || node["enum"] is not null || node["const"] is not null || HasAny(node, ObjectKeywords)
        || node["items"] is not null || node["oneOf"] is not null || node["anyOf"] is not null || node["allOf"] is not null;

    /// <summary>
    /// A schema that only holds definitions and annotations (a file of <c>$defs</c>, say) says
    /// nothing about values, so it gets no wrapper type of its own.
    /// </summary>
    private static bool IsContainerOnly(JsonNode node)
        => node.IsObject && node.Properties.All(p => Array.IndexOf(ContainerKeywords, p.Name) >= 0);

    private static readonly string[] ContainerKeywords =
        ["$schema", "$id", "id", "$anchor", "$comment", "title", "description", "$defs", "definitions", "examples", "$vocabulary"];

    private static bool HasAny(JsonNode node, string[] keywords) => keywords.Any(k => node[k] is not null);

    private static string Singular(string name)
    {
        if (name.EndsWith("ies", StringComparison.Ordinal) && name.Length > 3)
        {
            return name.Substring(0, name.Length - 3) + "y";
        }

        if (name.EndsWith("sses", StringComparison.Ordinal) || name.EndsWith("xes", StringComparison.Ordinal) || name.EndsWith("ches", StringComparison.Ordinal) || name.EndsWith("shes", StringComparison.Ordinal))
        {
            return name.Substring(0, name.Length - 2);
        }

        if (name.EndsWith("s", StringComparison.Ordinal) && !name.EndsWith("ss", StringComparison.Ordinal) && name.Length > 1)
        {
            return name.Substring(0, name.Length - 1);
        }

        return name + "Item";
    }

    private enum ShapeKind
    {
        Any,
        Alias,
        External,
        Unresolved,
        Object,
        List,
        Map,
        Enum,
        Union,
    }

    /// <summary>The planner's working description of a schema's form.</summary>
    private sealed class Shape
    {
        public Shape(ShapeKind kind) => Kind = kind;

        public ShapeKind Kind { get; }

        public TypeRef? Primitive { get; private set; }

        public SchemaNodeInfo? Target { get; set; }

        public string? ExternalUri { get; set; }

        public string? Error { get; set; }

        /// <summary>List items or map values.</summary>
        public SchemaNodeInfo? Items { get; set; }

        public ObjectMembers? Members { get; set; }

        public List<string> EnumValues { get; set; } = [];

        public List<SchemaNodeInfo> Variants { get; set; } = [];

        public TypeRef? WrappedType { get; set; }

        public static Shape Of(TypeRef primitive) => new(ShapeKind.Any) { Primitive = primitive };
    }

    /// <summary>The properties of an object schema, merged across <c>allOf</c>.</summary>
    private sealed class ObjectMembers
    {
        public List<string> Order { get; } = [];

        public Dictionary<string, List<SchemaNodeInfo>> Properties { get; } = new(StringComparer.Ordinal);

        public HashSet<string> Required { get; } = new(StringComparer.Ordinal);

        public SchemaNodeInfo? AdditionalProperties { get; set; }

        public void Add(string name, SchemaNodeInfo schema)
        {
            if (!Properties.TryGetValue(name, out var schemas))
            {
                schemas = [];
                Properties.Add(name, schemas);
                Order.Add(name);
            }

            schemas.Add(schema);
        }
    }
}
