using System;

namespace Hooksmith.Webhooks;

/// <summary>
/// The outcome of verifying a webhook signature: a status, a short reason for logs, and which
/// configured secret matched (for secret-rotation telemetry).
/// </summary>
/// <remarks>
/// A value type so that verifying a request allocates nothing; the reasons are constant strings
/// that never echo header content (which is attacker-controlled and may be huge).
/// <c>default(SignatureResult)</c> is not valid.
/// </remarks>
public readonly record struct SignatureResult
{
    private readonly string? _reason;
    private readonly int _secretIndex;

    private SignatureResult(SignatureStatus status, string reason, int secretIndex)
    {
        Status = status;
        _reason = reason;
        _secretIndex = secretIndex;
    }

    /// <summary>The verdict.</summary>
    public SignatureStatus Status { get; }

    /// <summary>True when the signature matched one of the configured secrets (and, for timestamped schemes, is fresh).</summary>
    public bool IsValid => Status == SignatureStatus.Valid;

    /// <summary>A short, human-readable explanation meant for logs; never contains header or payload content.</summary>
    public string Reason => _reason ?? "not verified";

    /// <summary>
    /// The position, in the configured secret list, of the secret that produced a matching signature;
    /// <see langword="null"/> when none did. Reported for <see cref="SignatureStatus.Valid"/> and
    /// <see cref="SignatureStatus.Expired"/> results, so a rotation can be retired once the old
    /// secret stops matching.
    /// </summary>
    public int? MatchedSecretIndex => _secretIndex > 0 ? _secretIndex - 1 : null;

    /// <summary>A successful result for the secret at <paramref name="secretIndex"/>.</summary>
    /// <param name="secretIndex">The zero-based position of the matching secret in the configured list.</param>
    /// <param name="reason">A short explanation, e.g. which form of the body matched.</param>
    public static SignatureResult Valid(int secretIndex, string reason = "signature matches")
        => new(SignatureStatus.Valid, reason, StoreIndex(secretIndex));

    /// <summary>A result for a header that is absent or empty.</summary>
    /// <param name="reason">Which header is missing.</param>
    public static SignatureResult Missing(string reason) => new(SignatureStatus.Missing, reason, 0);

    /// <summary>A result for a header that is present but unreadable.</summary>
    /// <param name="reason">What is wrong with it.</param>
    public static SignatureResult Malformed(string reason) => new(SignatureStatus.Malformed, reason, 0);

    /// <summary>A result for a well-formed signature that no configured secret produces.</summary>
    /// <param name="reason">A short explanation.</param>
    public static SignatureResult Mismatch(string reason) => new(SignatureStatus.Mismatch, reason, 0);

    /// <summary>A result for an authentic signature whose timestamp is outside the tolerance.</summary>
    /// <param name="secretIndex">The zero-based position of the secret that matched.</param>
    /// <param name="reason">Whether the timestamp is too old or too new.</param>
    public static SignatureResult Expired(int secretIndex, string reason)
        => new(SignatureStatus.Expired, reason, StoreIndex(secretIndex));

    /// <inheritdoc/>
    public override string ToString()
        => MatchedSecretIndex is { } index ? $"{Status} (secret #{index}): {Reason}" : $"{Status}: {Reason}";

    // The index is stored shifted by one so that the zero of a default struct means "no secret".
    private static int StoreIndex(int secretIndex)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(secretIndex);
        ArgumentOutOfRangeException.ThrowIfEqual(secretIndex, int.MaxValue);
        return secretIndex + 1;
    }
}
