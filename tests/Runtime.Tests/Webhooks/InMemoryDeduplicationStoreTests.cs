using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Hooksmith.Webhooks;

namespace Hooksmith.Runtime.Tests.Webhooks;

public sealed class InMemoryDeduplicationStoreTests
{
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(1);
    private static readonly TimeSpan Retention = TimeSpan.FromHours(1);

    private readonly ManualTimeProvider _clock = ManualTimeProvider.AtUnixSeconds(1_700_000_000);

    private InMemoryDeduplicationStore Store(int maxEntries = 1_000)
        => new(new InMemoryDeduplicationStoreOptions { Lease = Lease, Retention = Retention, MaxEntries = maxEntries }, _clock);

    private static async Task<DeduplicationClaim> Process(InMemoryDeduplicationStore store, string key)
    {
        var claim = await store.TryBeginAsync(key);
        if (claim.ShouldProcess)
        {
            await store.CompleteAsync(claim);
        }

        return claim;
    }

    [Fact]
    public async Task A_sequential_duplicate_is_already_processed()
    {
        var store = Store();

        var first = await store.TryBeginAsync("evt_1");
        Assert.Equal(DeduplicationStatus.Began, first.Status);
        Assert.True(first.ShouldProcess);
        Assert.NotNull(first.Token);
        await store.CompleteAsync(first);

        var second = await store.TryBeginAsync("evt_1");
        Assert.Equal(DeduplicationStatus.AlreadyProcessed, second.Status);
        Assert.False(second.ShouldProcess);
        Assert.Null(second.Token);
    }

    [Fact]
    public async Task A_duplicate_while_the_first_is_running_is_in_progress()
    {
        var store = Store();

        await store.TryBeginAsync("evt_1");

        Assert.Equal(DeduplicationStatus.InProgress, (await store.TryBeginAsync("evt_1")).Status);
        Assert.Equal(DeduplicationStatus.Began, (await store.TryBeginAsync("evt_2")).Status);
    }

    [Fact]
    public async Task An_abandoned_delivery_can_be_retried()
    {
        var store = Store();
        var failed = await store.TryBeginAsync("evt_1");

        await store.AbandonAsync(failed);
        var retry = await store.TryBeginAsync("evt_1");

        Assert.Equal(DeduplicationStatus.Began, retry.Status);
        Assert.NotEqual(failed.Token, retry.Token);
    }

    [Fact]
    public async Task Abandoning_after_completion_does_not_forget_the_completion()
    {
        var store = Store();
        var claim = await store.TryBeginAsync("evt_1");
        await store.CompleteAsync(claim);

        await store.AbandonAsync(claim);

        Assert.Equal(DeduplicationStatus.AlreadyProcessed, (await store.TryBeginAsync("evt_1")).Status);
    }

    [Fact]
    public async Task Concurrent_claims_of_one_key_let_exactly_one_begin()
    {
        const int participants = 100;
        var store = Store();
        using var barrier = new Barrier(participants);

        // Dedicated threads: a barrier of 100 would starve the thread pool.
        var tasks = Enumerable.Range(0, participants)
            .Select(_ => Task.Factory.StartNew(
                () =>
                {
                    barrier.SignalAndWait();
                    return store.TryBeginAsync("evt_1").AsTask().GetAwaiter().GetResult();
                },
                CancellationToken.None,
                TaskCreationOptions.LongRunning,
                TaskScheduler.Default))
            .ToArray();
        var claims = await Task.WhenAll(tasks);

        Assert.Equal(1, claims.Count(c => c.Status == DeduplicationStatus.Began));
        Assert.Equal(participants - 1, claims.Count(c => c.Status == DeduplicationStatus.InProgress));
    }

    [Fact]
    public async Task Concurrent_deliveries_of_many_events_process_each_event_exactly_once()
    {
        const int participants = 100;
        const int events = 10;
        var store = Store();
        using var barrier = new Barrier(participants);

        var tasks = Enumerable.Range(0, participants)
            .Select(i => Task.Factory.StartNew(
                () =>
                {
                    barrier.SignalAndWait();
                    return Process(store, "evt_" + (i % events)).GetAwaiter().GetResult();
                },
                CancellationToken.None,
                TaskCreationOptions.LongRunning,
                TaskScheduler.Default))
            .ToArray();
        var claims = await Task.WhenAll(tasks);

        Assert.Equal(events, claims.Count(c => c.Status == DeduplicationStatus.Began));
        Assert.Equal(events, claims.Where(c => c.ShouldProcess).Select(c => c.Key).Distinct().Count());
    }

    [Fact]
    public async Task An_expired_lease_lets_a_retry_in()
    {
        var store = Store();
        await store.TryBeginAsync("evt_1");   // the worker crashes and never completes

        _clock.Advance(Lease - TimeSpan.FromSeconds(1));
        Assert.Equal(DeduplicationStatus.InProgress, (await store.TryBeginAsync("evt_1")).Status);

        _clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(DeduplicationStatus.Began, (await store.TryBeginAsync("evt_1")).Status);
    }

