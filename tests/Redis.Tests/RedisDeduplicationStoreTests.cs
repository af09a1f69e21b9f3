using System;
using System.Linq;
using System.Net;
using System.Threading;
using System.Threading.Tasks;
using Hooksmith.Redis.Tests.Infrastructure;
using Hooksmith.Webhooks;
using StackExchange.Redis;

namespace Hooksmith.Redis.Tests;

[Collection(RedisCollection.Name)]
public sealed class RedisDeduplicationStoreTests(RedisServerFixture redis)
{
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(1);
    private static readonly TimeSpan Retention = TimeSpan.FromHours(1);
    private static readonly TimeSpan Short = TimeSpan.FromMilliseconds(200);
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    // Each test has keys of its own, so that tests sharing the server cannot see each other's.
    private readonly string _prefix = "test:" + Guid.NewGuid().ToString("N") + ":";

    private RedisDeduplicationStore Store(IConnectionMultiplexer? connection = null, TimeSpan? lease = null, TimeSpan? retention = null, string? prefix = null)
        => new(connection ?? redis.Connection, new RedisDeduplicationStoreOptions
        {
            Lease = lease ?? Lease,
            Retention = retention ?? Retention,
            KeyPrefix = prefix ?? _prefix,

            // These tests are about the protocol; the store's own timeout has RedisOutageTests. A first script
            // evaluation on a busy CI machine can take longer than the 500 ms default.
            OperationTimeout = Patience,
        });

    private RedisKey Raw(string key) => _prefix + key;

    private async Task<string?> RawValue(string key) => await redis.Database.StringGetAsync(Raw(key));

    private static async Task<DeduplicationClaim> Process(RedisDeduplicationStore store, string key)
    {
        var claim = await store.TryBeginAsync(key);
        if (claim.ShouldProcess)
        {
            await store.CompleteAsync(claim);
        }

        return claim;
    }

    // Waits for Redis to expire a key; the bound only keeps a key that never expires from hanging the run.
    private async Task WaitUntilExpired(string key)
    {
        for (var polls = 0; await redis.Database.KeyExistsAsync(Raw(key)); polls++)
        {
            Assert.True(polls < 1_200, $"The key {Raw(key)} did not expire (its time to live: {await TimeToLiveMilliseconds(key)} ms).");
            await Task.Delay(25);
        }
    }

    private async Task<long> TimeToLiveMilliseconds(string key)
        => (long)(await redis.Database.ExecuteAsync("PTTL", Raw(key)));

    [Fact]
    public async Task A_completed_event_is_already_processed()
    {
        var store = Store();

        var first = await store.TryBeginAsync("evt_1");
        Assert.Equal(DeduplicationStatus.Began, first.Status);
        Assert.Matches("^[0-9a-f]{32}$", first.Token);
        Assert.Equal("inprogress:" + first.Token, await RawValue("evt_1"));
        Assert.InRange(await TimeToLiveMilliseconds("evt_1"), 1, (long)Lease.TotalMilliseconds);

        await store.CompleteAsync(first);
        Assert.Equal("done", await RawValue("evt_1"));
        Assert.InRange(await TimeToLiveMilliseconds("evt_1"), (long)Lease.TotalMilliseconds + 1, (long)Retention.TotalMilliseconds);

        var second = await store.TryBeginAsync("evt_1");
        Assert.Equal(DeduplicationStatus.AlreadyProcessed, second.Status);
        Assert.False(second.ShouldProcess);
        Assert.Null(second.Token);
    }

    [Fact]
    public async Task A_duplicate_at_another_instance_while_the_first_runs_is_in_progress()
    {
        await using var other = await redis.ConnectAsync();
        var here = Store();
        var there = Store(other);

        var running = await here.TryBeginAsync("evt_1");

        Assert.Equal(DeduplicationStatus.InProgress, (await there.TryBeginAsync("evt_1")).Status);
        Assert.Equal(DeduplicationStatus.Began, (await there.TryBeginAsync("evt_2")).Status);
        await here.CompleteAsync(running);
        Assert.Equal(DeduplicationStatus.AlreadyProcessed, (await there.TryBeginAsync("evt_1")).Status);
    }

