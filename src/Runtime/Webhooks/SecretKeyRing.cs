using System;
using System.Collections.Generic;
using System.Threading;

namespace Hooksmith.Webhooks;

/// <summary>
/// The HMAC keys of a verifier, derived from a secret list that may change at runtime (rotation
/// without restart). The list is read on every verification; the derived keys are cached and
/// rebuilt only when the list's content changes, so the common case costs a comparison, not a
/// decode and an allocation.
/// </summary>
internal sealed class SecretKeyRing
{
    private static readonly byte[]?[] NoKeys = [];

    private readonly Func<IReadOnlyList<string>> _source;
    private readonly Func<string, byte[]?> _decode;
    private Snapshot? _snapshot;

    /// <param name="source">Returns the current secrets; called once per verification.</param>
    /// <param name="decode">Turns a secret into its key, or <see langword="null"/> when the secret is unusable.</param>
    public SecretKeyRing(Func<IReadOnlyList<string>> source, Func<string, byte[]?> decode)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(decode);
        _source = source;
        _decode = decode;
    }

    /// <summary>
    /// A ring over a fixed list, validated now: a secret that cannot be used is a configuration error
    /// and is better reported at startup than as a stream of signature failures.
    /// </summary>
    public static SecretKeyRing Fixed(IEnumerable<string> secrets, Func<string, byte[]?> decode, string parameterName)
    {
        ArgumentNullException.ThrowIfNull(secrets, parameterName);
        var copy = new List<string>(secrets).ToArray();
        if (copy.Length == 0)
        {
            throw new ArgumentException("At least one secret is required.", parameterName);
        }

        for (var i = 0; i < copy.Length; i++)
        {
            if (copy[i] is null || decode(copy[i]) is null)
            {
                throw new ArgumentException($"The secret at index {i} is empty or not in the expected format.", parameterName);
            }
        }

        IReadOnlyList<string> list = copy;
        return new SecretKeyRing(() => list, decode);
    }

    /// <summary>The UTF-8 bytes of the secret (Voucherify, <c>sha256=</c> headers); empty secrets are unusable.</summary>
    public static byte[]? Utf8Key(string secret)
        => string.IsNullOrEmpty(secret) ? null : System.Text.Encoding.UTF8.GetBytes(secret);

    /// <summary>
    /// The bytes an HMAC key written in hex stands for (Adyen's keys); a secret that is empty, of odd length or not hex
    /// is unusable.
    /// </summary>
    public static byte[]? HexKey(string secret)
    {
        var text = secret.AsSpan().Trim();
        if (text.IsEmpty || text.Length % 2 != 0)
        {
            return null;
        }

        var key = new byte[text.Length / 2];
        return Hex.TryDecode(text, key) ? key : null;
    }

    /// <summary>
    /// The current keys, one per configured secret and in the same order, <see langword="null"/> for
    /// an unusable secret (so indexes still point into the configured list).
    /// </summary>
    public byte[]?[] GetKeys()
    {
        var secrets = _source() ?? [];
        var snapshot = Volatile.Read(ref _snapshot);
        if (snapshot is not null && snapshot.Matches(secrets))
        {
            return snapshot.Keys;
        }

        if (secrets.Count == 0)
        {
            return NoKeys;
        }

        var sources = new string[secrets.Count];
        var keys = new byte[]?[secrets.Count];
        for (var i = 0; i < sources.Length; i++)
        {
            sources[i] = secrets[i];
            keys[i] = sources[i] is { } secret ? _decode(secret) : null;
        }

        // Last writer wins; concurrent rebuilds from the same list produce equal snapshots.
        Volatile.Write(ref _snapshot, new Snapshot(sources, keys));
        return keys;
    }

    private sealed class Snapshot(string[] sources, byte[]?[] keys)
    {
        public byte[]?[] Keys { get; } = keys;

        public bool Matches(IReadOnlyList<string> secrets)
        {
            if (secrets.Count != sources.Length)
            {
                return false;
            }

            for (var i = 0; i < sources.Length; i++)
            {
                // Reference equality first: a list returned again is the usual case.
                if (!ReferenceEquals(secrets[i], sources[i]) && !string.Equals(secrets[i], sources[i], StringComparison.Ordinal))
                {
                    return false;
                }
            }

            return true;
        }
    }
}
