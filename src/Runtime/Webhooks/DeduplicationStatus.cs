namespace Hooksmith.Webhooks;

/// <summary>What a deduplication store says about a delivery that asks to be processed.</summary>
/// <remarks>The members start at 1 so that a <c>default</c> <see cref="DeduplicationClaim"/> never reads as <see cref="Began"/>.</remarks>
public enum DeduplicationStatus
{
    /// <summary>This delivery owns the processing: do the work, then complete or abandon the claim.</summary>
    Began = 1,

    /// <summary>The event was processed before: acknowledge the delivery without doing the work again.</summary>
    AlreadyProcessed = 2,

    /// <summary>
    /// Another delivery of the same event is being processed right now. Do not do the work; answer so
    /// that the provider retries later (the running attempt may still fail and abandon its claim).
    /// </summary>
    InProgress = 3,
}
