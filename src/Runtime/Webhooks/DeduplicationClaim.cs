using System;

namespace Hooksmith.Webhooks;

/// <summary>
/// The answer of <see cref="IWebhookDeduplicationStore.TryBeginAsync"/>: the status and, when this
/// delivery began processing, the token that identifies its lease.
/// </summary>
/// <remarks>
/// The token exists so that an attempt whose lease expired (a slow or stuck worker) cannot release
/// the claim a later attempt holds: <see cref="IWebhookDeduplicationStore.AbandonAsync"/> only
/// releases a claim whose token still matches.
/// </remarks>
public readonly record struct DeduplicationClaim
{
    /// <summary>Creates a claim; for store implementations.</summary>
    /// <param name="key">The deduplication key (e.g. the event id).</param>
    /// <param name="status">The store's verdict.</param>
    /// <param name="token">The lease token: required when <paramref name="status"/> is <see cref="DeduplicationStatus.Began"/>, otherwise <see langword="null"/>.</param>
    /// <exception cref="ArgumentException">The token does not fit the status.</exception>
    public DeduplicationClaim(string key, DeduplicationStatus status, string? token = null)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (status == DeduplicationStatus.Began ? string.IsNullOrEmpty(token) : token is not null)
        {
            throw new ArgumentException("A lease token is required for a begun claim and only for it.", nameof(token));
        }

        Key = key;
        Status = status;
        Token = token;
    }

    /// <summary>The deduplication key.</summary>
    public string Key { get; }

    /// <summary>The store's verdict.</summary>
    public DeduplicationStatus Status { get; }

    /// <summary>Identifies this attempt's lease when <see cref="Status"/> is <see cref="DeduplicationStatus.Began"/>; otherwise <see langword="null"/>.</summary>
    public string? Token { get; }

    /// <summary>True when this delivery owns the processing and must later complete or abandon the claim.</summary>
    public bool ShouldProcess => Status == DeduplicationStatus.Began;

    /// <inheritdoc/>
    public override string ToString() => $"{Status}: {Key}";
}
