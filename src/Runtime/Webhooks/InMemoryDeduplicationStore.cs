using System;
using System.Collections.Generic;
using System.Globalization;
using System.Threading;
using System.Threading.Tasks;

namespace Hooksmith.Webhooks;

/// <summary>
/// A process-local <see cref="IWebhookDeduplicationStore"/>: thread-safe, bounded, with leases and
/// retention measured on a <see cref="TimeProvider"/>. Right for a single receiver instance and for
/// tests; several instances behind a load balancer need a shared store.
/// </summary>
/// <remarks>
/// Every operation takes one lock: the work inside is a dictionary lookup and a few linked-list
/// steps, far cheaper than the webhook processing it guards. Entries are kept in two lists, claims
/// in the order they began and completions in the order they completed; since the lease and the
/// retention are fixed, that is also the order in which they expire, so expired entries are
/// dropped from the heads of the lists and the oldest completed entry is always the first one.
/// </remarks>
public sealed class InMemoryDeduplicationStore : IWebhookDeduplicationStore
{
    private readonly object _gate = new();
    private readonly Dictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private readonly LinkedList<Entry> _inProgress = new();
    private readonly LinkedList<Entry> _completed = new();
    private readonly TimeProvider _timeProvider;
    private readonly TimeSpan _lease;
    private readonly TimeSpan _retention;
    private readonly int _maxEntries;
    private readonly Action<DeduplicationEviction>? _evicted;
    private long _lastToken;
    private long _evictedEarly;

