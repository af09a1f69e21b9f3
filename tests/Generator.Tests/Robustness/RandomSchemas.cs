using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using System.Text.Json;

namespace Hooksmith.Generator.Tests.Robustness;

/// <summary>
/// Seeded random input for the robustness tests: text that is mostly not JSON, and schemas that are
/// valid JSON but use every keyword in odd ways (names that are not identifiers, references that go
/// nowhere or in circles, values of the wrong type). The same seed always gives the same text.
/// </summary>
internal sealed class RandomSchemas(int seed)
{
    /// <summary>Names that have broken generators: empty, keywords, members generated types use, escapes, surrogates, non-Latin letters, long.</summary>
    public static readonly string[] OddNames =
    [
        "", " ", "__proto__", "constructor", "toString", "foo\nbar", "foo\"bar", "foo\\bar", "foo\rbar", "foo\tbar",
        "class", "namespace", "event", "var", "record", "value", "Value", "Kind", "Known", "Unknown", "IsKnown",
        "AdditionalProperties", "UnboundProperties", "Presence", "Equals", "GetHashCode", "EqualityContract", "WriteTo",
        "TryRead", "TryParse", "Parse", "Write", "Match", "KnownValues", "reader", "context", "members", "writer",
        "other", "hash", "additional", "result", "utf8Json", "global", "System", "Hooksmith", "JsonElement", "String",
        "Item", "items", "Items", "Root", "root", "Schema", "Variant1", "Json", "Array", "@", "$ref", "$id", "123",
        "1a", "a-b", "a_b", "A_B", "aB", "Ab", "AB", "ab", "日本語", "ÄÖÜ", "ß", "Σίσυφος", "\u0000", "\ud800",
        "\udc00x", "😀", "a😀b", "ǅ", "İ", "\u200Bzero", "\u2028", "*/", "<summary>", "&amp;", "]]>", "a.b",
        "a/b", "a~b", "%25", "#", "Case0", "Suite", "Random", "Otherwise", "otherwise", "TResult", "variant1",
        "TryGetFoo", "Foo", "foo", "Text", "Collections", "Serialization", "\u212Ax", "Kx", "readerValue",
        new string('a', 600), new string('é', 300) + "z",
    ];

    private static readonly string[] Types = ["object", "array", "string", "integer", "number", "boolean", "null"];

    private static readonly string[] Formats = ["date-time", "date", "uuid", "email", "uri", "bogus", ""];

    private static readonly string[] Dialects = ["draft-04", "draft-06", "draft-07", "2019-09", "2020-12", "bogus"];

    private static readonly string[] SchemaUris =
    [
        "http://json-schema.org/draft-04/schema#", "http://json-schema.org/draft-07/schema#",
        "https://json-schema.org/draft/2019-09/schema", "https://json-schema.org/draft/2020-12/schema", "http://unknown", "",
    ];

    private readonly Random _random = new(seed);
    private readonly List<string> _definitionNames = [];
    private bool _openApi;

    /// <summary>Random text from JSON's own characters, so that some of it is (nearly) JSON.</summary>
    public string Garbage()
    {
        const string alphabet = "{}[]{}[]\"\"::,,  \n\t0123456789-+.eEtruefalsnul\\/abc$#";
        var length = _random.Next(0, 200);
        var builder = new StringBuilder(length);
        for (var i = 0; i < length; i++)
        {
            builder.Append(_random.Next(20) == 0 ? (char)_random.Next(0, 0x3000) : alphabet[_random.Next(alphabet.Length)]);
        }

        return builder.ToString();
    }

