using System;

namespace Hooksmith.Webhooks;

/// <summary>
/// What a dispatcher needs from a webhook body before typed binding: the event type, the ids, the
/// creation time, and the location of the payload inside the body (so the payload is never copied).
/// </summary>
/// <remarks>
/// The payload is kept as an offset and a length into the body the envelope was read from; use
/// <see cref="PayloadOf"/> with that same body to get the payload bytes.
/// </remarks>
public readonly struct WebhookEnvelope
{
    private readonly string? _eventType;

    /// <summary>Creates an envelope; for <see cref="IWebhookEnvelopeFormat"/> implementations.</summary>
    /// <param name="eventType">The event type to route on; <see langword="null"/> is stored as empty.</param>
    /// <param name="deliveryId">The id of this delivery (send-out), when the body has one.</param>
    /// <param name="eventId">The id of the event itself, when the body has one.</param>
    /// <param name="createdAt">When the delivery or event was created, when known.</param>
    /// <param name="payloadOffset">Where the payload starts in the body, in bytes.</param>
    /// <param name="payloadLength">The payload's length in bytes; 0 when there is no payload.</param>
    /// <exception cref="ArgumentOutOfRangeException">The offset or the length is negative.</exception>
    public WebhookEnvelope(string? eventType, string? deliveryId, string? eventId, DateTimeOffset? createdAt, int payloadOffset, int payloadLength)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(payloadOffset);
        ArgumentOutOfRangeException.ThrowIfNegative(payloadLength);
        _eventType = eventType;
        DeliveryId = deliveryId;
        EventId = eventId;
        CreatedAt = createdAt;
        PayloadOffset = payloadOffset;
        PayloadLength = payloadLength;
    }

    /// <summary>The event type to route on; empty when the body names none.</summary>
    public string EventType => _eventType ?? string.Empty;

    /// <summary>The id of this delivery (for Voucherify the envelope's <c>id</c>, <c>whs_…</c>), when present.</summary>
    public string? DeliveryId { get; }

    /// <summary>The id of the event (for Voucherify <c>event.id</c>), when present.</summary>
    public string? EventId { get; }

    /// <summary>
    /// The key to deduplicate on: <see cref="EventId"/>, else <see cref="DeliveryId"/> (empty ids are
    /// ignored); <see langword="null"/> when neither exists.
    /// </summary>
    public string? DeduplicationKey =>
        !string.IsNullOrEmpty(EventId) ? EventId : !string.IsNullOrEmpty(DeliveryId) ? DeliveryId : null;

    /// <summary>When the delivery or event was created, when the body says so in a readable form.</summary>
    public DateTimeOffset? CreatedAt { get; }

    /// <summary>Where the payload starts in the body, in bytes.</summary>
    public int PayloadOffset { get; }

    /// <summary>The payload's length in bytes; 0 when there is no payload.</summary>
    public int PayloadLength { get; }

    /// <summary>True when the envelope locates a payload.</summary>
    public bool HasPayload => PayloadLength > 0;

    /// <summary>The payload's location in the body as a range.</summary>
    public Range PayloadRange => new(PayloadOffset, PayloadOffset + PayloadLength);

    /// <summary>The payload bytes, sliced (not copied) from the body the envelope was read from.</summary>
    /// <param name="body">The same body that was passed to <see cref="IWebhookEnvelopeFormat.TryRead"/>.</param>
    /// <returns>The payload's raw JSON text; empty when there is no payload.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The body is shorter than the payload's location (not the body the envelope was read from).</exception>
    public ReadOnlySpan<byte> PayloadOf(ReadOnlySpan<byte> body) => body.Slice(PayloadOffset, PayloadLength);

    /// <inheritdoc/>
    public override string ToString() => $"{EventType} ({DeduplicationKey ?? "no id"})";
}