    [Fact]
    public async Task An_abandoned_delivery_can_be_retried()
    {
        var store = Store();
        var failed = await store.TryBeginAsync("evt_1");

        await store.AbandonAsync(failed);
        Assert.False(await redis.Database.KeyExistsAsync(Raw("evt_1")));

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

        Assert.Equal("done", await RawValue("evt_1"));
        Assert.Equal(DeduplicationStatus.AlreadyProcessed, (await store.TryBeginAsync("evt_1")).Status);
    }

    [Fact]
    public async Task An_expired_lease_lets_a_new_attempt_begin()
    {
        await using var other = await redis.ConnectAsync();
        var crashing = Store(lease: Short);
        Assert.True((await crashing.TryBeginAsync("evt_1")).ShouldProcess);   // the worker crashes and never completes

        await WaitUntilExpired("evt_1");

        var retry = await Store(other).TryBeginAsync("evt_1");
        Assert.Equal(DeduplicationStatus.Began, retry.Status);
    }

    [Fact]
    public async Task A_stale_attempt_cannot_release_the_claim_of_the_attempt_that_took_over()
    {
        var slow = Store(lease: Short);
        var stale = await slow.TryBeginAsync("evt_1");
        await WaitUntilExpired("evt_1");
        var takeover = Store();
        var current = await takeover.TryBeginAsync("evt_1");
        Assert.True(current.ShouldProcess);

        await slow.AbandonAsync(stale);

        Assert.Equal("inprogress:" + current.Token, await RawValue("evt_1"));
        Assert.Equal(DeduplicationStatus.InProgress, (await takeover.TryBeginAsync("evt_1")).Status);
    }

    [Fact]
    public async Task A_stale_attempt_that_finishes_still_marks_the_event_processed()
    {
        var slow = Store(lease: Short);
        var stale = await slow.TryBeginAsync("evt_1");
        await WaitUntilExpired("evt_1");
        var takeover = Store();
        var current = await takeover.TryBeginAsync("evt_1");

        await slow.CompleteAsync(stale);
        Assert.Equal(DeduplicationStatus.AlreadyProcessed, (await takeover.TryBeginAsync("evt_1")).Status);

        await takeover.AbandonAsync(current);   // the takeover fails afterwards: the completion stands
        await slow.AbandonAsync(stale);
        Assert.Equal("done", await RawValue("evt_1"));
        Assert.Equal(DeduplicationStatus.AlreadyProcessed, (await takeover.TryBeginAsync("evt_1")).Status);
    }

    [Fact]
    public async Task A_completion_is_forgotten_after_the_retention()
    {
        // The retention itself is checked in A_completed_event_is_already_processed; a read here
        // could come after 200 ms on a busy machine.
        var store = Store(retention: Short);
        Assert.True((await Process(store, "evt_1")).ShouldProcess);

        await WaitUntilExpired("evt_1");

        Assert.Equal(DeduplicationStatus.Began, (await store.TryBeginAsync("evt_1")).Status);
    }

    [Fact]
    public async Task Concurrent_claims_at_two_instances_let_exactly_one_begin()
    {
        const int participants = 50;
        await using var first = await redis.ConnectAsync();
        await using var second = await redis.ConnectAsync();
        RedisDeduplicationStore[] instances = [Store(first), Store(second)];

        for (var round = 0; round < 5; round++)
        {
            var key = "evt_" + round;
            var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var attempts = Enumerable.Range(0, participants)
                .Select(async i =>
                {
                    await start.Task;
                    return await instances[i % 2].TryBeginAsync(key);
                })
                .ToArray();
            start.SetResult();
            var claims = await Task.WhenAll(attempts);

            Assert.Equal(1, claims.Count(c => c.Status == DeduplicationStatus.Began));
            Assert.Equal(participants - 1, claims.Count(c => c.Status == DeduplicationStatus.InProgress));
            Assert.Equal("inprogress:" + claims.Single(c => c.ShouldProcess).Token, await RawValue(key));
        }
    }