    /// <summary>Creates a store.</summary>
    /// <param name="options">Lease, retention and bound; defaults when omitted. Copied now.</param>
    /// <param name="timeProvider">The clock; <see cref="TimeProvider.System"/> when omitted.</param>
    /// <exception cref="ArgumentOutOfRangeException">The lease or retention is not positive, or the bound is below 1.</exception>
    public InMemoryDeduplicationStore(InMemoryDeduplicationStoreOptions? options = null, TimeProvider? timeProvider = null)
    {
        options ??= new InMemoryDeduplicationStoreOptions();
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(options.Lease, TimeSpan.Zero, nameof(options.Lease));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(options.Retention, TimeSpan.Zero, nameof(options.Retention));
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MaxEntries, 1, nameof(options.MaxEntries));
        _lease = options.Lease;
        _retention = options.Retention;
        _maxEntries = options.MaxEntries;
        _evicted = options.Evicted;
        _timeProvider = timeProvider ?? TimeProvider.System;
    }

    /// <summary>The number of keys currently held (claims and completions not yet expired or evicted).</summary>
    public int Count
    {
        get
        {
            var now = _timeProvider.GetUtcNow();
            lock (_gate)
            {
                Purge(now);
                return _entries.Count;
            }
        }
    }

    /// <summary>
    /// How many keys were dropped to keep <see cref="InMemoryDeduplicationStoreOptions.MaxEntries"/> before their
    /// lease or retention ran out. Each one is a key whose retry may be handled again: when this grows, the store
    /// remembers less than the retention promises (raise the bound, or use a shared store such as Redis).
    /// </summary>
    public long EvictedBeforeExpiry => Interlocked.Read(ref _evictedEarly);

    /// <inheritdoc/>
    public ValueTask<DeduplicationClaim> TryBeginAsync(string key, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        if (cancellationToken.IsCancellationRequested)
        {
            return ValueTask.FromCanceled<DeduplicationClaim>(cancellationToken);
        }

        // A lease token only has to differ from this store's other tokens: a counter does, without the
        // system call a Guid costs on every delivery. Made outside the lock; unused when the key is taken.
        var token = Interlocked.Increment(ref _lastToken).ToString(CultureInfo.InvariantCulture);
        var now = _timeProvider.GetUtcNow();
        DeduplicationEviction? eviction;
        lock (_gate)
        {
            Purge(now);
            if (_entries.TryGetValue(key, out var existing))
            {
                if (now < existing.ExpiresAt)
                {
                    return ValueTask.FromResult(new DeduplicationClaim(
                        key, existing.IsCompleted ? DeduplicationStatus.AlreadyProcessed : DeduplicationStatus.InProgress));
                }

                // Expired but not purged yet (the clock moved backwards at some point): forget it.
                Remove(existing);
            }

            eviction = MakeRoom(now);
            var entry = new Entry(key) { Token = token, ExpiresAt = now + _lease };
            entry.Node = _inProgress.AddLast(entry);
            _entries.Add(key, entry);
        }

        Report(eviction);
        return ValueTask.FromResult(new DeduplicationClaim(key, DeduplicationStatus.Began, token));
    }

    /// <inheritdoc/>
    /// <exception cref="ArgumentException">The claim did not begin processing.</exception>
    public ValueTask CompleteAsync(DeduplicationClaim claim, CancellationToken cancellationToken = default)
    {
        EnsureBegun(claim);
        if (cancellationToken.IsCancellationRequested)
        {
            return ValueTask.FromCanceled(cancellationToken);
        }

        var now = _timeProvider.GetUtcNow();
        DeduplicationEviction? eviction = null;
        lock (_gate)
        {
            Purge(now);
            if (_entries.TryGetValue(claim.Key, out var entry))
            {
                if (entry.IsCompleted && now < entry.ExpiresAt)
                {
                    // Completed already (by an attempt that took over after a lease expired): keep that.
                    return ValueTask.CompletedTask;
                }

                // Whoever holds the claim now, the work is done: record the completion. The entry and its list node
                // move to the completions as they are, rather than being dropped and made anew on every delivery.
                var node = entry.Node!;
                node.List?.Remove(node);
                entry.IsCompleted = true;
                entry.Token = null;
                entry.ExpiresAt = now + _retention;
                _completed.AddLast(node);
            }
            else
            {
                eviction = MakeRoom(now);
                var completed = new Entry(claim.Key) { IsCompleted = true, ExpiresAt = now + _retention };
                completed.Node = _completed.AddLast(completed);
                _entries.Add(claim.Key, completed);
            }
        }

        Report(eviction);
        return ValueTask.CompletedTask;
    }

    /// <inheritdoc/>
    /// <exception cref="ArgumentException">The claim did not begin processing.</exception>
    public ValueTask AbandonAsync(DeduplicationClaim claim, CancellationToken cancellationToken = default)
    {
        EnsureBegun(claim);
        if (cancellationToken.IsCancellationRequested)
        {
            return ValueTask.FromCanceled(cancellationToken);
        }

        lock (_gate)
        {
            if (_entries.TryGetValue(claim.Key, out var entry)
                && !entry.IsCompleted
                && string.Equals(entry.Token, claim.Token, StringComparison.Ordinal))
            {
                Remove(entry);
            }
        }

        return ValueTask.CompletedTask;
    }

    private static void EnsureBegun(DeduplicationClaim claim)
    {
        if (claim.Status != DeduplicationStatus.Began || claim.Key is null)
        {
            throw new ArgumentException("Only a claim that began processing can be completed or abandoned.", nameof(claim));
        }
    }

    private void Purge(DateTimeOffset now)
    {
        PurgeHead(_completed, now);
        PurgeHead(_inProgress, now);
    }

    private void PurgeHead(LinkedList<Entry> list, DateTimeOffset now)
    {
        while (list.First is { } first && now >= first.Value.ExpiresAt)
        {
            Remove(first.Value);
        }
    }

    // Called before adding one entry: keeps the bound, sacrificing the oldest completion first, since
    // forgetting a completion risks a duplicate only if the provider still retries that old event,
    // while dropping a live claim lets a concurrent duplicate in right now. Expired entries were purged
    // already, so every victim is dropped before its time: counted, and described to the caller (one
    // entry at most makes room for one, as the bound is only ever exceeded by one).
    private DeduplicationEviction? MakeRoom(DateTimeOffset now)
    {
        DeduplicationEviction? eviction = null;
        while (_entries.Count >= _maxEntries)
        {
            var victim = _completed.First ?? _inProgress.First;
            if (victim is null)
            {
                break;
            }

            var entry = victim.Value;
            Remove(entry);
            Interlocked.Increment(ref _evictedEarly);
            eviction = new DeduplicationEviction(entry.Key, entry.IsCompleted, entry.ExpiresAt - now, _maxEntries);
        }

        return eviction;
    }

    // Outside the lock: the telemetry and the caller's callback may take their time.
    private void Report(DeduplicationEviction? eviction)
    {
        if (eviction is not { } evicted)
        {
            return;
        }

        WebhookTelemetry.DeduplicationEvictions.Add(1, new KeyValuePair<string, object?>("state", evicted.WasCompleted ? "completed" : "in_progress"));
        _evicted?.Invoke(evicted);
    }

    private void Remove(Entry entry)
    {
        _entries.Remove(entry.Key);
        if (entry.Node is { } node)
        {
            node.List?.Remove(node);
            entry.Node = null;
        }
    }

    private sealed class Entry(string key)
    {
        public string Key { get; } = key;

        public bool IsCompleted { get; set; }

        public string? Token { get; set; }

        public DateTimeOffset ExpiresAt { get; set; }

        public LinkedListNode<Entry>? Node { get; set; }
    }
}
