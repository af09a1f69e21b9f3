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

    /// <summary>The timeout used when <see cref="OperationTimeout"/> is not set: 500 milliseconds.</summary>
    public static readonly TimeSpan DefaultOperationTimeout = TimeSpan.FromMilliseconds(500);

    /// <summary>
    /// How long one call waits for Redis before it fails with a <see cref="TimeoutException"/>, which a receiver answers
    /// with 503 so that the provider retries later. While Redis is down, every delivery waits this long for its 503,
    /// instead of the connection's backlog timeout (seconds). A command that answers later still takes effect in Redis:
    /// a claim taken after its caller gave up is released by the store once that command has ended (until then the
    /// event's retries are answered 409, and retried), or, if this process ends first, when its <see cref="Lease"/> runs out. Must be positive, or <see cref="System.Threading.Timeout.InfiniteTimeSpan"/> to
    /// rely on the connection's timeouts alone. Default: <see cref="DefaultOperationTimeout"/>.
    /// </summary>
    public TimeSpan OperationTimeout { get; set; } = DefaultOperationTimeout;

    /// <summary>The wait used when <see cref="CompletionWait"/> is not set: 5 seconds.</summary>
    public static readonly TimeSpan DefaultCompletionWait = TimeSpan.FromSeconds(5);

    /// <summary>
    /// How long <see cref="RedisDeduplicationStore.CompleteAsync"/> keeps trying, when Redis does not take a completion
    /// at once, before it gives up waiting with a <see cref="TimeoutException"/> (the receiver still answers 2xx: the
    /// handler ran). The completion is written in the background either way, as soon as Redis answers again; waiting
    /// for it only narrows the window in which this process dies before it is written (then the claim expires with the
    /// lease and a later delivery runs the handler again). Only deliveries whose handler ran while Redis went away wait:
    /// those that arrive during an outage fail at their claim after <see cref="OperationTimeout"/>. Must be positive, or
    /// <see cref="System.Threading.Timeout.InfiniteTimeSpan"/>. Default: <see cref="DefaultCompletionWait"/>.
    /// </summary>
    public TimeSpan CompletionWait { get; set; } = DefaultCompletionWait;

    /// <summary>
    /// Put before every deduplication key to make the Redis key, so that several endpoints or
    /// applications can share one Redis without their event ids meeting: give each its own prefix.
    /// May be empty (the event ids are then the Redis keys). Default: <see cref="DefaultKeyPrefix"/>.
    /// </summary>
    public string KeyPrefix { get; set; } = DefaultKeyPrefix;
}
