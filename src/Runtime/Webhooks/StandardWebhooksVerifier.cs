using System;
using System.Buffers;
using System.Collections.Generic;
using System.Text;

namespace Hooksmith.Webhooks;

/// <summary>
/// Verifies deliveries signed per the Standard Webhooks specification (standardwebhooks.com):
/// headers <c>webhook-id</c>, <c>webhook-timestamp</c> (unix seconds) and <c>webhook-signature</c>
/// (space-separated <c>v1,&lt;base64&gt;</c> entries), each entry an HMAC-SHA256 of
/// <c>{id}.{timestamp}.{body}</c>.
/// </summary>
/// <remarks>
/// <para>
/// Secrets are written <c>whsec_&lt;base64&gt;</c>; the key is the decoded base64 part. A base64 secret
/// without the prefix is accepted too. Entries of other versions (such as the asymmetric <c>v1a</c>)
/// are ignored; the header is <see cref="SignatureStatus.Malformed"/> only when no readable
/// <c>v1</c> entry is present.
/// </para>
/// <para>
/// The timestamp must lie within <see cref="Tolerance"/> of the current time in either direction,
/// which bounds replays. It is checked after the signature, so <see cref="SignatureStatus.Expired"/>
/// always means "authentic but stale (or from a skewed clock)", and a forged request is reported as a
/// <see cref="SignatureStatus.Mismatch"/> whatever its timestamp.
/// </para>
/// </remarks>
public sealed class StandardWebhooksVerifier : IWebhookSignatureVerifier
{
    /// <summary>The header that carries the message id (also a good deduplication key).</summary>
    public const string IdHeaderName = "webhook-id";

    /// <summary>The header that carries the send time in unix seconds.</summary>
    public const string TimestampHeaderName = "webhook-timestamp";

    /// <summary>The header that carries the signatures.</summary>
    public const string SignatureHeaderName = "webhook-signature";

    /// <summary>The prefix of a secret in its usual written form.</summary>
    public const string SecretPrefix = "whsec_";

    // 18 digits always fit in a long; later than year 31 billion is not a timestamp anyone sends.
    private const int MaxTimestampDigits = 18;

    private readonly SecretKeyRing _keys;
    private readonly TimeProvider _timeProvider;

    /// <summary>Creates a verifier for a fixed list of secrets (copied and validated now).</summary>
    /// <param name="secrets">One or more secrets, <c>whsec_&lt;base64&gt;</c> or plain base64.</param>
    /// <param name="tolerance">How far the timestamp may be from now, either way; <see cref="DefaultTolerance"/> when omitted.</param>
    /// <param name="timeProvider">The clock; <see cref="TimeProvider.System"/> when omitted.</param>
    /// <exception cref="ArgumentException">The list is empty or a secret is not base64.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The tolerance is negative.</exception>
    public StandardWebhooksVerifier(IEnumerable<string> secrets, TimeSpan? tolerance = null, TimeProvider? timeProvider = null)
        : this(SecretKeyRing.Fixed(secrets, DecodeSecret, nameof(secrets)), tolerance, timeProvider)
    {
    }

    /// <summary>Creates a verifier that reads its secrets on every call, so a rotated secret takes effect without a restart.</summary>
    /// <param name="secrets">Returns the current secrets. Secrets that are not base64 are ignored.</param>
    /// <param name="tolerance">How far the timestamp may be from now, either way; <see cref="DefaultTolerance"/> when omitted.</param>
    /// <param name="timeProvider">The clock; <see cref="TimeProvider.System"/> when omitted.</param>
    /// <exception cref="ArgumentOutOfRangeException">The tolerance is negative.</exception>
    public StandardWebhooksVerifier(Func<IReadOnlyList<string>> secrets, TimeSpan? tolerance = null, TimeProvider? timeProvider = null)
        : this(new SecretKeyRing(secrets, DecodeSecret), tolerance, timeProvider)
    {
    }

    private StandardWebhooksVerifier(SecretKeyRing keys, TimeSpan? tolerance, TimeProvider? timeProvider)
    {
        var value = tolerance ?? DefaultTolerance;
        ArgumentOutOfRangeException.ThrowIfLessThan(value, TimeSpan.Zero, nameof(tolerance));
        _keys = keys;
        _timeProvider = timeProvider ?? TimeProvider.System;
        Tolerance = value;
    }

    /// <summary>The tolerance the specification recommends: five minutes.</summary>
    public static TimeSpan DefaultTolerance { get; } = TimeSpan.FromMinutes(5);

    /// <summary>How far the timestamp may be from the current time, in either direction.</summary>
    public TimeSpan Tolerance { get; }

