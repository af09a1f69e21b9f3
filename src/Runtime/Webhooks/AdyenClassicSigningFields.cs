using System;
using System.Text;
using System.Text.Json;

namespace Hooksmith.Webhooks;

/// <summary>
/// The eight values of a classic Adyen notification item that its HMAC signature covers, read from the item's JSON,
/// and the text they make: <c>pspReference:originalReference:merchantAccountCode:merchantReference:value:currency:eventCode:success</c>.
/// </summary>
/// <remarks>
/// A missing value is empty. Values are joined as they are, without escaping, as Adyen signs them: a <c>:</c> inside a
/// value therefore shifts what the signature seems to cover, which is Adyen's scheme and cannot be changed here.
/// Numbers and booleans are taken as written (<c>"value": 1000</c> → <c>1000</c>).
/// </remarks>
internal static class AdyenClassicSigningFields
{
    // The eight signed values in their order, then the signature: located in one pass.
    private static readonly byte[][][] Pointers =
    [
        JsonPointerLocator.Parse("/pspReference"),
        JsonPointerLocator.Parse("/originalReference"),
        JsonPointerLocator.Parse("/merchantAccountCode"),
        JsonPointerLocator.Parse("/merchantReference"),
        JsonPointerLocator.Parse("/amount/value"),
        JsonPointerLocator.Parse("/amount/currency"),
        JsonPointerLocator.Parse("/eventCode"),
        JsonPointerLocator.Parse("/success"),
        JsonPointerLocator.Parse("/additionalData/hmacSignature"),
    ];

    private const int SignedValues = 8;

    /// <summary>How many locations <see cref="TryLocate"/> fills.</summary>
    public const int LocationCount = SignedValues + 1;

    /// <summary>
    /// Locates the signed values and the signature of an item in one pass; false when the item is not a well-formed
    /// JSON object (then neither <see cref="Signature(ReadOnlySpan{byte}, ReadOnlySpan{JsonValueLocation})"/> nor
    /// <see cref="SigningText(ReadOnlySpan{byte}, ReadOnlySpan{JsonValueLocation})"/> has anything to read).
    /// </summary>
    public static bool TryLocate(ReadOnlySpan<byte> item, Span<JsonValueLocation> found)
    {
        try
        {
            if (!IsObject(item))
            {
                return false;
            }

            JsonPointerLocator.LocateAll(item, Pointers, found);
            return true;
        }
        catch (Exception exception) when (exception is JsonException or InvalidOperationException)
        {
            return false;
        }
    }

    /// <summary>The signed text of an item, as UTF-8; null when the item is not a well-formed JSON object.</summary>
    public static byte[]? SigningText(ReadOnlySpan<byte> item)
    {
        Span<JsonValueLocation> found = stackalloc JsonValueLocation[LocationCount];
        return TryLocate(item, found) ? SigningText(item, found) : null;
    }

    /// <summary>The signed text from the locations <see cref="TryLocate"/> found; null when a value is not valid UTF-8.</summary>
    public static byte[]? SigningText(ReadOnlySpan<byte> item, ReadOnlySpan<JsonValueLocation> found)
    {
        try
        {
            var text = new StringBuilder();
            for (var i = 0; i < SignedValues; i++)
            {
                if (i > 0)
                {
                    text.Append(':');
                }

                text.Append(found[i].ScalarText(item));
            }

            return Encoding.UTF8.GetBytes(text.ToString());
        }
        catch (InvalidOperationException)
        {
            return null;
        }
    }

    /// <summary><c>additionalData.hmacSignature</c> when it is a string; null when absent, of another kind, or the item is not a well-formed JSON object.</summary>
    public static string? Signature(ReadOnlySpan<byte> item)
    {
        Span<JsonValueLocation> found = stackalloc JsonValueLocation[LocationCount];
        return TryLocate(item, found) ? Signature(item, found) : null;
    }

    /// <summary>The signature from the locations <see cref="TryLocate"/> found; null when absent, of another kind or not valid UTF-8.</summary>
    public static string? Signature(ReadOnlySpan<byte> item, ReadOnlySpan<JsonValueLocation> found)
    {
        var location = found[SignedValues];
        try
        {
            return location.Kind == JsonTokenType.String ? location.ScalarText(item) : null;
        }
        catch (InvalidOperationException)
        {
            return null;
        }
    }

    private static bool IsObject(ReadOnlySpan<byte> item)
    {
        if (item.IsEmpty)
        {
            return false;
        }

        var reader = new Utf8JsonReader(item);
        reader.Read();
        var kind = reader.TokenType;
        reader.Skip();
        EnvelopeJson.EnsureEnd(ref reader);
        return kind == JsonTokenType.StartObject;
    }
}
