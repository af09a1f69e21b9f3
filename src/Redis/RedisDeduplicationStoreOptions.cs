using System;

namespace Hooksmith.Redis;

/// <summary>Settings of a <see cref="RedisDeduplicationStore"/>; read once, when the store is created.</summary>
/// <remarks>
/// Every receiver instance that deduplicates the same events must use the same <see cref="KeyPrefix"/>
/// (and the same database); the lease and retention may differ between instances, each claim and
/// completion carrying the expiry of the instance that wrote it.
/// </remarks>
public sealed class RedisDeduplicationStoreOptions
{
    /// <summary>The prefix used when <see cref="KeyPrefix"/> is not set: <c>hooksmith:dedup:</c>.</summary>
    public const string DefaultKeyPrefix = "hooksmith:dedup:";

    /// <summary>
    /// How long a begun claim blocks other deliveries of the same event before it is considered
    /// abandoned (a crashed or stuck worker). Make it longer than processing takes. Must be positive;
    /// Redis counts whole milliseconds, so a fraction of one is rounded up. Default: 5 minutes.
    /// </summary>
    public TimeSpan Lease { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// How long a completed event is remembered. Make it longer than the provider's retry window
    /// (Voucherify retries for about 48 hours). Must be positive; Redis counts whole milliseconds, so a
    /// fraction of one is rounded up. Default: 3 days.
    /// </summary>
    public TimeSpan Retention { get; set; } = TimeSpan.FromDays(3);

    /// <summary>
    /// Put before every deduplication key to make the Redis key, so that several endpoints or
    /// applications can share one Redis without their event ids meeting: give each its own prefix.
    /// May be empty (the event ids are then the Redis keys). Default: <see cref="DefaultKeyPrefix"/>.
    /// </summary>
    public string KeyPrefix { get; set; } = DefaultKeyPrefix;
}