    [Fact]
    public async Task Concurrent_deliveries_of_many_events_at_two_instances_process_each_event_once()
    {
        const int deliveries = 100;
        const int events = 10;
        await using var first = await redis.ConnectAsync();
        await using var second = await redis.ConnectAsync();
        RedisDeduplicationStore[] instances = [Store(first), Store(second)];
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        var work = Enumerable.Range(0, deliveries)
            .Select(async i =>
            {
                await start.Task;
                return await Process(instances[i % 2], "evt_" + ((i / 2) % events));
            })
            .ToArray();
        start.SetResult();
        var claims = await Task.WhenAll(work);

        Assert.Equal(events, claims.Count(c => c.ShouldProcess));
        Assert.Equal(events, claims.Where(c => c.ShouldProcess).Select(c => c.Key).Distinct().Count());
        for (var e = 0; e < events; e++)
        {
            Assert.Equal("done", await RawValue("evt_" + e));
        }
    }

    [Fact]
    public async Task Stores_with_different_key_prefixes_do_not_share_events()
    {
        var orders = Store(prefix: _prefix + "orders:");
        var billing = Store(prefix: _prefix + "billing:");

        var ordersClaim = await orders.TryBeginAsync("evt_1");
        var billingClaim = await billing.TryBeginAsync("evt_1");
        Assert.True(ordersClaim.ShouldProcess);
        Assert.True(billingClaim.ShouldProcess);

        await orders.CompleteAsync(ordersClaim);
        await orders.AbandonAsync(ordersClaim);
        Assert.Equal("done", await RawValue("orders:evt_1"));
        Assert.Equal("inprogress:" + billingClaim.Token, await RawValue("billing:evt_1"));
        Assert.Equal(DeduplicationStatus.InProgress, (await billing.TryBeginAsync("evt_1")).Status);
        Assert.False(await redis.Database.KeyExistsAsync(Raw("evt_1")));
    }

    [Fact]
    public async Task Keys_go_under_the_default_prefix_in_the_chosen_database()
    {
        var eventId = "evt_" + Guid.NewGuid().ToString("N");
        RedisKey redisKey = "hooksmith:dedup:" + eventId;
        var store = new RedisDeduplicationStore(redis.Connection, new RedisDeduplicationStoreOptions { OperationTimeout = Patience }, database: 3);
        Assert.Equal("hooksmith:dedup:", new RedisDeduplicationStoreOptions().KeyPrefix);

        try
        {
            var claim = await store.TryBeginAsync(eventId);

            Assert.Equal("inprogress:" + claim.Token, (string?)await redis.Connection.GetDatabase(3).StringGetAsync(redisKey));
            Assert.False(await redis.Database.KeyExistsAsync(redisKey));
        }
        finally
        {
            await redis.Connection.GetDatabase(3).KeyDeleteAsync(redisKey);
        }
    }

    [Fact]
    public async Task The_scripts_survive_a_flushed_script_cache()
    {
        var store = Store();
        await Process(store, "evt_1");

        // What a restarted or failed-over server looks like to the client: it knows the scripts no more.
        await redis.Connection.GetServer(new IPEndPoint(IPAddress.Loopback, redis.Port)).ScriptFlushAsync();

        Assert.Equal(DeduplicationStatus.AlreadyProcessed, (await store.TryBeginAsync("evt_1")).Status);
        var claim = await store.TryBeginAsync("evt_2");
        await redis.Connection.GetServer(new IPEndPoint(IPAddress.Loopback, redis.Port)).ScriptFlushAsync();
        await store.AbandonAsync(claim);
        Assert.False(await redis.Database.KeyExistsAsync(Raw("evt_2")));
    }

    [Fact]
    public async Task A_key_holding_data_the_store_did_not_write_fails_the_call()
    {
        var store = Store();
        await redis.Database.StringSetAsync(Raw("foreign"), "someone else's value");
        await redis.Database.HashSetAsync(Raw("hash"), "field", "value");

        var foreign = await Assert.ThrowsAsync<InvalidOperationException>(() => store.TryBeginAsync("foreign").AsTask());
        Assert.Contains(_prefix + "foreign", foreign.Message, StringComparison.Ordinal);
        await Assert.ThrowsAsync<RedisServerException>(() => store.TryBeginAsync("hash").AsTask());
        Assert.Equal("someone else's value", await RawValue("foreign"));
    }

