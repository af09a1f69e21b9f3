using System;
using System.Collections.Generic;

namespace Hooksmith.Webhooks;

/// <summary>
/// Verifies a header of the form <c>sha256=&lt;hex&gt;</c> holding the HMAC-SHA256 of the raw body,
/// keyed with a shared secret's UTF-8 bytes: the scheme of GitHub's <c>X-Hub-Signature-256</c> and
/// of many providers that copied it.
/// </summary>
/// <remarks>
/// The <c>sha256=</c> prefix is matched case-insensitively and the digest may be in either case.
/// Several secrets may be configured for rotation.
/// </remarks>
public sealed class HmacSha256HeaderVerifier : IWebhookSignatureVerifier
{
    /// <summary>The header read when no other name is given.</summary>
    public const string DefaultHeaderName = "X-Hub-Signature-256";

    /// <summary>The prefix in front of the hex digest.</summary>
    public const string SignaturePrefix = "sha256=";

    private readonly SecretKeyRing _keys;

    /// <summary>Creates a verifier for a fixed list of secrets (copied now).</summary>
    /// <param name="secrets">One or more shared secrets.</param>
    /// <param name="headerName">The header that carries the signature.</param>
    /// <exception cref="ArgumentException">The list is empty or contains an empty secret, or the header name is empty.</exception>
    public HmacSha256HeaderVerifier(IEnumerable<string> secrets, string headerName = DefaultHeaderName)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(headerName);
        _keys = SecretKeyRing.Fixed(secrets, SecretKeyRing.Utf8Key, nameof(secrets));
        HeaderName = headerName;
    }

    /// <summary>Creates a verifier that reads its secrets on every call, so a rotated secret takes effect without a restart.</summary>
    /// <param name="secrets">Returns the current secrets. Empty secrets in the list are ignored.</param>
    /// <param name="headerName">The header that carries the signature.</param>
    /// <exception cref="ArgumentException">The header name is empty.</exception>
    public HmacSha256HeaderVerifier(Func<IReadOnlyList<string>> secrets, string headerName = DefaultHeaderName)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(headerName);
        _keys = new SecretKeyRing(secrets, SecretKeyRing.Utf8Key);
        HeaderName = headerName;
    }

    /// <summary>The header that carries the signature.</summary>
    public string HeaderName { get; }

    /// <inheritdoc/>
    public SignatureResult Verify(ReadOnlySpan<byte> body, IWebhookHeaders headers)
    {
        ArgumentNullException.ThrowIfNull(headers);
        if (!headers.TryGetValue(HeaderName, out var header))
        {
            return SignatureResult.Missing("signature header is absent");
        }

        var text = header.AsSpan().Trim();
        if (text.IsEmpty)
        {
            return SignatureResult.Missing("signature header is empty");
        }

        if (!text.StartsWith(SignaturePrefix, StringComparison.OrdinalIgnoreCase))
        {
            return SignatureResult.Malformed("signature header does not start with sha256=");
        }

        Span<byte> expected = stackalloc byte[HmacSignatures.DigestSize];
        if (!Hex.TryDecode(text[SignaturePrefix.Length..], expected))
        {
            return SignatureResult.Malformed("signature is not 64 hexadecimal digits");
        }

        var keys = _keys.GetKeys();
        if (!HmacSignatures.AnyUsable(keys))
        {
            return SignatureResult.Mismatch("no usable secret is configured");
        }

        var match = HmacSignatures.FindMatchingKey(keys, body, expected);
        return match >= 0
            ? SignatureResult.Valid(match)
            : SignatureResult.Mismatch("no configured secret signs this body");
    }
}
