using System;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using StackExchange.Redis;

namespace Hooksmith.Redis;

/// <summary>
/// The completions and releases of claims that Redis did not take when they were asked for (Redis down, restarting,
/// or too slow), retried in the background until Redis takes them or they stop mattering.
/// </summary>
/// <remarks>
/// <para>
/// Without it, a handler that ran while Redis went away leaves its claim <c>inprogress</c>: once the lease passes, a
/// later delivery of the same event runs the handler again. A claim taken by a command that the caller gave up on
/// (it answered 503) blocks the event's retries with 409 until the lease passes. Both are fixed here as long as this
/// process lives: a completion is written as soon as Redis answers again, and a claim this process may hold without
/// knowing is released by its token (compare-and-delete, so it can never release another attempt's claim).
/// </para>
/// <para>
/// One loop runs while writes are pending, each round trying all of them at once, then waiting longer after each round
/// that left some (50 ms doubling up to 1 s). A completion is kept until the retention passes, a release until the
/// lease passes (the claim has expired by then). At most <see cref="Capacity"/> writes are kept: beyond that a write is
/// refused, and its claim simply expires with its lease, as it would without this type.
/// </para>
/// </remarks>
internal sealed class PendingClaimWrites
{
    /// <summary>The most writes kept at once.</summary>
    internal const int Capacity = 100_000;

    private static readonly TimeSpan FirstPause = TimeSpan.FromMilliseconds(50);
    private static readonly TimeSpan LongestPause = TimeSpan.FromSeconds(1);

    private readonly ConcurrentDictionary<(PendingClaimWriteKind Kind, string Key, string Token), PendingClaimWrite> _writes = new();
    private readonly ConcurrentDictionary<string, int> _completing = new(StringComparer.Ordinal);
    private readonly Func<PendingClaimWrite, Task> _write;
    private int _running;

    /// <summary>Creates an empty set whose writes are made by <paramref name="write"/> (which bounds its own time).</summary>
    public PendingClaimWrites(Func<PendingClaimWrite, Task> write) => _write = write;

    /// <summary>How many writes are pending.</summary>
    public int Count => _writes.Count;

    /// <summary>Whether a completion of <paramref name="key"/> is pending: this process handled the event.</summary>
    public bool IsCompleting(string key) => _completing.ContainsKey(key);

    /// <summary>
    /// Keeps a write until it is made; the task answers <see langword="true"/> when it was, <see langword="false"/>
    /// when it stopped mattering or the connection was closed. <see langword="null"/> when the set is full.
    /// </summary>
    public Task<bool>? Add(PendingClaimWrite write)
    {
        if (_writes.Count >= Capacity)
        {
            return null;
        }

        var kept = _writes.GetOrAdd((write.Kind, write.Key, write.Token), write);
        if (ReferenceEquals(kept, write) && kept.Kind == PendingClaimWriteKind.Complete)
        {
            _completing.AddOrUpdate(kept.Key, 1, (_, count) => count + 1);
        }

        if (Interlocked.CompareExchange(ref _running, 1, 0) == 0)
        {
            _ = Task.Run(RunAsync);
        }

        return kept.Made.Task;
    }

    private async Task RunAsync()
    {
        var pause = FirstPause;
        while (true)
        {
            if (_writes.IsEmpty)
            {
                // Stop, unless a write was added after the check above and found the loop still running.
                Volatile.Write(ref _running, 0);
                if (_writes.IsEmpty || Interlocked.CompareExchange(ref _running, 1, 0) != 0)
                {
                    return;
                }
            }

            var round = _writes.Values.ToArray();
            var made = await Task.WhenAll(round.Select(TryAsync)).ConfigureAwait(false);
            if (made.All(done => done))
            {
                pause = FirstPause;
                continue;
            }

            await Task.Delay(pause).ConfigureAwait(false);
            pause = pause * 2 < LongestPause ? pause * 2 : LongestPause;
        }
    }

    // True when the write is settled (made, or dropped); false when it stays for the next round.
    private async Task<bool> TryAsync(PendingClaimWrite write)
    {
        if (Stopwatch.GetTimestamp() > write.Deadline)
        {
            Settle(write, made: false);
            return true;
        }

        // A claim is released only after the command that may have taken it has ended: released before, it could be
        // taken just after, by that command arriving late.
        if (write.After is { } after)
        {
            if (!after.IsCompleted)
            {
                return false;
            }

            _ = after.Exception;
        }

        try
        {
            await _write(write).ConfigureAwait(false);
            Settle(write, made: true);
            return true;
        }
        catch (ObjectDisposedException)
        {
            // The connection was closed: this process is shutting down, nothing can be written any more.
            Settle(write, made: false);
            return true;
        }
        catch (Exception exception) when (exception is RedisException or TimeoutException)
        {
            return false;
        }
    }

    private void Settle(PendingClaimWrite write, bool made)
    {
        if (_writes.TryRemove(new((write.Kind, write.Key, write.Token), write)) && write.Kind == PendingClaimWriteKind.Complete)
        {
            while (_completing.TryGetValue(write.Key, out var count))
            {
                if (count == 1 ? _completing.TryRemove(new(write.Key, 1)) : _completing.TryUpdate(write.Key, count - 1, count))
                {
                    break;
                }
            }
        }

        write.Made.TrySetResult(made);
    }
}
