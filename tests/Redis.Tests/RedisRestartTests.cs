using System;
using System.Collections.Concurrent;
using System.Linq;
using System.Net;
using System.Threading;
using System.Threading.Tasks;
using Hooksmith.Redis.Tests.Infrastructure;
using Hooksmith.Webhooks;
using StackExchange.Redis;
using Xunit.Abstractions;

namespace Hooksmith.Redis.Tests;

/// <summary>
/// Redis killed (<c>kill -9</c>) and started again under the store, with every acknowledged write persisted
/// (<c>appendonly yes</c>, <c>appendfsync always</c>): what was handled stays handled, a completion Redis could not
/// take is written when it returns, and a claim whose caller gave up is released instead of holding the event's
/// retries until the lease.
/// </summary>
public sealed class RedisRestartTests(ITestOutputHelper output)
{
    // Long enough that no claim expires during a test: a delivery that is answered only by a claim expiring fails it.
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(10);

    private static RedisDeduplicationStore Store(IConnectionMultiplexer connection, TimeSpan? operationTimeout = null, TimeSpan? completionWait = null)
        => new(connection, new RedisDeduplicationStoreOptions
        {
            Lease = Lease,
            OperationTimeout = operationTimeout ?? TimeSpan.FromSeconds(30),
            CompletionWait = completionWait ?? TimeSpan.FromSeconds(60),
        });

    // Polls until the condition holds; the bound only keeps a condition that never comes from hanging the run.
    private static async Task Eventually(Func<Task<bool>> condition, string what)
    {
        for (var polls = 0; !await condition(); polls++)
        {
            Assert.True(polls < 3_000, "Never came true: " + what);
            await Task.Delay(20);
        }
    }

    private static async Task<string?> RawValue(IConnectionMultiplexer connection, string key)
        => await connection.GetDatabase().StringGetAsync(RedisDeduplicationStoreOptions.DefaultKeyPrefix + key);

    [Fact]
    public async Task A_handled_event_stays_handled_through_a_kill_and_restart()
    {
        await using var redis = await RestartableRedisServer.StartAsync();
        await using var connection = await redis.ConnectAsync();
        var store = Store(connection);
        var claim = await store.TryBeginAsync("evt_1");
        await store.CompleteAsync(claim);
        var held = await store.TryBeginAsync("evt_2");

        await redis.KillAsync();
        await redis.StartAgainAsync();

        await using var other = await redis.ConnectAsync();
        Assert.Equal(DeduplicationStatus.AlreadyProcessed, (await Store(other).TryBeginAsync("evt_1")).Status);
        Assert.Equal(DeduplicationStatus.InProgress, (await Store(other).TryBeginAsync("evt_2")).Status);
        Assert.Equal("inprogress:" + held.Token, await RawValue(other, "evt_2"));
    }

    [Fact]
    public async Task A_completion_redis_could_not_take_is_written_when_it_returns_before_the_delivery_is_answered()
    {
        await using var redis = await RestartableRedisServer.StartAsync();
        await using var connection = await redis.ConnectAsync();
        var store = Store(connection, operationTimeout: TimeSpan.FromMilliseconds(200));
        var claim = await store.TryBeginAsync("evt_1");

        // The handler ran; Redis dies before the completion is written.
        await redis.KillAsync();
        var completing = store.CompleteAsync(claim).AsTask();
        await Eventually(() => Task.FromResult(store.PendingWrites == 1), "the completion is pending");
        Assert.False(completing.IsCompleted);
        await redis.StartAgainAsync();

        await completing;
        Assert.Equal(0, store.PendingWrites);
        await using var other = await redis.ConnectAsync();
        Assert.Equal("done", await RawValue(other, "evt_1"));
        Assert.Equal(DeduplicationStatus.AlreadyProcessed, (await Store(other).TryBeginAsync("evt_1")).Status);
    }

    [Fact]
    public async Task Until_redis_takes_a_completion_the_store_answers_already_processed_and_writes_it_later()
    {
        await using var redis = await RestartableRedisServer.StartAsync();
        await using var connection = await redis.ConnectAsync();
        var store = Store(connection, operationTimeout: TimeSpan.FromMilliseconds(100), completionWait: TimeSpan.FromMilliseconds(100));
        var claims = await Task.WhenAll(Enumerable.Range(1, 20).Select(i => store.TryBeginAsync($"evt_{i}").AsTask()));

        await redis.KillAsync();
        foreach (var claim in claims)
        {
            var failure = await Assert.ThrowsAsync<TimeoutException>(() => store.CompleteAsync(claim).AsTask());
            Assert.Contains("written again", failure.Message, StringComparison.Ordinal);
        }

        Assert.Equal(20, store.PendingWrites);
        foreach (var claim in claims)
        {
            Assert.Equal(DeduplicationStatus.AlreadyProcessed, (await store.TryBeginAsync(claim.Key)).Status);
        }

        await redis.StartAgainAsync();
        await Eventually(() => Task.FromResult(store.PendingWrites == 0), "every completion is written");
        await using var other = await redis.ConnectAsync();
        foreach (var claim in claims)
        {
            Assert.Equal("done", await RawValue(other, claim.Key));
        }
    }

