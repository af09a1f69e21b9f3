using System;
using System.Buffers;
using System.Collections.Generic;

namespace Hooksmith.Webhooks;

/// <summary>
/// Verifies Voucherify's <c>x-voucherify-signature</c> header: the hex HMAC-SHA256 of the payload,
/// keyed with the project's webhook secret (its UTF-8 bytes).
/// </summary>
/// <remarks>
/// <para>
/// Voucherify signs a JSON payload in its compact form (whitespace outside string literals removed),
/// so the raw body is checked first and, when that fails and the body is a JSON object or array that
/// contains whitespace, the whitespace-stripped body is checked too. A body that is a bare JSON string
/// (or anything that is not an object or array) is only checked as it is.
/// </para>
/// <para>
/// The header is accepted in lower- or uppercase hex. Several secrets may be configured for
/// rotation; <see cref="SignatureResult.MatchedSecretIndex"/> tells which one matched. The scheme has
/// no timestamp: replay protection comes from deduplication on the event id.
/// </para>
/// </remarks>
public sealed class VoucherifySignatureVerifier : IWebhookSignatureVerifier
{
    /// <summary>The header that carries the signature.</summary>
    public const string SignatureHeaderName = "x-voucherify-signature";

    private readonly SecretKeyRing _keys;

    /// <summary>Creates a verifier for a fixed list of secrets (copied now).</summary>
    /// <param name="secrets">One or more webhook secrets; the first is usually the current one.</param>
    /// <exception cref="ArgumentException">The list is empty or contains an empty secret.</exception>
    public VoucherifySignatureVerifier(IEnumerable<string> secrets)
        => _keys = SecretKeyRing.Fixed(secrets, SecretKeyRing.Utf8Key, nameof(secrets));

    /// <summary>
    /// Creates a verifier that reads its secrets on every call, so a rotated secret takes effect
    /// without rebuilding the verifier (e.g. <c>() =&gt; optionsMonitor.CurrentValue.Secrets</c>).
    /// </summary>
    /// <param name="secrets">Returns the current secrets. Empty secrets in the list are ignored;
    /// an empty list makes every signature a <see cref="SignatureStatus.Mismatch"/>.</param>
    public VoucherifySignatureVerifier(Func<IReadOnlyList<string>> secrets)
        => _keys = new SecretKeyRing(secrets, SecretKeyRing.Utf8Key);

    /// <inheritdoc/>
    public SignatureResult Verify(ReadOnlySpan<byte> body, IWebhookHeaders headers)
    {
        ArgumentNullException.ThrowIfNull(headers);
        if (!headers.TryGetValue(SignatureHeaderName, out var header))
        {
            return SignatureResult.Missing("x-voucherify-signature header is absent");
        }

        var text = header.AsSpan().Trim();
        if (text.IsEmpty)
        {
            return SignatureResult.Missing("x-voucherify-signature header is empty");
        }

        if (text.Length != HmacSignatures.DigestSize * 2)
        {
            return SignatureResult.Malformed("x-voucherify-signature is not 64 hexadecimal digits");
        }

        Span<byte> expected = stackalloc byte[HmacSignatures.DigestSize];
        if (!Hex.TryDecode(text, expected))
        {
            return SignatureResult.Malformed("x-voucherify-signature is not hexadecimal");
        }

        var keys = _keys.GetKeys();
        if (!HmacSignatures.AnyUsable(keys))
        {
            return SignatureResult.Mismatch("no usable secret is configured");
        }

        var match = HmacSignatures.FindMatchingKey(keys, body, expected);
        if (match >= 0)
        {
            return SignatureResult.Valid(match, "signature matches the raw body");
        }

        if (!JsonWhitespace.CanStrip(body))
        {
            return SignatureResult.Mismatch("no configured secret signs this body");
        }

        byte[]? rented = null;
        Span<byte> buffer = body.Length <= HmacSignatures.StackallocThreshold
            ? stackalloc byte[HmacSignatures.StackallocThreshold]
            : (rented = ArrayPool<byte>.Shared.Rent(body.Length));
        try
        {
            var length = JsonWhitespace.Strip(body, buffer);
            match = length == body.Length ? -1 : HmacSignatures.FindMatchingKey(keys, buffer[..length], expected);
        }
        finally
        {
            if (rented is not null)
            {
                // The copy holds customer data; do not leave it in a shared pool.
                Array.Clear(rented, 0, body.Length);
                ArrayPool<byte>.Shared.Return(rented);
            }
        }

        return match >= 0
            ? SignatureResult.Valid(match, "signature matches the whitespace-stripped body")
            : SignatureResult.Mismatch("no configured secret signs this body");
    }
}
