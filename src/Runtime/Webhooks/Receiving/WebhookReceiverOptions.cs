namespace Hooksmith.Webhooks;

/// <summary>How a <see cref="WebhookReceiver"/> treats deliveries.</summary>
public sealed record WebhookReceiverOptions
{
    /// <summary>
    /// Checks each delivery's signature over the raw body before anything else. Null accepts unsigned
    /// deliveries: only for tests and for sources verified elsewhere.
    /// </summary>
    public IWebhookSignatureVerifier? SignatureVerifier { get; init; }

    /// <summary>Reads the event type, ids and payload from a body. Voucherify's envelope by default. Not used when <see cref="Provider"/> is set.</summary>
    public IWebhookEnvelopeFormat EnvelopeFormat { get; init; } = VoucherifyEnvelopeFormat.Instance;

    /// <summary>
    /// The provider's description (<see cref="WebhookProviders"/>): where the event type, payload and ids are, whether a
    /// body is a batch, and how the event table's keys become routing values. Null (the default) reads with
    /// <see cref="EnvelopeFormat"/> and routes on the table's event types.
    /// </summary>
    public WebhookProvider? Provider { get; init; }

    /// <summary>
    /// For a batch provider: checks the signature each item carries (<see cref="AdyenItemSignatureVerifier"/>). An item
    /// that fails is reported and not handled; the others are. Runs after <see cref="SignatureVerifier"/>, which checks the
    /// delivery as a whole (Basic authentication, say).
    /// </summary>
    public IWebhookItemSignatureVerifier? ItemSignatureVerifier { get; init; }

    /// <summary>Remembers processed events so that each is handled once. Null handles every delivery.</summary>
    public IWebhookDeduplicationStore? Deduplication { get; init; }

    /// <summary>Where malformed bodies and (under <see cref="InvalidPayloadPolicy.DeadLetter"/>) invalid payloads are kept.</summary>
    public IWebhookDeadLetterStore DeadLetters { get; init; } = new InMemoryDeadLetterStore();

    /// <summary>How payloads are validated: full mode, and <c>format</c> as the schema's dialect says unless <see cref="Hooksmith.Validation.ValidationOptions.AssertFormats"/> is set.</summary>
    public Hooksmith.Validation.ValidationOptions Validation { get; init; } = Hooksmith.Validation.ValidationOptions.Default;

    /// <summary>What to do with a payload that does not match its schema.</summary>
    public InvalidPayloadPolicy InvalidPayloads { get; init; } = InvalidPayloadPolicy.AcceptAndReport;

    /// <summary>
    /// What to do with a body that is not JSON or not the expected envelope: kept as a dead letter and
    /// acknowledged (the default, since a retry would send the same bytes), or rejected with 400.
    /// Such a body never reaches a handler.
    /// </summary>
    public bool RejectMalformedBodies { get; init; }
}
