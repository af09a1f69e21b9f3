using System.Threading;
using System.Threading.Tasks;

namespace Hooksmith.Webhooks;

/// <summary>
/// Remembers which events were processed, so that a provider's retries and duplicate deliveries do
/// the work once. The protocol is a claim: <see cref="TryBeginAsync"/> atomically takes the key,
/// then the owner either <see cref="CompleteAsync"/>s it (the key is remembered for a retention
/// period) or <see cref="AbandonAsync"/>s it (the key is released so the next retry is processed).
/// A claim that is neither completed nor abandoned expires after a lease, so a crashed worker does
/// not block the event forever.
/// </summary>
/// <remarks>
/// <para>
/// The protocol is chosen so that a distributed store can implement every step as one atomic
/// operation. On Redis, with the value of a begun key being <c>inprogress:{token}</c>:
/// </para>
/// <list type="bullet">
/// <item><description><see cref="TryBeginAsync"/>: <c>SET key inprogress:{token} NX PX {lease}</c>; when the key
/// exists, its value tells <see cref="DeduplicationStatus.AlreadyProcessed"/> (<c>done</c>) from
/// <see cref="DeduplicationStatus.InProgress"/> (both steps in one script, so a key that expires in
/// between is not misreported).</description></item>
/// <item><description><see cref="CompleteAsync"/>: <c>SET key done PX {retention}</c>, unconditionally: the work
/// was done, whichever attempt did it.</description></item>
/// <item><description><see cref="AbandonAsync"/>: compare-and-delete in a script: <c>DEL key</c> only when its
/// value is still <c>inprogress:{token}</c>, so a stale attempt cannot release a newer one's claim
/// nor erase a completion.</description></item>
/// </list>
/// <para>Implementations are safe for concurrent use.</para>
/// </remarks>
public interface IWebhookDeduplicationStore
{
    /// <summary>Tries to take the processing of the event identified by <paramref name="key"/>.</summary>
    /// <param name="key">The deduplication key, e.g. the event id (Voucherify: <c>event.id</c>, else the envelope <c>id</c>).</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>
    /// <see cref="DeduplicationStatus.Began"/> when this caller now owns the processing (exactly one
    /// concurrent caller gets it), <see cref="DeduplicationStatus.AlreadyProcessed"/> when the event
    /// was completed within the retention period, <see cref="DeduplicationStatus.InProgress"/> when
    /// another caller holds an unexpired claim.
    /// </returns>
    ValueTask<DeduplicationClaim> TryBeginAsync(string key, CancellationToken cancellationToken = default);

    /// <summary>Marks the event as processed; later claims of the key answer <see cref="DeduplicationStatus.AlreadyProcessed"/> for the retention period.</summary>
    /// <param name="claim">A claim with status <see cref="DeduplicationStatus.Began"/>.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    ValueTask CompleteAsync(DeduplicationClaim claim, CancellationToken cancellationToken = default);

    /// <summary>
    /// Releases a claim whose processing failed, so that the provider's next retry is processed.
    /// Does nothing when the claim's lease already expired and another attempt holds the key, or when
    /// the key was completed.
    /// </summary>
    /// <param name="claim">A claim with status <see cref="DeduplicationStatus.Began"/>.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    ValueTask AbandonAsync(DeduplicationClaim claim, CancellationToken cancellationToken = default);
}
