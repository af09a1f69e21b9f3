using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;

namespace Hooksmith.Webhooks;

/// <summary>
/// Dead letters in memory, up to a number of letters and of bytes. A full store refuses new letters (the delivery is then
/// not acknowledged and the provider retries) rather than dropping old ones: nothing is lost silently.
/// For one process and for tests; a distributed store keeps letters across restarts and instances.
/// </summary>
public sealed class InMemoryDeadLetterStore : IWebhookDeadLetterStore
{
    private readonly object _gate = new();
    private readonly List<DeadLetter> _letters = [];
    private long _bytes;

    /// <summary>The default of <see cref="MaxBytes"/>: 64 MiB.</summary>
    public const long DefaultMaxBytes = 64L * 1024 * 1024;

    /// <summary>Creates a store that keeps at most <paramref name="capacity"/> letters and <paramref name="maxBytes"/> bytes of bodies.</summary>
    public InMemoryDeadLetterStore(int capacity = 10_000, long maxBytes = DefaultMaxBytes)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxBytes, 1);
        Capacity = capacity;
        MaxBytes = maxBytes;
    }

    /// <summary>How many bytes of bodies the store keeps at most: a few large bodies fill it as surely as many small ones.</summary>
    public long MaxBytes { get; }

    /// <summary>How many bytes of bodies the store keeps now.</summary>
    public long Bytes
    {
        get
        {
            lock (_gate)
            {
                return _bytes;
            }
        }
    }

    /// <summary>How many letters the store keeps at most.</summary>
    public int Capacity { get; }

    /// <summary>How many letters the store keeps now.</summary>
    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _letters.Count;
            }
        }
    }

    /// <inheritdoc/>
    public ValueTask<bool> StoreAsync(DeadLetter letter, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(letter);
        lock (_gate)
        {
            if (_letters.Count >= Capacity || _bytes + letter.Body.Length > MaxBytes)
            {
                return ValueTask.FromResult(false);
            }

            // The body may live in a pooled request buffer: keep a copy of its own.
            _letters.Add(letter with { Body = letter.Body.ToArray() });
            _bytes += letter.Body.Length;
            return ValueTask.FromResult(true);
        }
    }

    /// <inheritdoc/>
    public ValueTask<IReadOnlyList<DeadLetter>> ListAsync(CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            return ValueTask.FromResult<IReadOnlyList<DeadLetter>>(_letters.ToList());
        }
    }

    /// <inheritdoc/>
    public ValueTask<bool> RemoveAsync(string id, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(id);
        lock (_gate)
        {
            var index = _letters.FindIndex(l => l.Id == id);
            if (index < 0)
            {
                return ValueTask.FromResult(false);
            }

            _bytes -= _letters[index].Body.Length;
            _letters.RemoveAt(index);
            return ValueTask.FromResult(true);
        }
    }
}
