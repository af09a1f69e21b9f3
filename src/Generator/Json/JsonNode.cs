using System.Collections.Generic;
using System.Globalization;
using System.Numerics;

namespace Hooksmith.Generator.Json;

/// <summary>
/// An immutable JSON value read from a schema file. Every node knows its JSON Pointer from the
/// document root and its span in the file, so later stages can point a diagnostic at it.
/// Nodes are compared by reference: pipeline models compare a document by its source text instead.
/// </summary>
internal sealed class JsonNode
{
    private static readonly IReadOnlyList<JsonProperty> NoProperties = new JsonProperty[0];
    private static readonly IReadOnlyList<JsonNode> NoItems = new JsonNode[0];

    private Dictionary<string, JsonNode>? _byName;

    private JsonNode(JsonKind kind, string pointer, SourceSpan span, string? text, IReadOnlyList<JsonProperty>? properties, IReadOnlyList<JsonNode>? items)
    {
        Kind = kind;
        Pointer = pointer;
        Span = span;
        Text = text;
        Properties = properties ?? NoProperties;
        Items = items ?? NoItems;
    }

    public JsonKind Kind { get; }

    /// <summary>The RFC 6901 JSON Pointer of this node from the document root ("" for the root).</summary>
    public string Pointer { get; }

    public SourceSpan Span { get; }

    /// <summary>
    /// For strings, the unescaped value; for numbers, the literal exactly as written (so integers
    /// beyond 64 bits and long fractions are kept); null otherwise.
    /// </summary>
    public string? Text { get; }

    /// <summary>The members of an object in document order (empty for other kinds).</summary>
    public IReadOnlyList<JsonProperty> Properties { get; }

    /// <summary>The elements of an array (empty for other kinds).</summary>
    public IReadOnlyList<JsonNode> Items { get; }

    public bool IsObject => Kind == JsonKind.Object;

    public bool IsArray => Kind == JsonKind.Array;

    public bool IsString => Kind == JsonKind.String;

    public bool IsNumber => Kind == JsonKind.Number;

    public bool IsBoolean => Kind is JsonKind.True or JsonKind.False;

    public bool IsNull => Kind == JsonKind.Null;

    /// <summary>The member named <paramref name="name"/>; with duplicate names, the last one wins (as in most parsers).</summary>
    public JsonNode? this[string name]
    {
        get
        {
            if (Kind != JsonKind.Object)
            {
                return null;
            }

            if (_byName is null)
            {
                var map = new Dictionary<string, JsonNode>(Properties.Count);
                foreach (var property in Properties)
                {
                    map[property.Name] = property.Value;
                }

                _byName = map;
            }

            return _byName.TryGetValue(name, out var value) ? value : null;
        }
    }

    public JsonProperty? GetProperty(string name)
    {
        JsonProperty? found = null;
        foreach (var property in Properties)
        {
            if (property.Name == name)
            {
                found = property;
            }
        }

        return found;
    }

    public string? GetString(string name) => this[name] is { Kind: JsonKind.String } node ? node.Text : null;

    public bool? GetBoolean(string name) => this[name]?.Kind switch
    {
        JsonKind.True => true,
        JsonKind.False => false,
        _ => null,
    };

    /// <summary>True for numbers whose mathematical value is an integer, whatever their notation (1, 1.0, 1e2).</summary>
    public bool IsIntegral => Kind == JsonKind.Number && JsonNumber.IsInteger(Text!);

    public bool TryGetInteger(out BigInteger value)
    {
        value = default;
        return Kind == JsonKind.Number && JsonNumber.TryGetInteger(Text!, out value);
    }

    public bool TryGetDecimal(out decimal value)
    {
        value = default;
        return Kind == JsonKind.Number
            && decimal.TryParse(Text, NumberStyles.Float, CultureInfo.InvariantCulture, out value);
    }

    public bool TryGetDouble(out double value)
    {
        value = default;
        return Kind == JsonKind.Number
            && double.TryParse(Text, NumberStyles.Float, CultureInfo.InvariantCulture, out value);
    }

    public override string ToString() => Kind switch
    {
        JsonKind.String => "\"" + Text + "\"",
        JsonKind.Number => Text!,
        JsonKind.True => "true",
        JsonKind.False => "false",
        JsonKind.Null => "null",
        JsonKind.Array => "[…]",
        _ => "{…}",
    };

    internal static JsonNode CreateObject(string pointer, SourceSpan span, IReadOnlyList<JsonProperty> properties)
        => new(JsonKind.Object, pointer, span, null, properties, null);

    internal static JsonNode CreateArray(string pointer, SourceSpan span, IReadOnlyList<JsonNode> items)
        => new(JsonKind.Array, pointer, span, null, null, items);

    internal static JsonNode CreateString(string pointer, SourceSpan span, string value)
        => new(JsonKind.String, pointer, span, value, null, null);

    internal static JsonNode CreateNumber(string pointer, SourceSpan span, string literal)
        => new(JsonKind.Number, pointer, span, literal, null, null);

    internal static JsonNode CreateLiteral(JsonKind kind, string pointer, SourceSpan span)
        => new(kind, pointer, span, null, null, null);
}

/// <summary>An object member: its unescaped name, where the name is written, and its value.</summary>
internal sealed class JsonProperty
{
    public JsonProperty(string name, SourceSpan nameSpan, JsonNode value)
    {
        Name = name;
        NameSpan = nameSpan;
        Value = value;
    }

    public string Name { get; }

    public SourceSpan NameSpan { get; }

    public JsonNode Value { get; }
}
