using System;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Hooksmith.Webhooks;

/// <summary>
/// Signs payloads the way providers do, for tests and local tooling: produces the headers a real
/// delivery would carry, so the verifiers (and everything behind them) can be exercised end to end.
/// </summary>
public static class WebhookTestSigner
{
    /// <summary>The <c>x-voucherify-signature</c> value for a body: lowercase hex HMAC-SHA256 of the bytes as given.</summary>
    /// <param name="body">The bytes to sign. Voucherify signs JSON in compact form; pass compact bytes to mimic it exactly.</param>
    /// <param name="secret">The webhook secret (its UTF-8 bytes are the key).</param>
    public static string VoucherifySignature(ReadOnlySpan<byte> body, string secret)
        => Hex.EncodeLower(Hmac(Utf8Key(secret), body));

    /// <summary>Headers carrying the Voucherify signature of <paramref name="body"/>.</summary>
    /// <param name="body">The bytes to sign.</param>
    /// <param name="secret">The webhook secret.</param>
    public static DictionaryWebhookHeaders VoucherifyHeaders(ReadOnlySpan<byte> body, string secret)
        => new() { [VoucherifySignatureVerifier.SignatureHeaderName] = VoucherifySignature(body, secret) };

    /// <summary>One <c>webhook-signature</c> entry, <c>v1,&lt;base64&gt;</c>, over <c>{id}.{timestamp}.{body}</c>.</summary>
    /// <param name="id">The message id.</param>
    /// <param name="timestamp">The send time in unix seconds.</param>
    /// <param name="body">The bytes to sign.</param>
    /// <param name="secret">A <c>whsec_&lt;base64&gt;</c> or plain base64 secret.</param>
    /// <exception cref="ArgumentException">The secret is not base64.</exception>
    public static string StandardWebhooksSignature(string id, long timestamp, ReadOnlySpan<byte> body, string secret)
    {
        ArgumentNullException.ThrowIfNull(id);
        var key = StandardWebhooksVerifier.DecodeSecret(secret)
            ?? throw new ArgumentException("The secret is empty or not base64.", nameof(secret));
        var prefix = Encoding.UTF8.GetBytes(id + "." + timestamp.ToString(CultureInfo.InvariantCulture) + ".");
        var content = new byte[prefix.Length + body.Length];
        prefix.CopyTo(content, 0);
        body.CopyTo(content.AsSpan(prefix.Length));
        return "v1," + Convert.ToBase64String(Hmac(key, content));
    }

    /// <summary>The three Standard Webhooks headers for a body.</summary>
    /// <param name="body">The bytes to sign.</param>
    /// <param name="secret">A <c>whsec_&lt;base64&gt;</c> or plain base64 secret.</param>
    /// <param name="id">The message id; a fresh <c>msg_…</c> id when omitted.</param>
    /// <param name="timestamp">The send time; now when omitted.</param>
    /// <exception cref="ArgumentException">The secret is not base64.</exception>
    public static DictionaryWebhookHeaders StandardWebhooksHeaders(
        ReadOnlySpan<byte> body, string secret, string? id = null, DateTimeOffset? timestamp = null)
    {
        id ??= "msg_" + Guid.NewGuid().ToString("N");
        var seconds = (timestamp ?? DateTimeOffset.UtcNow).ToUnixTimeSeconds();
        return new DictionaryWebhookHeaders
        {
            [StandardWebhooksVerifier.IdHeaderName] = id,
            [StandardWebhooksVerifier.TimestampHeaderName] = seconds.ToString(CultureInfo.InvariantCulture),
            [StandardWebhooksVerifier.SignatureHeaderName] = StandardWebhooksSignature(id, seconds, body, secret),
        };
    }

    /// <summary>A new random secret in the <c>whsec_&lt;base64&gt;</c> form (24 random bytes).</summary>
    public static string CreateStandardWebhooksSecret()
        => StandardWebhooksVerifier.SecretPrefix + Convert.ToBase64String(RandomNumberGenerator.GetBytes(24));

    /// <summary>A <c>sha256=&lt;hex&gt;</c> value: the lowercase hex HMAC-SHA256 of the body.</summary>
    /// <param name="body">The bytes to sign.</param>
    /// <param name="secret">The shared secret (its UTF-8 bytes are the key).</param>
    public static string HmacSha256Signature(ReadOnlySpan<byte> body, string secret)
        => HmacSha256HeaderVerifier.SignaturePrefix + Hex.EncodeLower(Hmac(Utf8Key(secret), body));