    /// <inheritdoc/>
    public SignatureResult Verify(ReadOnlySpan<byte> body, IWebhookHeaders headers)
    {
        ArgumentNullException.ThrowIfNull(headers);
        if (!headers.TryGetValue(IdHeaderName, out var id) || id.Length == 0)
        {
            return SignatureResult.Missing("webhook-id header is absent or empty");
        }

        if (!headers.TryGetValue(TimestampHeaderName, out var timestampText) || timestampText.Length == 0)
        {
            return SignatureResult.Missing("webhook-timestamp header is absent or empty");
        }

        if (!headers.TryGetValue(SignatureHeaderName, out var signatures) || signatures.AsSpan().Trim().IsEmpty)
        {
            return SignatureResult.Missing("webhook-signature header is absent or empty");
        }

        if (!TryParseUnixSeconds(timestampText, out var timestamp))
        {
            return SignatureResult.Malformed("webhook-timestamp is not a number of unix seconds");
        }

        if (!HasReadableV1Entry(signatures))
        {
            return SignatureResult.Malformed("webhook-signature has no well-formed v1 entry");
        }

        var keys = _keys.GetKeys();
        if (!HmacSignatures.AnyUsable(keys))
        {
            return SignatureResult.Mismatch("no usable secret is configured");
        }

        var match = FindMatchingKey(keys, id, timestampText, body, signatures);
        if (match == -2)
        {
            return SignatureResult.Malformed("webhook-id and body are too large to sign");
        }

        if (match < 0)
        {
            return SignatureResult.Mismatch("no configured secret signs this message");
        }

        // Seconds as double: no overflow whatever the (attacker-chosen) timestamp.
        var skew = (double)_timeProvider.GetUtcNow().ToUnixTimeSeconds() - timestamp;
        if (skew > Tolerance.TotalSeconds)
        {
            return SignatureResult.Expired(match, "webhook-timestamp is older than the tolerance");
        }

        if (-skew > Tolerance.TotalSeconds)
        {
            return SignatureResult.Expired(match, "webhook-timestamp is further in the future than the tolerance");
        }

        return SignatureResult.Valid(match);
    }

    /// <summary>The HMAC key of a secret: the base64 part of <c>whsec_…</c>, or the whole secret when it is plain base64.</summary>
    /// <returns><see langword="null"/> when the secret is empty or not base64.</returns>
    internal static byte[]? DecodeSecret(string secret)
    {
        if (string.IsNullOrEmpty(secret))
        {
            return null;
        }

        var encoded = secret.StartsWith(SecretPrefix, StringComparison.Ordinal) ? secret.AsSpan(SecretPrefix.Length) : secret.AsSpan();
        var buffer = new byte[(encoded.Length * 3 / 4) + 3];
        return !encoded.IsEmpty && Convert.TryFromBase64Chars(encoded, buffer, out var written) && written > 0
            ? buffer.AsSpan(0, written).ToArray()
            : null;
    }

    private static bool TryParseUnixSeconds(string text, out long seconds)
    {
        seconds = 0;
        if (text.Length > MaxTimestampDigits)
        {
            return false;
        }

        foreach (var c in text)
        {
            if (c is < '0' or > '9')
            {
                return false;
            }

            seconds = (seconds * 10) + (c - '0');
        }

        return true;
    }

    private static bool HasReadableV1Entry(string signatures)
    {
        Span<byte> digest = stackalloc byte[HmacSignatures.DigestSize];
        var rest = signatures.AsSpan();
        while (NextEntry(ref rest, out var entry))
        {
            if (TryReadV1(entry, digest))
            {
                return true;
            }
        }

        return false;
    }

    // Returns the index of the matching secret, -1 for none, -2 when the signed content cannot be built.
    private static int FindMatchingKey(byte[]?[] keys, string id, string timestamp, ReadOnlySpan<byte> body, string signatures)
    {
        var idLength = Encoding.UTF8.GetByteCount(id);
        var total = (long)idLength + 1 + timestamp.Length + 1 + body.Length;
        if (total > Array.MaxLength)
        {
            return -2;
        }

        byte[]? rented = null;
        Span<byte> content = total <= HmacSignatures.StackallocThreshold
            ? stackalloc byte[HmacSignatures.StackallocThreshold]
            : (rented = ArrayPool<byte>.Shared.Rent((int)total));
        try
        {
            // {id}.{timestamp}.{body}; the timestamp is all ASCII digits, so chars are bytes.
            var position = Encoding.UTF8.GetBytes(id, content);
            content[position++] = (byte)'.';
            foreach (var c in timestamp)
            {
                content[position++] = (byte)c;
            }

            content[position++] = (byte)'.';
            body.CopyTo(content[position..]);
            content = content[..(int)total];

            Span<byte> actual = stackalloc byte[HmacSignatures.DigestSize];
            Span<byte> expected = stackalloc byte[HmacSignatures.DigestSize];
            for (var i = 0; i < keys.Length; i++)
            {
                if (keys[i] is not { } key)
                {
                    continue;
                }

                System.Security.Cryptography.HMACSHA256.HashData(key, content, actual);
                var rest = signatures.AsSpan();
                while (NextEntry(ref rest, out var entry))
                {
                    if (TryReadV1(entry, expected)
                        && System.Security.Cryptography.CryptographicOperations.FixedTimeEquals(actual, expected))
                    {
                        return i;
                    }
                }
            }

            return -1;
        }
        finally
        {
            if (rented is not null)
            {
                // The copy holds customer data; do not leave it in a shared pool.
                Array.Clear(rented, 0, (int)total);
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }

    // Entries are separated by spaces; runs of spaces produce no empty entries.
    private static bool NextEntry(ref ReadOnlySpan<char> rest, out ReadOnlySpan<char> entry)
    {
        rest = rest.TrimStart(' ');
        if (rest.IsEmpty)
        {
            entry = default;
            return false;
        }

        var end = rest.IndexOf(' ');
        entry = end < 0 ? rest : rest[..end];
        rest = end < 0 ? default : rest[end..];
        return true;
    }

    private static bool TryReadV1(ReadOnlySpan<char> entry, Span<byte> digest)
        => entry.StartsWith("v1,", StringComparison.Ordinal)
            && Convert.TryFromBase64Chars(entry[3..], digest, out var written)
            && written == HmacSignatures.DigestSize;
}
