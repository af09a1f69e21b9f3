using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using Hooksmith.Validation;

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
    /// Whether <paramref name="element"/> is an object whose member <paramref name="property"/> is the string
    /// <paramref name="value"/>. Members are compared one by one, skipping names that cannot be decoded (looking a
    /// name up decodes every name, and would throw for one of them); of a repeated member the last copy counts, as
    /// when binding.
    /// </summary>
    public static bool HasDiscriminator(JsonElement element, string property, string? value)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            return false;
        }

        var found = false;
        foreach (var member in element.EnumerateObject())
        {
            if (JsonStringText.IsWellFormedName(member) && member.NameEquals(property))
            {
                found = member.Value.ValueKind == JsonValueKind.String && JsonStringText.IsWellFormed(member.Value) && member.Value.ValueEquals(value);
            }
        }

        return found;
    }

    /// <summary>Whether a variant's schema accepts <paramref name="element"/>; stops at the first failure.</summary>
    /// <param name="element">The union's value.</param>
    /// <param name="validator">The generated validator of the variant's branch.</param>
    /// <param name="resource">The URI of the schema resource the branch is in.</param>
    public static bool Accepts(JsonElement element, SchemaValidator validator, string resource)
        => ValidationContext.Run(element, validator, resource, ValidationOptions.FirstFailure).IsValid;

    /// <summary>Whether <paramref name="element"/> binds to <typeparamref name="T"/> without a problem (a variant with no validator of its own).</summary>
    public static bool BindsCleanly<T, TCodec>(JsonElement element)
        where TCodec : IJsonCodec<T>
        => TryRead<T, TCodec>(element, null, null, out _);

    /// <summary>Whether <paramref name="element"/> binds to <typeparamref name="T"/> at all, problems and all (its JSON kind fits).</summary>
    public static bool BindsLeniently<T, TCodec>(JsonElement element)
        where TCodec : IJsonCodec<T>
        => TryReadChosen<T, TCodec>(element, out _);

    /// <summary>Binds <paramref name="element"/> to the chosen variant leniently: it fails only when the JSON kind cannot be bound at all.</summary>
    public static bool TryReadChosen<T, TCodec>(JsonElement element, [MaybeNullWhen(false)] out T value)
        where TCodec : IJsonCodec<T>
    {
        var context = new BindingContext();
        var reader = new Utf8JsonReader(JsonIntegrity.RawBytes(element));
        reader.Read();
        return TCodec.TryRead(ref reader, context, out value);
    }
}