    /// <summary>Headers carrying the <c>sha256=</c> signature of <paramref name="body"/>.</summary>
    /// <param name="body">The bytes to sign.</param>
    /// <param name="secret">The shared secret.</param>
    /// <param name="headerName">The header to put it in.</param>
    public static DictionaryWebhookHeaders HmacSha256Headers(
        ReadOnlySpan<byte> body, string secret, string headerName = HmacSha256HeaderVerifier.DefaultHeaderName)
        => new() { [headerName] = HmacSha256Signature(body, secret) };

    /// <summary>Adyen's <c>HmacSignature</c> value for a body: the Base64 HMAC-SHA256 of the bytes, keyed with the hex key's bytes.</summary>
    /// <param name="body">The bytes to sign.</param>
    /// <param name="hexKey">The HMAC key in hex.</param>
    /// <exception cref="ArgumentException">The key is not hex.</exception>
    public static string AdyenHmacSignature(ReadOnlySpan<byte> body, string hexKey)
        => Convert.ToBase64String(Hmac(HexKey(hexKey), body));

    /// <summary>Headers carrying Adyen's <c>HmacSignature</c> of <paramref name="body"/>.</summary>
    /// <param name="body">The bytes to sign.</param>
    /// <param name="hexKey">The HMAC key in hex.</param>
    /// <exception cref="ArgumentException">The key is not hex.</exception>
    public static DictionaryWebhookHeaders AdyenHmacHeaders(ReadOnlySpan<byte> body, string hexKey)
        => new() { [AdyenHmacSignatureVerifier.SignatureHeaderName] = AdyenHmacSignature(body, hexKey) };

    /// <summary>
    /// The <c>additionalData.hmacSignature</c> of one classic Adyen notification item (the <c>NotificationRequestItem</c>
    /// object): the Base64 HMAC-SHA256 of its eight colon-joined fields.
    /// </summary>
    /// <param name="item">The item's JSON.</param>
    /// <param name="hexKey">The HMAC key in hex.</param>
    /// <exception cref="ArgumentException">The key is not hex, or the item is not a JSON object.</exception>
    public static string AdyenItemSignature(ReadOnlySpan<byte> item, string hexKey)
    {
        var signed = AdyenClassicSigningFields.SigningText(item) ?? throw new ArgumentException("The item is not a JSON object.", nameof(item));
        return Convert.ToBase64String(Hmac(HexKey(hexKey), signed));
    }

    /// <summary>
    /// A classic Adyen batch with every item signed: each <c>notificationItems[*].NotificationRequestItem</c> gets
    /// <c>additionalData.hmacSignature</c> (added, or replaced). The rest of the body is kept; it is written compactly.
    /// </summary>
    /// <param name="body">The batch, <c>{"live", "notificationItems": [{"NotificationRequestItem": {…}}]}</c>.</param>
    /// <param name="hexKey">The HMAC key in hex.</param>
    /// <exception cref="ArgumentException">The key is not hex, or the body is not a classic batch.</exception>
    public static byte[] SignAdyenClassicBatch(ReadOnlySpan<byte> body, string hexKey)
    {
        System.Text.Json.Nodes.JsonNode? root;
        try
        {
            root = System.Text.Json.Nodes.JsonNode.Parse(body);
        }
        catch (System.Text.Json.JsonException exception)
        {
            throw new ArgumentException("The body is not JSON.", nameof(body), exception);
        }

        if (root?["notificationItems"] is not System.Text.Json.Nodes.JsonArray items)
        {
            throw new ArgumentException("The body has no notificationItems array.", nameof(body));
        }

        foreach (var element in items)
        {
            if (element?["NotificationRequestItem"] is not System.Text.Json.Nodes.JsonObject item)
            {
                continue;
            }

            var signature = AdyenItemSignature(Encoding.UTF8.GetBytes(item.ToJsonString()), hexKey);
            if (item["additionalData"] is not System.Text.Json.Nodes.JsonObject additional)
            {
                additional = [];
                item["additionalData"] = additional;
            }

            additional["hmacSignature"] = System.Text.Json.Nodes.JsonValue.Create(signature);
        }

        return Encoding.UTF8.GetBytes(root.ToJsonString());
    }

    private static byte[] HexKey(string hexKey)
        => SecretKeyRing.HexKey(hexKey ?? string.Empty) ?? throw new ArgumentException("The HMAC key is empty or not hex.", nameof(hexKey));

    private static byte[] Utf8Key(string secret)
        => SecretKeyRing.Utf8Key(secret) ?? throw new ArgumentException("The secret is empty.", nameof(secret));

    private static byte[] Hmac(byte[] key, ReadOnlySpan<byte> content)
    {
        var digest = new byte[HmacSignatures.DigestSize];
        HMACSHA256.HashData(key, content, digest);
        return digest;
    }
}
