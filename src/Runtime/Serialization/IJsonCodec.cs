using System.Diagnostics.CodeAnalysis;
using System.Text.Json;

namespace Hooksmith.Serialization;

/// <summary>
/// Reads and writes one .NET type as JSON without reflection. Every generated model is a codec for
/// itself; the built-in codecs cover strings, numbers, booleans, dates, raw elements, lists and maps.
/// </summary>
/// <typeparam name="T">The .NET type.</typeparam>
public interface IJsonCodec<T>
{
    /// <summary>
    /// Reads the value that starts at the reader's current token and leaves the reader on its last
    /// token. When the JSON does not fit <typeparamref name="T"/> the problem is reported to
    /// <paramref name="context"/> and the method returns false; it never throws for such input.
    /// The caller restores the reader to keep the raw value.
    /// </summary>
    static abstract bool TryRead(ref Utf8JsonReader reader, BindingContext context, [MaybeNullWhen(false)] out T value);

    /// <summary>Writes <paramref name="value"/> as one JSON value.</summary>
    static abstract void Write(Utf8JsonWriter writer, T value);
}
