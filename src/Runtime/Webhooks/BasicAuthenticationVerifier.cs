using System;
using System.Security.Cryptography;
using System.Text;

namespace Hooksmith.Webhooks;

/// <summary>
/// Checks HTTP Basic authentication (<c>Authorization: Basic base64(user:password)</c>, which Adyen also sends) and then,
/// when given, another verifier: an extra check in front of a signature, or the only one for a provider that signs
/// inside the body (Adyen's classic items).
/// </summary>
/// <remarks>The user name and password are compared in constant time (over their UTF-8 bytes).</remarks>
public sealed class BasicAuthenticationVerifier : IWebhookSignatureVerifier
{
    private const string Scheme = "Basic ";
    private readonly byte[] _expected;
    private readonly IWebhookSignatureVerifier? _then;

    /// <summary>Creates the check.</summary>
    /// <param name="userName">The expected user name.</param>
    /// <param name="password">The expected password.</param>
    /// <param name="then">The verifier run once the credentials match; null when they are the whole check.</param>
    /// <exception cref="ArgumentException">The user name is empty or holds a <c>:</c>, or the password is empty.</exception>
    public BasicAuthenticationVerifier(string userName, string password, IWebhookSignatureVerifier? then = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(userName);
        ArgumentException.ThrowIfNullOrEmpty(password);
        if (userName.Contains(':', StringComparison.Ordinal))
        {
            throw new ArgumentException("A Basic authentication user name cannot contain ':'.", nameof(userName));
        }

        _expected = Encoding.UTF8.GetBytes(userName + ":" + password);
        _then = then;
    }

    /// <inheritdoc/>
    public SignatureResult Verify(ReadOnlySpan<byte> body, IWebhookHeaders headers)
    {
        ArgumentNullException.ThrowIfNull(headers);
        if (!headers.TryGetValue("Authorization", out var header) || header.AsSpan().Trim().IsEmpty)
        {
            return SignatureResult.Missing("Authorization header is absent");
        }

        var value = header.AsSpan().Trim();
        if (!value.StartsWith(Scheme, StringComparison.OrdinalIgnoreCase) || value.Length > 4096)
        {
            return SignatureResult.Malformed("Authorization is not Basic credentials");
        }

        var encoded = value[Scheme.Length..].Trim();
        var buffer = new byte[(encoded.Length * 3 / 4) + 3];
        if (!Convert.TryFromBase64Chars(encoded, buffer, out var written))
        {
            return SignatureResult.Malformed("Authorization's credentials are not Base64");
        }

        if (!CryptographicOperations.FixedTimeEquals(buffer.AsSpan(0, written), _expected))
        {
            return SignatureResult.Mismatch("the Basic credentials do not match");
        }

        return _then is null ? SignatureResult.Valid(0, "the Basic credentials match") : _then.Verify(body, headers);
    }
}
