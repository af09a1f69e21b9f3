using System;
using System.Collections.Generic;

namespace Hooksmith.Webhooks;

/// <summary>
/// Verifies the signature of one of Adyen's classic notification items: <c>additionalData.hmacSignature</c>, the Base64
/// of the HMAC-SHA256 (key given in hex) of
/// <c>pspReference:originalReference:merchantAccountCode:merchantReference:value:currency:eventCode:success</c>.
/// </summary>
/// <remarks>
/// A missing field counts as empty. Several keys may be configured for rotation; the comparison is constant-time.
/// Each item of a batch is checked on its own, so one forged item does not lose the others.
/// </remarks>
public sealed class AdyenItemSignatureVerifier : IWebhookItemSignatureVerifier
{
    private readonly SecretKeyRing _keys;

    /// <summary>Creates a verifier for a fixed list of hex keys (copied now).</summary>
    /// <param name="hexKeys">One or more HMAC keys in hex.</param>
    /// <exception cref="ArgumentException">The list is empty or holds a key that is not hex.</exception>
    public AdyenItemSignatureVerifier(IEnumerable<string> hexKeys)
        => _keys = SecretKeyRing.Fixed(hexKeys, SecretKeyRing.HexKey, nameof(hexKeys));

    /// <summary>Creates a verifier that reads its keys on every call, so a rotated key takes effect without a restart.</summary>
    /// <param name="hexKeys">Returns the current hex keys; keys that are not hex are ignored.</param>
    public AdyenItemSignatureVerifier(Func<IReadOnlyList<string>> hexKeys)
        => _keys = new SecretKeyRing(hexKeys, SecretKeyRing.HexKey);

    /// <inheritdoc/>
    public SignatureResult Verify(ReadOnlySpan<byte> item)
    {
        // One pass finds the signature and the signed values; an item that is not a JSON object has no signature.
        Span<JsonValueLocation> found = stackalloc JsonValueLocation[AdyenClassicSigningFields.LocationCount];
        var located = AdyenClassicSigningFields.TryLocate(item, found);
        var signature = located ? AdyenClassicSigningFields.Signature(item, found) : null;
        Span<byte> expected = stackalloc byte[HmacSignatures.DigestSize];
        switch (HmacSignatures.TryDecodeBase64Digest(signature, expected))
        {
            case SignatureStatus.Missing:
                return SignatureResult.Missing("additionalData.hmacSignature is absent");
            case SignatureStatus.Malformed:
                return SignatureResult.Malformed("additionalData.hmacSignature is not the Base64 of 32 bytes");
        }

        if (AdyenClassicSigningFields.SigningText(item, found) is not { } signed)
        {
            return SignatureResult.Malformed("the item is not a JSON object");
        }

        var keys = _keys.GetKeys();
        if (!HmacSignatures.AnyUsable(keys))
        {
            return SignatureResult.Mismatch("no usable HMAC key is configured");
        }

        var match = HmacSignatures.FindMatchingKey(keys, signed, expected);
        return match >= 0 ? SignatureResult.Valid(match, "the item's signature matches") : SignatureResult.Mismatch("no configured HMAC key signs this item");
    }
}
