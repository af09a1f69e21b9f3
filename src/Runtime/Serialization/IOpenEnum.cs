using System;
using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;
using System.Text.Json;

namespace Hooksmith.Serialization;

/// <summary>
/// A generated open enum: a JSON string, one of the values the schema lists or not. It reads and writes itself
/// here, once, instead of in every generated struct: a string of any text binds (validation, not binding, says
/// whether the schema lists it), and the value is written back as it came.
/// </summary>
/// <typeparam name="TSelf">The generated struct.</typeparam>
public interface IOpenEnum<TSelf> : IJsonCodec<TSelf>, IEquatable<TSelf>
    where TSelf : struct, IOpenEnum<TSelf>
{
    /// <summary>The value as it appears in JSON.</summary>
    string Value { get; }

    /// <summary>The values the schema lists, in its order (the order of the generated <c>Known</c> enum's members after <c>Unknown</c>).</summary>
    static abstract IReadOnlyList<TSelf> KnownValues { get; }

    /// <summary>Wraps a value read from JSON, known or not.</summary>
    static abstract TSelf FromValue(string value);

    /// <inheritdoc/>
    static bool IJsonCodec<TSelf>.TryRead(ref Utf8JsonReader reader, BindingContext context, [MaybeNullWhen(false)] out TSelf value)
    {
        // The string codec reports a value of another type and text that cannot be decoded.
        var read = StringCodec.TryRead(ref reader, context, out var text);
        value = read ? TSelf.FromValue(text!) : default;
        return read;
    }

    /// <inheritdoc/>
    static void IJsonCodec<TSelf>.Write(Utf8JsonWriter writer, TSelf value) => writer.WriteStringValue(value.Value);
}
