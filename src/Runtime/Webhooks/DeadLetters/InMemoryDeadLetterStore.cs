using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;

namespace Hooksmith.Webhooks;

/// <summary>
/// Dead letters in memory, up to a capacity. A full store refuses new letters (the delivery is then
/// not acknowledged and the provider retries) rather than dropping old ones: nothing is lost silently.
/// For one process and for tests; a distributed store keeps letters across restarts and instances.
/// </summary>
public sealed class InMemoryDeadLetterStore : IWebhookDeadLetterStore
{
    private readonly object _gate = new();
    private readonly List<DeadLetter> _letters = [];

    /// <summary>Creates a store that keeps at most <paramref name="capacity"/> letters.</summary>
    public InMemoryDeadLetterStore(int capacity = 10_000)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        Capacity = capacity;
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
            if (_letters.Count >= Capacity)
            {
                return ValueTask.FromResult(false);
            }

            // The body may live in a pooled request buffer: keep a copy of its own.
            _letters.Add(letter with { Body = letter.Body.ToArray() });
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
            return ValueTask.FromResult(_letters.RemoveAll(l => l.Id == id) > 0);
        }
    }
}