    [Fact]
    public async Task An_unreachable_server_surfaces_as_a_redis_exception()
    {
        var unused = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        unused.Start();
        var port = ((IPEndPoint)unused.LocalEndpoint).Port;
        unused.Stop();   // nothing listens there now
        await using var nowhere = await ConnectionMultiplexer.ConnectAsync(new ConfigurationOptions
        {
            EndPoints = { new IPEndPoint(IPAddress.Loopback, port) },
            AbortOnConnectFail = false,
            ConnectTimeout = 500,
            AsyncTimeout = 1_000,
            BacklogPolicy = BacklogPolicy.FailFast,
        });
        var store = Store(nowhere);

        await Assert.ThrowsAnyAsync<RedisException>(() => store.TryBeginAsync("evt_1").AsTask());
    }

    [Fact]
    public async Task A_cancelled_call_changes_nothing()
    {
        var store = Store();
        using var cancellation = new CancellationTokenSource();
        await cancellation.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => store.TryBeginAsync("evt_1", cancellation.Token).AsTask());
        Assert.False(await redis.Database.KeyExistsAsync(Raw("evt_1")));

        var claim = await store.TryBeginAsync("evt_1");
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => store.CompleteAsync(claim, cancellation.Token).AsTask());
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => store.AbandonAsync(claim, cancellation.Token).AsTask());
        Assert.Equal("inprogress:" + claim.Token, await RawValue("evt_1"));
    }

    [Fact]
    public async Task Only_a_begun_claim_can_be_completed_or_abandoned()
    {
        var store = Store();
        await Process(store, "evt_1");
        var duplicate = await store.TryBeginAsync("evt_1");

        await Assert.ThrowsAsync<ArgumentException>(() => store.CompleteAsync(duplicate).AsTask());
        await Assert.ThrowsAsync<ArgumentException>(() => store.AbandonAsync(duplicate).AsTask());
        await Assert.ThrowsAsync<ArgumentException>(() => store.CompleteAsync(default).AsTask());
        await Assert.ThrowsAsync<ArgumentException>(() => store.AbandonAsync(default).AsTask());
        await Assert.ThrowsAsync<ArgumentException>(() => store.TryBeginAsync("").AsTask());
        await Assert.ThrowsAsync<ArgumentNullException>(() => store.TryBeginAsync(null!).AsTask());
    }

    [Fact]
    public void Invalid_options_are_rejected()
    {
        var connection = redis.Connection;

        Assert.Throws<ArgumentNullException>(() => new RedisDeduplicationStore(null!));
        Assert.Equal("Lease", Assert.Throws<ArgumentOutOfRangeException>(
            () => new RedisDeduplicationStore(connection, new RedisDeduplicationStoreOptions { Lease = TimeSpan.Zero })).ParamName);
        Assert.Equal("Lease", Assert.Throws<ArgumentOutOfRangeException>(
            () => new RedisDeduplicationStore(connection, new RedisDeduplicationStoreOptions { Lease = TimeSpan.FromSeconds(-1) })).ParamName);
        Assert.Equal("Retention", Assert.Throws<ArgumentOutOfRangeException>(
            () => new RedisDeduplicationStore(connection, new RedisDeduplicationStoreOptions { Retention = TimeSpan.Zero })).ParamName);
        Assert.Equal("KeyPrefix", Assert.Throws<ArgumentNullException>(
            () => new RedisDeduplicationStore(connection, new RedisDeduplicationStoreOptions { KeyPrefix = null! })).ParamName);
        Assert.Equal("database", Assert.Throws<ArgumentOutOfRangeException>(
            () => new RedisDeduplicationStore(connection, database: -2)).ParamName);
    }

    [Fact]
    public void The_defaults_match_the_in_memory_store()
    {
        var redisDefaults = new RedisDeduplicationStoreOptions();
        var inMemoryDefaults = new InMemoryDeduplicationStoreOptions();

        Assert.Equal(inMemoryDefaults.Lease, redisDefaults.Lease);
        Assert.Equal(inMemoryDefaults.Retention, redisDefaults.Retention);
        Assert.Equal(RedisDeduplicationStoreOptions.DefaultKeyPrefix, redisDefaults.KeyPrefix);
    }

    [Fact]
    public async Task A_lease_below_a_millisecond_is_rounded_up_to_one()
    {
        var store = Store(lease: TimeSpan.FromTicks(1), retention: TimeSpan.FromTicks(1));

        var claim = await store.TryBeginAsync("evt_1");   // Redis refuses PX 0: this would fail if it were sent
        Assert.True(claim.ShouldProcess);
        await store.CompleteAsync(claim);
    }
}