    /// <summary>A random JSON Schema or OpenAPI document, and the dialect to configure for it (null for none).</summary>
    public (string Text, string? Dialect) Document()
    {
        _definitionNames.Clear();
        _openApi = _random.Next(5) == 0;
        var dialect = _random.Next(3) == 0 ? null : Pick(Dialects);
        var names = Enumerable.Range(0, _random.Next(0, 5)).Select(_ => Name()).ToList();
        _definitionNames.AddRange(names);
        if (_openApi)
        {
            var schemas = names.Select(n => Member(n, Schema(3))).ToList();
            var webhooks = Enumerable.Range(0, _random.Next(0, 3))
                .Select(_ => Member(Name(), Webhook(Schema(2))))
                .ToList();
            var version = _random.Next(3) switch { 0 => "3.0.3", 1 => "3.1.0", _ => Pick(["2.0", "3.1", "4"]) };
            var document = Obj(Member("openapi", version), Member("components", Obj(Member("schemas", new JsonObjectText(schemas)))), Member("webhooks", new JsonObjectText(webhooks)));
            return (Write(document), dialect);
        }

        var root = Schema(4);
        if (root is JsonObjectText rootObject)
        {
            rootObject.Members.Add(Member(_random.Next(2) == 0 ? "$defs" : "definitions", new JsonObjectText(names.Select(n => Member(n, Schema(3))).ToList())));
            if (_random.Next(3) == 0)
            {
                rootObject.Members.Insert(0, Member("$schema", Pick(SchemaUris)));
            }
        }

        return (Write(root), dialect);
    }

    /// <summary>
    /// A JSON document with a few random edits that keep it JSON: a member renamed, replaced, removed or
    /// added (often a keyword with an odd value), an array element replaced.
    /// </summary>
    public string Mutate(string json, int edits)
    {
        object? root;
        using (var document = JsonDocument.Parse(json))
        {
            root = FromElement(document.RootElement);
        }

        _openApi = true;
        _definitionNames.Clear();
        if (root is JsonObjectText { } top && top.Members.FirstOrDefault(m => m.Key == "components").Value is JsonObjectText components
            && components.Members.FirstOrDefault(m => m.Key == "schemas").Value is JsonObjectText schemas)
        {
            _definitionNames.AddRange(schemas.Members.Select(m => m.Key));
        }

        var containers = new List<object>();
        Collect(root, containers);
        for (var edit = 0; edit < edits; edit++)
        {
            switch (containers[_random.Next(containers.Count)])
            {
                case JsonObjectText obj when obj.Members.Count > 0:
                    var index = _random.Next(obj.Members.Count);
                    var member = obj.Members[index];
                    switch (_random.Next(5))
                    {
                        case 0:
                            obj.Members[index] = Member(Name(), member.Value);
                            break;
                        case 1:
                            obj.Members[index] = Member(member.Key, _random.Next(2) == 0 ? Value() : Schema(1));
                            break;
                        case 2:
                            obj.Members.RemoveAt(index);
                            break;
                        default:
                            obj.Members.Insert(index, Keyword(1));
                            break;
                    }

                    break;
                case object?[] array when array.Length > 0:
                    array[_random.Next(array.Length)] = _random.Next(2) == 0 ? Value() : Schema(1);
                    break;
            }
        }

        return Write(root);
    }

    private static object? FromElement(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => new JsonObjectText(element.EnumerateObject().Select(p => Member(p.Name, FromElement(p.Value))).ToList()),
        JsonValueKind.Array => element.EnumerateArray().Select(FromElement).ToArray(),
        JsonValueKind.String => element.GetString(),
        JsonValueKind.Number => new JsonNumberText(element.GetRawText()),
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        _ => null,
    };

    private static void Collect(object? value, List<object> containers)
    {
        switch (value)
        {
            case JsonObjectText obj:
                containers.Add(obj);
                foreach (var member in obj.Members)
                {
                    Collect(member.Value, containers);
                }

                break;
            case object?[] array:
                containers.Add(array);
                foreach (var item in array)
                {
                    Collect(item, containers);
                }

                break;
        }
    }

    private object? Schema(int depth)
    {
        if (_random.Next(8) == 0)
        {
            return _random.Next(2) == 0;
        }

        var members = new List<KeyValuePair<string, object?>>();
        var count = depth <= 0 ? _random.Next(0, 2) : _random.Next(1, 5);
        for (var i = 0; i < count; i++)
        {
            members.Add(Keyword(depth - 1));
        }

