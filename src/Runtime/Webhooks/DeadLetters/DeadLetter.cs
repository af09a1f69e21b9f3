using System;

namespace Hooksmith.Webhooks;

/// <summary>Why a delivery was kept aside instead of handled.</summary>
public enum DeadLetterReason
{
    /// <summary>The body is not JSON, or not the envelope the endpoint expects.</summary>
    MalformedBody = 1,

    /// <summary>The envelope has no payload (or a null one).</summary>
    MissingPayload = 2,

    /// <summary>The payload cannot be bound to its model (malformed, or a root of the wrong type).</summary>
    UnboundPayload = 3,

    /// <summary>The payload does not match its schema, and the endpoint's policy keeps such payloads aside.</summary>
    InvalidPayload = 4,

    /// <summary>
    /// The delivery was acknowledged before it was processed (a background queue), and processing then
    /// failed or was interrupted: the provider will not send it again, so it is kept for a replay.
    /// </summary>
    ProcessingFailed = 5,

    /// <summary>
    /// Acknowledged by a background queue and not processed yet. Kept from the moment it is acknowledged, so that a
    /// crash after the answer loses nothing: removed once processed, and processed when the host starts again.
    /// </summary>
    Pending = 6,
}

/// <summary>A delivery kept aside with its raw bytes, for inspection and replay.</summary>
/// <param name="Id">The letter's own id.</param>
/// <param name="ReceivedAt">When it arrived.</param>
/// <param name="Reason">Why it was kept aside.</param>
/// <param name="Detail">What was wrong, in plain words (the validation result, the envelope problem).</param>
/// <param name="EventType">The event type, when the envelope said.</param>
/// <param name="EventId">The event id, when the envelope said.</param>
/// <param name="Body">The body exactly as it arrived.</param>
public sealed record DeadLetter(string Id, DateTimeOffset ReceivedAt, DeadLetterReason Reason, string Detail, string? EventType, string? EventId, ReadOnlyMemory<byte> Body);
