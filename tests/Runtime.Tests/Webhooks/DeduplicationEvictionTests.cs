using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using Hooksmith.Webhooks;

namespace Hooksmith.Runtime.Tests.Webhooks;

/// <summary>
/// A full in-memory store forgets keys before their retention: every such key is counted and reported, so that
/// the shortfall is visible (a metric, a log), never silent.
/// </summary>
public sealed class DeduplicationEvictionTests
{
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(1);
    private static readonly TimeSpan Retention = TimeSpan.FromHours(1);

    private static async Task Process(InMemoryDeduplicationStore store, string key)
    {
        var claim = await store.TryBeginAsync(key);
        if (claim.ShouldProcess)
        {
            await store.CompleteAsync(claim);
        }
    }

    public static TheoryData<int> Seeds() => new() { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12 };

    [Theory]
    [MemberData(nameof(Seeds))]
    public async Task Every_key_dropped_before_its_retention_is_counted_and_reported_oldest_first(int seed)
    {
        var random = new Random(seed);
        var capacity = random.Next(1, 40);
        var events = random.Next(0, capacity * 3);
        var clock = ManualTimeProvider.AtUnixSeconds(1_700_000_000);
        var reported = new List<DeduplicationEviction>();
        var store = new InMemoryDeduplicationStore(
            new InMemoryDeduplicationStoreOptions { Lease = Lease, Retention = Retention, MaxEntries = capacity, Evicted = reported.Add },
            clock);

        for (var i = 0; i < events; i++)
        {
            await Process(store, $"evt_{i}");
        }

        var expectedDropped = Math.Max(0, events - capacity);
        Assert.Equal(expectedDropped, store.EvictedBeforeExpiry);
        Assert.Equal(Enumerable.Range(0, expectedDropped).Select(i => $"evt_{i}"), reported.Select(e => e.Key));
        Assert.All(reported, e => Assert.Equal((true, Retention, capacity), (e.WasCompleted, e.TimeLeft, e.Capacity)));

        // The forgotten ones would be handled again; the remembered ones are still duplicates.
        if (expectedDropped > 0)
        {
            Assert.Equal(DeduplicationStatus.Began, (await store.TryBeginAsync("evt_0")).Status);
        }

        if (events > 0)
        {
            Assert.Equal(DeduplicationStatus.AlreadyProcessed, (await store.TryBeginAsync($"evt_{events - 1}")).Status);
        }
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public async Task Keys_that_expired_make_room_without_counting_as_evicted(int seed)
    {
        var random = new Random(seed);
        var capacity = random.Next(1, 30);
        var clock = ManualTimeProvider.AtUnixSeconds(1_700_000_000);
        var reported = new List<DeduplicationEviction>();
        var store = new InMemoryDeduplicationStore(
            new InMemoryDeduplicationStoreOptions { Lease = Lease, Retention = Retention, MaxEntries = capacity, Evicted = reported.Add },
            clock);

        for (var round = 0; round < 4; round++)
        {
            for (var i = 0; i < capacity; i++)
            {
                await Process(store, $"evt_{round}_{i}");
            }

            clock.Advance(Retention);
        }

        Assert.Equal(0, store.EvictedBeforeExpiry);
        Assert.Empty(reported);
    }

    [Fact]
    public async Task A_claim_in_progress_is_dropped_only_when_every_key_is_in_progress_and_is_reported_as_such()
    {
        var clock = ManualTimeProvider.AtUnixSeconds(1_700_000_000);
        var reported = new List<DeduplicationEviction>();
        var store = new InMemoryDeduplicationStore(
            new InMemoryDeduplicationStoreOptions { Lease = Lease, Retention = Retention, MaxEntries = 2, Evicted = reported.Add },
            clock);

        await store.TryBeginAsync("a");
        clock.Advance(TimeSpan.FromSeconds(10));
        await store.TryBeginAsync("b");
        await store.TryBeginAsync("c");

        var eviction = Assert.Single(reported);
        Assert.Equal(("a", false, Lease - TimeSpan.FromSeconds(10)), (eviction.Key, eviction.WasCompleted, eviction.TimeLeft));
        Assert.Equal(1, store.EvictedBeforeExpiry);
    }
}
