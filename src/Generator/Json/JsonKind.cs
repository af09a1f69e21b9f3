namespace Hooksmith.Generator.Json;

/// <summary>The kind of a JSON value, as RFC 8259 defines them (true and false kept apart).</summary>
internal enum JsonKind
{
    Object,
    Array,
    String,
    Number,
    True,
    False,
    Null,
}
