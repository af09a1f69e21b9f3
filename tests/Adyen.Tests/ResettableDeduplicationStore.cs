using System.Threading;
using System.Threading.Tasks;
using Hooksmith.Webhooks;

namespace Hooksmith.Adyen.Tests;

/// <summary>
/// An in-memory deduplication store that can forget everything (a new store in its place), so that one app can give
/// each example a receiver that has seen nothing before it: the vendor's examples reuse references (MarketPay's
/// <c>pspReference</c>, the classic <c>eventCode:pspReference:success</c>) and list one body under two webhooks, which a
/// shared store would rightly answer as duplicates. Forget only between deliveries: a claim goes back to the store
/// that gave it.
/// </summary>
public sealed class ResettableDeduplicationStore : IWebhookDeduplicationStore
{
    private InMemoryDeduplicationStore _store = new();

    /// <summary>Forgets every key seen so far.</summary>
    public void Forget() => Volatile.Write(ref _store, new InMemoryDeduplicationStore());

    public ValueTask<DeduplicationClaim> TryBeginAsync(string key, CancellationToken cancellationToken = default)
        => Volatile.Read(ref _store).TryBeginAsync(key, cancellationToken);

    public ValueTask CompleteAsync(DeduplicationClaim claim, CancellationToken cancellationToken = default)
        => Volatile.Read(ref _store).CompleteAsync(claim, cancellationToken);

    public ValueTask AbandonAsync(DeduplicationClaim claim, CancellationToken cancellationToken = default)
        => Volatile.Read(ref _store).AbandonAsync(claim, cancellationToken);
}
