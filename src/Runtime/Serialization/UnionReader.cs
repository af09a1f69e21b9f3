using System.Diagnostics.CodeAnalysis;
using System.Text;
using System.Text.Json;

namespace Hooksmith.Serialization;

/// <summary>Reads the value of a generated union as one of its variants.</summary>
public static class UnionReader
{
    /// <summary>
    /// Reads <paramref name="element"/> as <typeparamref name="T"/>. With a discriminator, the value must
    /// be an object whose <paramref name="discriminatorProperty"/> is <paramref name="discriminatorValue"/>
    /// and then binds leniently; without one, it must bind with no problem at all.
    /// </summary>
    public static bool TryRead<T, TCodec>(JsonElement element, string? discriminatorProperty, string? discriminatorValue, [MaybeNullWhen(false)] out T value)
        where TCodec : IJsonCodec<T>
    {
        value = default;
        if (discriminatorProperty is not null)
        {
            if (element.ValueKind != JsonValueKind.Object
                || !element.TryGetProperty(discriminatorProperty, out var discriminator)
                || discriminator.ValueKind != JsonValueKind.String
                || !discriminator.ValueEquals(discriminatorValue))
            {
                return false;
            }
        }

        var context = new BindingContext();
        var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(element.GetRawText()));
        reader.Read();
        if (!TCodec.TryRead(ref reader, context, out var read))
        {
            return false;
        }

        if (discriminatorProperty is null && !context.IsClean)
        {
            return false;
        }

        value = read;
        return true;
    }
}
