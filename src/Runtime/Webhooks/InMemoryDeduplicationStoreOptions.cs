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
    public int MaxEntries { get; set; } = 100_000;
}
