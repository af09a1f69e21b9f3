using System;

namespace Hooksmith.Webhooks;

/// <summary>A deduplication key dropped before its time because the store was full.</summary>
/// <param name="Key">The key that was dropped; a retry of its event is no longer recognised.</param>
/// <param name="WasCompleted">True when the event had been processed (its retention was cut short); false when a claim in progress was dropped.</param>
/// <param name="TimeLeft">How much longer the key would have been kept.</param>
/// <param name="Capacity">The store's bound, the number of keys it holds when full.</param>
public readonly record struct DeduplicationEviction(string Key, bool WasCompleted, TimeSpan TimeLeft, int Capacity);
