using System;
using Hooksmith.Validation;

namespace Hooksmith.Webhooks;

/// <summary>One delivery as a handler sees it: where it came from, what the envelope said, the raw bytes, and how its payload fared against the schema.</summary>
public sealed class WebhookContext
{
    /// <summary>Creates a context; the receiver does this for each delivery.</summary>
    public WebhookContext(WebhookEnvelope envelope, ReadOnlyMemory<byte> body, IWebhookHeaders headers, ValidationResult validation)
    {
        ArgumentNullException.ThrowIfNull(headers);
        ArgumentNullException.ThrowIfNull(validation);
        Envelope = envelope;
        Body = body;
        Headers = headers;
        Validation = validation;
    }

    /// <summary>The event type the delivery was routed on, such as <c>customer.order.updated</c>.</summary>
    public string EventType => Envelope.EventType;

    /// <summary>The event's id (Voucherify: <c>event.id</c>), when the envelope has one.</summary>
    public string? EventId => Envelope.EventId;

    /// <summary>The delivery's id (Voucherify: the envelope's <c>id</c>), when it has one.</summary>
    public string? DeliveryId => Envelope.DeliveryId;

    /// <summary>When the provider created the event, when the envelope says.</summary>
    public DateTimeOffset? CreatedAt => Envelope.CreatedAt;

    /// <summary>What the envelope format read from the body.</summary>
    public WebhookEnvelope Envelope { get; }

    /// <summary>The request body exactly as it arrived (the bytes the signature covers).</summary>
    public ReadOnlyMemory<byte> Body { get; }

    /// <summary>The payload inside the body: the envelope's <c>data</c>, or the whole body for raw-payload endpoints.</summary>
    public ReadOnlyMemory<byte> Payload => Envelope.HasPayload ? Body[Envelope.PayloadRange] : ReadOnlyMemory<byte>.Empty;

    /// <summary>The request headers.</summary>
    public IWebhookHeaders Headers { get; }

    /// <summary>
    /// How the payload fared against its schema. Under the default policy a handler also gets payloads
    /// that do not match (bound leniently); this says what is wrong with them.
    /// </summary>
    public ValidationResult Validation { get; }
}
