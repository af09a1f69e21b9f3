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
    ];

    private static readonly byte[][] SignaturePointer = JsonPointerLocator.Parse("/additionalData/hmacSignature");

    /// <summary>The signed text of an item, as UTF-8; null when the item is not a well-formed JSON object.</summary>
    public static byte[]? SigningText(ReadOnlySpan<byte> item)
    {
        try
        {
            if (!IsObject(item))
            {
                return null;
            }

            var text = new StringBuilder();
            for (var i = 0; i < Pointers.Length; i++)
            {
                if (i > 0)
                {
                    text.Append(':');
                }

                text.Append(JsonPointerLocator.Locate(item, Pointers[i]).ScalarText(item));
            }

            return Encoding.UTF8.GetBytes(text.ToString());
        }
        catch (Exception exception) when (exception is JsonException or InvalidOperationException)
        {
            return null;
        }
    }

    /// <summary>The item's <c>additionalData.hmacSignature</c>; null when absent, not a string, or the item is not well formed.</summary>
    public static string? Signature(ReadOnlySpan<byte> item)
    {
        try
        {
            if (!IsObject(item))
            {
                return null;
            }

            var location = JsonPointerLocator.Locate(item, SignaturePointer);
            return location.Kind == JsonTokenType.String ? location.ScalarText(item) : null;
        }
        catch (Exception exception) when (exception is JsonException or InvalidOperationException)
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
