using System;
using System.Security.Cryptography;

namespace Hooksmith.Webhooks;

/// <summary>HMAC-SHA256 matching shared by the verifiers.</summary>
internal static class HmacSignatures
{
    /// <summary>The size of an HMAC-SHA256 digest in bytes.</summary>
    public const int DigestSize = HMACSHA256.HashSizeInBytes;

    /// <summary>Bodies up to this size are copied on the stack when a verifier needs a transformed copy.</summary>
    public const int StackallocThreshold = 1024;

    /// <summary>
    /// The index of the first key whose HMAC of <paramref name="content"/> equals <paramref name="expected"/>,
    /// or -1. The comparison is constant-time so the response time does not reveal how much of a
    /// forged signature was right.
    /// </summary>
    public static int FindMatchingKey(byte[]?[] keys, ReadOnlySpan<byte> content, ReadOnlySpan<byte> expected)
    {
        Span<byte> actual = stackalloc byte[DigestSize];
        for (var i = 0; i < keys.Length; i++)
        {
            if (keys[i] is not { } key)
            {
                continue;
            }

            HMACSHA256.HashData(key, content, actual);
            if (CryptographicOperations.FixedTimeEquals(actual, expected))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>
    /// Decodes a Base64 digest (surrounding whitespace ignored) into <paramref name="digest"/>:
    /// <see cref="SignatureStatus.Valid"/> when it is exactly <see cref="DigestSize"/> bytes,
    /// <see cref="SignatureStatus.Missing"/> when empty, <see cref="SignatureStatus.Malformed"/> otherwise.
    /// </summary>
    public static SignatureStatus TryDecodeBase64Digest(string? text, Span<byte> digest)
    {
        var trimmed = text.AsSpan().Trim();
        if (trimmed.IsEmpty)
        {
            return SignatureStatus.Missing;
        }

        // 32 bytes are 44 Base64 characters; anything much longer is not worth decoding.
        if (trimmed.Length > 64)
        {
            return SignatureStatus.Malformed;
        }

        Span<byte> decoded = stackalloc byte[48];
        return Convert.TryFromBase64Chars(trimmed, decoded, out var written) && written == DigestSize && decoded[..written].TryCopyTo(digest)
            ? SignatureStatus.Valid
            : SignatureStatus.Malformed;
    }

    /// <summary>True when at least one configured secret could be used.</summary>
    public static bool AnyUsable(byte[]?[] keys)
    {
        foreach (var key in keys)
        {
            if (key is not null)
            {
                return true;
            }
        }

        return false;
    }
}
