using System;
using System.Collections.Generic;
using System.Net;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;
using Hooksmith.Webhooks;
using StackExchange.Redis;

namespace Hooksmith.Redis.Tests;

/// <summary>
/// When Redis does not answer, each call fails after the store's own <see cref="RedisDeduplicationStoreOptions.OperationTimeout"/>
/// with a <see cref="TimeoutException"/> (the receiver answers 503), not after the connection's timeouts, which are
/// set far longer here so that only the store's bound can explain the failure.
/// </summary>
public sealed class RedisOutageTests : IAsyncLifetime
{
    private readonly TcpListener _silent = new(IPAddress.Loopback, 0);
    private readonly List<Socket> _accepted = [];
    private readonly CancellationTokenSource _stop = new();
    private Task? _acceptLoop;

    public Task InitializeAsync()
    {
        // A server that takes connections and never says a word: Redis frozen, or a network that drops answers.
        _silent.Start();
        _acceptLoop = Task.Run(async () =>
        {
            try
            {
                while (!_stop.IsCancellationRequested)
                {
                    var socket = await _silent.AcceptSocketAsync(_stop.Token);
                    lock (_accepted)
                    {
                        _accepted.Add(socket);
                    }
                }
            }
            catch (OperationCanceledException)
            {
            }
        });
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _stop.CancelAsync();
        _silent.Stop();
        if (_acceptLoop is not null)
        {
            await _acceptLoop;
        }

        lock (_accepted)
        {
            foreach (var socket in _accepted)
            {
                socket.Dispose();
            }
        }

        _stop.Dispose();
    }

    private async Task<ConnectionMultiplexer> ConnectToSilentServer()
    {
        var options = new ConfigurationOptions
        {
            EndPoints = { new IPEndPoint(IPAddress.Loopback, ((IPEndPoint)_silent.LocalEndpoint).Port) },
            AbortOnConnectFail = false,
            ConnectTimeout = 1_000,
            AsyncTimeout = 60_000,
            SyncTimeout = 60_000,
            ConnectRetry = 0,
        };
        return await ConnectionMultiplexer.ConnectAsync(options);
    }

    [Theory]
    [InlineData(50)]
    [InlineData(200)]
    [InlineData(500)]
    public async Task Every_call_fails_with_a_timeout_after_the_stores_own_bound(int milliseconds)
    {
        await using var connection = await ConnectToSilentServer();
        var bound = TimeSpan.FromMilliseconds(milliseconds);
        var store = new RedisDeduplicationStore(connection, new RedisDeduplicationStoreOptions { OperationTimeout = bound, CompletionWait = bound });

        await Assert.ThrowsAsync<TimeoutException>(async () => await store.TryBeginAsync("evt_1"));
        var claim = new DeduplicationClaim("evt_1", DeduplicationStatus.Began, "token");
        await Assert.ThrowsAsync<TimeoutException>(async () => await store.CompleteAsync(claim));
        await Assert.ThrowsAsync<TimeoutException>(async () => await store.AbandonAsync(claim));

        // None is forgotten: the release of the claim the first call may have taken, the completion and the release are
        // retried until Redis answers (here it never does).
        Assert.Equal(3, store.PendingWrites);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-5)]
    public void A_completion_wait_that_is_not_positive_is_refused(int milliseconds)
    {
        using var connection = ConnectionMultiplexer.Connect(new ConfigurationOptions { EndPoints = { "127.0.0.1:1" }, AbortOnConnectFail = false, ConnectRetry = 0 });
        Assert.Throws<ArgumentOutOfRangeException>(() => new RedisDeduplicationStore(connection, new RedisDeduplicationStoreOptions { CompletionWait = TimeSpan.FromMilliseconds(milliseconds) }));
    }

    [Fact]
    public async Task The_default_bound_is_at_most_half_a_second()
    {
        Assert.True(new RedisDeduplicationStoreOptions().OperationTimeout <= TimeSpan.FromMilliseconds(500));
        await using var connection = await ConnectToSilentServer();
        var store = new RedisDeduplicationStore(connection);

        await Assert.ThrowsAsync<TimeoutException>(async () => await store.TryBeginAsync("evt_1"));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-5)]
    public void A_timeout_that_is_not_positive_is_refused(int milliseconds)
    {
        using var connection = ConnectionMultiplexer.Connect(new ConfigurationOptions { EndPoints = { "127.0.0.1:1" }, AbortOnConnectFail = false, ConnectRetry = 0 });
        Assert.Throws<ArgumentOutOfRangeException>(() => new RedisDeduplicationStore(connection, new RedisDeduplicationStoreOptions { OperationTimeout = TimeSpan.FromMilliseconds(milliseconds) }));
    }
}