    [Fact]
    public async Task A_claim_taken_by_a_command_its_caller_gave_up_on_is_released_when_redis_returns()
    {
        await using var redis = await RestartableRedisServer.StartAsync();
        await using var connection = await redis.ConnectAsync();
        var store = Store(connection, operationTimeout: TimeSpan.FromMilliseconds(100));
        var held = await store.TryBeginAsync("evt_abandoned");

        await redis.KillAsync();

        // While Redis is away the claims wait in the client's backlog, and are sent when it reconnects: after their
        // callers answered 503. And an abandon that did not reach Redis.
        for (var i = 1; i <= 10; i++)
        {
            await Assert.ThrowsAnyAsync<Exception>(() => store.TryBeginAsync($"evt_{i}").AsTask());
        }

        await Assert.ThrowsAnyAsync<Exception>(() => store.AbandonAsync(held).AsTask());
        await redis.StartAgainAsync();

        await Eventually(() => Task.FromResult(store.PendingWrites == 0), "every release is made");
        await using var other = await redis.ConnectAsync();
        var retry = Store(other);
        for (var i = 1; i <= 10; i++)
        {
            Assert.Equal(DeduplicationStatus.Began, (await retry.TryBeginAsync($"evt_{i}")).Status);
        }

        Assert.Equal(DeduplicationStatus.Began, (await retry.TryBeginAsync("evt_abandoned")).Status);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public async Task Deliveries_at_two_instances_through_kills_and_restarts_run_each_handler_once_and_are_all_acknowledged(int seed)
    {
        await using var redis = await RestartableRedisServer.StartAsync();
        await using var first = await redis.ConnectAsync();
        await using var second = await redis.ConnectAsync();
        var instances = new[] { Store(first, TimeSpan.FromMilliseconds(200), TimeSpan.FromMilliseconds(500)), Store(second, TimeSpan.FromMilliseconds(200), TimeSpan.FromMilliseconds(500)) };
        var random = new Random(seed);
        const int Events = 200;
        const int SendsPerEvent = 3;
        var runs = new ConcurrentDictionary<string, int>();
        var answers = new ConcurrentDictionary<string, int>();
        var attempts = 0;

        // A provider: each event sent several times, to either instance, each send retried until it is acknowledged.
        var sends = Enumerable.Range(0, Events).SelectMany(e => Enumerable.Range(0, SendsPerEvent).Select(_ => ($"evt_{seed}_{e}", random.Next(2), random.Next(50))))
            .OrderBy(_ => random.Next()).ToArray();
        using var stop = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        async Task Deliver((string Id, int Instance, int Delay) send)
        {
            await Task.Delay(send.Delay);
            for (var attempt = 0; !stop.IsCancellationRequested; attempt++)
            {
                Interlocked.Increment(ref attempts);
                var store = instances[(send.Instance + attempt) % 2];
                DeduplicationClaim claim;
                try
                {
                    claim = await store.TryBeginAsync(send.Id);
                }
                catch (Exception e) when (e is RedisException or TimeoutException)
                {
                    await Task.Delay(20);
                    continue;   // 503: retried
                }

                if (claim.Status == DeduplicationStatus.InProgress)
                {
                    await Task.Delay(20);
                    continue;   // 409: retried
                }

                if (claim.ShouldProcess)
                {
                    runs.AddOrUpdate(send.Id, 1, (_, n) => n + 1);
                    await Task.Delay(random.Next(5));
                    try
                    {
                        await store.CompleteAsync(claim);
                    }
                    catch (Exception e) when (e is RedisException or TimeoutException)
                    {
                        // The receiver answers 2xx all the same: the handler ran.
                    }
                }

                answers.AddOrUpdate(send.Id, 1, (_, n) => n + 1);
                return;
            }
        }

        var delivering = Task.WhenAll(sends.Select(send => Task.Run(() => Deliver(send))));
        var restarts = 0;
        while (!delivering.IsCompleted && restarts < 3)
        {
            await Task.Delay(random.Next(20, 120));
            await redis.KillAsync();
            await Task.Delay(random.Next(0, 300));
            await redis.StartAgainAsync();
            restarts++;
        }

        await delivering;
        output.WriteLine($"seed {seed}: {sends.Length} deliveries, {attempts} attempts, {restarts} kills and restarts");
        Assert.False(stop.IsCancellationRequested, "Some deliveries were never acknowledged: " + string.Join(", ", sends.Select(s => s.Item1).Distinct().Where(id => !answers.ContainsKey(id)).Take(20)));
        Assert.Equal(Events, runs.Count);
        Assert.All(runs, run => Assert.Equal(1, run.Value));
        Assert.Equal(Events * SendsPerEvent, answers.Values.Sum());
        await Eventually(() => Task.FromResult(instances.All(store => store.PendingWrites == 0)), "every pending write is made");
    }

    [Fact]
    public async Task The_scripts_are_loaded_when_the_store_is_created_so_the_first_claim_sends_only_their_hash()
    {
        await using var redis = await RestartableRedisServer.StartAsync();
        await using var admin = await redis.ConnectAsync(allowAdmin: true);
        var server = admin.GetServer(new IPEndPoint(IPAddress.Loopback, redis.Port));
        await using var connection = await redis.ConnectAsync();
        var store = Store(connection);

        Assert.True(await store.WarmUpAsync());
        await server.ExecuteAsync("CONFIG", "RESETSTAT");
        var claim = await store.TryBeginAsync("evt_1");
        await store.AbandonAsync(claim);

        var stats = (string?)await server.ExecuteAsync("INFO", "commandstats") ?? string.Empty;
        Assert.DoesNotContain("cmdstat_eval:", stats, StringComparison.Ordinal);
        Assert.Contains("cmdstat_evalsha:calls=2", stats, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_store_created_while_redis_is_away_still_works_when_it_returns()
    {
        await using var redis = await RestartableRedisServer.StartAsync();
        await using var connection = await redis.ConnectAsync();
        await redis.KillAsync();
        var store = Store(connection);

        Assert.False(await store.WarmUpAsync());
        await redis.StartAgainAsync();
        await Eventually(() => Task.FromResult(connection.IsConnected), "the connection is back");
        Assert.Equal(DeduplicationStatus.Began, (await store.TryBeginAsync("evt_1")).Status);
    }
}
