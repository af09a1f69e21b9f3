using System.Diagnostics.CodeAnalysis;
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
            if (element.ValueKind != JsonValueKind.Object || !HasDiscriminator(element, discriminatorProperty, discriminatorValue))
            {
                return false;
            }
        }

        var context = new BindingContext();
        var reader = new Utf8JsonReader(JsonIntegrity.RawBytes(element));
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

    /// <summary>
    /// Whether the object's member <paramref name="name"/> is the string <paramref name="expected"/>.
    /// Members are compared one by one, skipping names that cannot be decoded: looking a name up decodes
    /// every name and would throw for one of them.
    /// </summary>
    private static bool HasDiscriminator(in JsonElement element, string name, string? expected)
    {
        var found = false;
        foreach (var member in element.EnumerateObject())
        {
            if (JsonStringText.IsWellFormedName(member) && member.NameEquals(name))
            {
                // The last copy of a repeated member is the one that counts, as when binding.
                found = member.Value.ValueKind == JsonValueKind.String && JsonStringText.IsWellFormed(member.Value) && member.Value.ValueEquals(expected);
            }
        }

        return found;
    }
}