        return new JsonObjectText(members);
    }

    private KeyValuePair<string, object?> Keyword(int depth)
    {
        switch (_random.Next(depth < 0 ? 12 : 30))
        {
            case 0:
                return Member("type", _random.Next(6) switch
                {
                    0 => Arr(Enumerable.Range(0, _random.Next(0, 4)).Select(_ => (object?)Pick(Types)).ToArray()),
                    1 => Pick<object?>([5, "foo", null, true, Arr()]),
                    _ => Pick(Types),
                });
            case 1:
                return Member("enum", _random.Next(5) == 0 ? Pick<object?>(["x", 5, null, Obj()]) : Arr(Enumerable.Range(0, _random.Next(0, 6)).Select(_ => Value()).ToArray()));
            case 2:
                return Member("const", Value());
            case 3:
                return Member("format", Pick(Formats));
            case 4:
                return Member("title", Name());
            case 5:
                return Member("description", Name() + " */ <b>" + Name());
            case 6:
                return Member("$ref", Reference());
            case 7:
                return Member("required", Arr(Enumerable.Range(0, _random.Next(0, 4)).Select(_ => _random.Next(6) == 0 ? (object?)7 : Name()).ToArray()));
            case 8:
                return Member("nullable", _random.Next(4) != 0);
            case 9:
                return Member(Pick(["$anchor", "$dynamicAnchor", "$id", "id"]), _random.Next(5) == 0 ? 7 : Pick<object?>(["a", "#a", "http://example.com/x", "urn:x:y", "::", "other.json", "#/x", Name()]));
            case 10:
                return Member(Pick(["minimum", "maxLength", "minItems", "multipleOf", "pattern", "default", "examples", "readOnly", "$comment"]), Value());
            case 11:
                return Member(Pick(["$dynamicRef", "$recursiveRef"]), Pick(["#", "#a", "#meta", "#/$defs/x", "other.json#a"]));
            case 12 or 13 or 14:
                return Member("properties", _random.Next(10) == 0
                    ? Pick<object?>([Arr(), 5, "x"])
                    : new JsonObjectText(Enumerable.Range(0, _random.Next(0, 5)).Select(_ => Member(Name(), Schema(depth))).ToList()));
            case 15:
                return Member("additionalProperties", Schema(depth));
            case 16:
                return Member("patternProperties", Obj(Member(Pick(["^a", "\\d+", "(", "\\p{L}"]), Schema(depth))));
            case 17:
                return Member("items", _random.Next(3) == 0 ? Arr(Schema(depth), Schema(depth)) : Schema(depth));
            case 18:
                return Member("prefixItems", Arr(Schema(depth)));
            case 19 or 20 or 21:
                return Member(Pick(["allOf", "anyOf", "oneOf"]), _random.Next(10) == 0
                    ? Pick<object?>([Obj(), 5, Arr()])
                    : Arr(Enumerable.Range(0, _random.Next(0, 4)).Select(_ => Schema(depth)).ToArray()));
            case 22:
                return Member(Pick(["not", "if", "then", "else", "contains", "propertyNames", "unevaluatedProperties", "unevaluatedItems", "additionalItems", "contentSchema"]), Schema(depth));
            case 23:
                return Member(Pick(["dependentSchemas", "dependencies"]), Obj(Member(Name(), _random.Next(2) == 0 ? Schema(depth) : Arr(Name()))));
            case 24 or 25:
                return Member(Pick(["$defs", "definitions"]), new JsonObjectText(Enumerable.Range(0, _random.Next(0, 3)).Select(_ => Member(Name(), Schema(depth))).ToList()));
            case 26:
                return Member("discriminator", Obj(Member("propertyName", Name())));
            default:
                return Member("type", "object");
        }
    }

    /// <summary>An OpenAPI path item whose POST request body has the schema.</summary>
    private static JsonObjectText Webhook(object? schema)
    {
        var mediaType = Obj(Member("schema", schema));
        var content = Obj(Member("application/json", mediaType));
        var requestBody = Obj(Member("content", content));
        return Obj(Member("post", Obj(Member("requestBody", requestBody))));
    }

