using System;

namespace Hooksmith.Webhooks;

/// <summary>Settings of an <see cref="InMemoryDeduplicationStore"/>; read once, when the store is created.</summary>
public sealed class InMemoryDeduplicationStoreOptions
{
    /// <summary>
    /// How long a begun claim blocks other deliveries of the same event before it is considered
    /// abandoned (a crashed or stuck worker). Make it longer than processing takes. Default: 5 minutes.
    /// </summary>
    public TimeSpan Lease { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// How long a completed event is remembered. Make it longer than the provider's retry window
    /// (Voucherify retries for about 48 hours). Default: 3 days.
    /// </summary>
    public TimeSpan Retention { get; set; } = TimeSpan.FromDays(3);

    /// <summary>
    /// The most keys held at once. When full, expired entries go first, then the oldest completed
    /// entries, and only when every entry is in progress the oldest claim. Default: 100 000.
    /// </summary>
    /// <remarks>
    /// The bound is what decides how long a retry is still recognised under load: a store of
    /// <c>MaxEntries</c> keys that takes <c>r</c> new events a second remembers each for at most
    /// <c>MaxEntries / r</c> seconds, however long <see cref="Retention"/> is (100 000 keys at 10 000 events a
    /// second: 10 seconds). An entry with a 32-character key takes about 250 bytes (156 for the entry, 96 for the key
    /// string, measured on .NET 10), so each 100 000 keys cost about 25 MB. Keys dropped early are counted (<see cref="InMemoryDeduplicationStore.EvictedBeforeExpiry"/>, the
    /// <c>hooksmith.webhooks.deduplication.evictions</c> counter) and passed to <see cref="Evicted"/>.
    /// </remarks>
    public int MaxEntries { get; set; } = 100_000;

    /// <summary>
    /// Called (outside the store's lock, on the thread that made room) each time a key is dropped before its lease or
    /// retention ran out because the store was full. The ASP.NET Core integration logs these, aggregated. Default: none.
    /// </summary>
    public Action<DeduplicationEviction>? Evicted { get; set; }
}