    [Fact]
    public async Task A_stale_attempt_cannot_release_the_claim_of_the_attempt_that_took_over()
    {
        var store = Store();
        var stale = await store.TryBeginAsync("evt_1");
        _clock.Advance(Lease);
        var current = await store.TryBeginAsync("evt_1");
        Assert.True(current.ShouldProcess);

        await store.AbandonAsync(stale);

        Assert.Equal(DeduplicationStatus.InProgress, (await store.TryBeginAsync("evt_1")).Status);
    }

    [Fact]
    public async Task A_stale_attempt_that_finishes_still_marks_the_event_processed()
    {
        var store = Store();
        var stale = await store.TryBeginAsync("evt_1");
        _clock.Advance(Lease);
        var current = await store.TryBeginAsync("evt_1");

        await store.CompleteAsync(stale);
        Assert.Equal(DeduplicationStatus.AlreadyProcessed, (await store.TryBeginAsync("evt_1")).Status);

        await store.AbandonAsync(current);   // the takeover fails afterwards: the completion stands
        Assert.Equal(DeduplicationStatus.AlreadyProcessed, (await store.TryBeginAsync("evt_1")).Status);
    }

    [Fact]
    public async Task A_completion_is_forgotten_after_the_retention()
    {
        var store = Store();
        await Process(store, "evt_1");

        _clock.Advance(Retention - TimeSpan.FromSeconds(1));
        Assert.Equal(DeduplicationStatus.AlreadyProcessed, (await store.TryBeginAsync("evt_1")).Status);

        _clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(0, store.Count);
        Assert.Equal(DeduplicationStatus.Began, (await store.TryBeginAsync("evt_1")).Status);
    }

    [Fact]
    public async Task The_bound_evicts_the_oldest_completed_entry_first()
    {
        var store = Store(maxEntries: 3);
        await store.TryBeginAsync("running");      // oldest of all, but in progress
        await Process(store, "done_1");            // oldest completion
        await Process(store, "done_2");

        await store.TryBeginAsync("new");          // full: evicts done_1

        Assert.Equal(3, store.Count);
        Assert.Equal(DeduplicationStatus.InProgress, (await store.TryBeginAsync("running")).Status);
        Assert.Equal(DeduplicationStatus.AlreadyProcessed, (await store.TryBeginAsync("done_2")).Status);
        Assert.Equal(DeduplicationStatus.InProgress, (await store.TryBeginAsync("new")).Status);
        Assert.Equal(DeduplicationStatus.Began, (await store.TryBeginAsync("done_1")).Status);
    }

    [Fact]
    public async Task The_bound_drops_the_oldest_claim_only_when_nothing_is_completed()
    {
        var store = Store(maxEntries: 2);
        await store.TryBeginAsync("a");
        await store.TryBeginAsync("b");

        await store.TryBeginAsync("c");            // full of claims: evicts a

        Assert.Equal(2, store.Count);
        Assert.Equal(DeduplicationStatus.InProgress, (await store.TryBeginAsync("b")).Status);
        Assert.Equal(DeduplicationStatus.InProgress, (await store.TryBeginAsync("c")).Status);
        Assert.Equal(DeduplicationStatus.Began, (await store.TryBeginAsync("a")).Status);
    }

    [Fact]
    public async Task Expired_entries_make_room_before_anything_is_evicted()
    {
        var store = Store(maxEntries: 2);
        await store.TryBeginAsync("crashed");
        _clock.Advance(Lease);
        await Process(store, "done");

        await store.TryBeginAsync("new");          // the expired claim goes, not the completion

        Assert.Equal(DeduplicationStatus.AlreadyProcessed, (await store.TryBeginAsync("done")).Status);
    }

    [Fact]
    public async Task Only_a_begun_claim_can_be_completed_or_abandoned()
    {
        var store = Store();
        await Process(store, "evt_1");
        var duplicate = await store.TryBeginAsync("evt_1");

        await Assert.ThrowsAsync<ArgumentException>(() => store.CompleteAsync(duplicate).AsTask());
        await Assert.ThrowsAsync<ArgumentException>(() => store.AbandonAsync(default).AsTask());
    }

    [Fact]
    public async Task A_cancelled_call_is_cancelled()
    {
        var store = Store();
        using var cancellation = new CancellationTokenSource();
        await cancellation.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => store.TryBeginAsync("evt_1", cancellation.Token).AsTask());
        Assert.Equal(0, store.Count);
    }

    [Fact]
    public void Invalid_options_are_rejected()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new InMemoryDeduplicationStore(new InMemoryDeduplicationStoreOptions { Lease = TimeSpan.Zero }));
        Assert.Throws<ArgumentOutOfRangeException>(() => new InMemoryDeduplicationStore(new InMemoryDeduplicationStoreOptions { Retention = TimeSpan.FromSeconds(-1) }));
        Assert.Throws<ArgumentOutOfRangeException>(() => new InMemoryDeduplicationStore(new InMemoryDeduplicationStoreOptions { MaxEntries = 0 }));
        Assert.Throws<ArgumentException>(() => new InMemoryDeduplicationStore().TryBeginAsync(""));
    }
}
