using System;
using System.Collections.Generic;

namespace Hooksmith.Webhooks;

/// <summary>
/// Verifies Adyen's <c>HmacSignature</c> header (Balance Platform, Management, Tokenization webhooks): the Base64 of
/// the HMAC-SHA256 of the raw body, keyed with the bytes of an HMAC key given in hex.
/// </summary>
/// <remarks>
/// Several keys may be configured for rotation; <see cref="SignatureResult.MatchedSecretIndex"/> tells which one
/// matched. The comparison is constant-time. The scheme has no timestamp: replays are stopped by deduplication.
/// </remarks>
public sealed class AdyenHmacSignatureVerifier : IWebhookSignatureVerifier
{
    /// <summary>The header that carries the signature.</summary>
    public const string SignatureHeaderName = "HmacSignature";

    private readonly SecretKeyRing _keys;

    /// <summary>Creates a verifier for a fixed list of hex keys (copied now).</summary>
    /// <param name="hexKeys">One or more HMAC keys in hex, as Adyen's Customer Area shows them.</param>
    /// <exception cref="ArgumentException">The list is empty or holds a key that is not hex.</exception>
    public AdyenHmacSignatureVerifier(IEnumerable<string> hexKeys)
        => _keys = SecretKeyRing.Fixed(hexKeys, SecretKeyRing.HexKey, nameof(hexKeys));

    /// <summary>Creates a verifier that reads its keys on every call, so a rotated key takes effect without a restart.</summary>
    /// <param name="hexKeys">Returns the current hex keys; keys that are not hex are ignored.</param>
    public AdyenHmacSignatureVerifier(Func<IReadOnlyList<string>> hexKeys)
        => _keys = new SecretKeyRing(hexKeys, SecretKeyRing.HexKey);

    /// <inheritdoc/>
    public SignatureResult Verify(ReadOnlySpan<byte> body, IWebhookHeaders headers)
    {
        ArgumentNullException.ThrowIfNull(headers);
        if (!headers.TryGetValue(SignatureHeaderName, out var header))
        {
            return SignatureResult.Missing("HmacSignature header is absent");
        }

        Span<byte> expected = stackalloc byte[HmacSignatures.DigestSize];
        var decoded = HmacSignatures.TryDecodeBase64Digest(header, expected);
        if (decoded != SignatureStatus.Valid)
        {
            return decoded == SignatureStatus.Missing
                ? SignatureResult.Missing("HmacSignature header is empty")
                : SignatureResult.Malformed("HmacSignature is not the Base64 of 32 bytes");
        }

        var keys = _keys.GetKeys();
        if (!HmacSignatures.AnyUsable(keys))
        {
            return SignatureResult.Mismatch("no usable HMAC key is configured");
        }

        var match = HmacSignatures.FindMatchingKey(keys, body, expected);
        return match >= 0 ? SignatureResult.Valid(match) : SignatureResult.Mismatch("no configured HMAC key signs this body");
    }
}