    private string Reference()
    {
        var target = _definitionNames.Count > 0 ? _definitionNames[_random.Next(_definitionNames.Count)] : Name();
        var container = _openApi ? "#/components/schemas/" : Pick(["#/$defs/", "#/definitions/"]);
        return _random.Next(12) switch
        {
            0 => "#",
            1 => "#/nope",
            2 => "http://unknown.example/x.json",
            3 => "other.json#/a",
            4 => "#a",
            5 => Pick(["%%", ":", "#/a~2b", "#/%zz", "urn:uuid:1", "#/properties/a/items/0"]),
            6 => container + target,
            _ => container + PointerToken(target),
        };
    }

    /// <summary>A JSON Pointer token as a URI fragment: '~' and '/' escaped, then percent-encoded.</summary>
    private static string PointerToken(string name)
        => Uri.EscapeDataString(name.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal).Replace("\ud800", "x", StringComparison.Ordinal).Replace("\udc00", "x", StringComparison.Ordinal));

    private string Name() => _random.Next(4) == 0 ? "p" + _random.Next(100).ToString(CultureInfo.InvariantCulture) : Pick(OddNames);

    private object? Value() => _random.Next(9) switch
    {
        0 => null,
        1 => _random.Next(2) == 0,
        2 => _random.Next(-5, 100),
        3 => new JsonNumberText(Pick(["1.5", "1e400", "-0", "12345678901234567890123", "1.0", "0.1e-7"])),
        4 => Obj(Member(Name(), Name())),
        5 => Arr(Name()),
        _ => Name(),
    };

    private T Pick<T>(T[] values) => values[_random.Next(values.Length)];

    private static KeyValuePair<string, object?> Member(string name, object? value) => new(name, value);

    private static JsonObjectText Obj(params KeyValuePair<string, object?>[] members) => new(members.ToList());

    private static object?[] Arr(params object?[] items) => items;

    /// <summary>JSON text for a value tree; every character that is not plain ASCII is escaped, lone surrogates included.</summary>
    public static string Write(object? value)
    {
        var builder = new StringBuilder();
        Write(builder, value);
        return builder.ToString();
    }

    private static void Write(StringBuilder builder, object? value)
    {
        switch (value)
        {
            case null:
                builder.Append("null");
                break;
            case bool b:
                builder.Append(b ? "true" : "false");
                break;
            case int i:
                builder.Append(i.ToString(CultureInfo.InvariantCulture));
                break;
            case JsonNumberText number:
                builder.Append(number.Literal);
                break;
            case string s:
                WriteString(builder, s);
                break;
            case JsonObjectText obj:
                builder.Append('{');
                for (var i = 0; i < obj.Members.Count; i++)
                {
                    if (i > 0)
                    {
                        builder.Append(',');
                    }

                    WriteString(builder, obj.Members[i].Key);
                    builder.Append(':');
                    Write(builder, obj.Members[i].Value);
                }

                builder.Append('}');
                break;
            case object?[] array:
                builder.Append('[');
                for (var i = 0; i < array.Length; i++)
                {
                    if (i > 0)
                    {
                        builder.Append(',');
                    }

                    Write(builder, array[i]);
                }

                builder.Append(']');
                break;
            default:
                throw new ArgumentException("Not a JSON value: " + value.GetType());
        }
    }

    private static void WriteString(StringBuilder builder, string text)
    {
        builder.Append('"');
        foreach (var c in text)
        {
            if (c == '"' || c == '\\')
            {
                builder.Append('\\').Append(c);
            }
            else if (c < 0x20 || c > 0x7E)
            {
                builder.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
            }
            else
            {
                builder.Append(c);
            }
        }

        builder.Append('"');
    }

    /// <summary>An object with members in order (duplicates allowed, as JSON allows them).</summary>
    private sealed record JsonObjectText(List<KeyValuePair<string, object?>> Members);

    private sealed record JsonNumberText(string Literal);
}
