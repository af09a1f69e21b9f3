namespace Hooksmith.Webhooks;

/// <summary>What the receiver did with a delivery. <see cref="WebhookReceipt.StatusCode"/> is the HTTP answer for each.</summary>
public enum WebhookOutcome
{
    /// <summary>The handler ran and finished (200).</summary>
    Handled = 1,

    /// <summary>The event was processed before: acknowledged without running the handler again (200).</summary>
    Duplicate = 2,

    /// <summary>Another delivery of the event is being processed right now: not acknowledged, so the provider retries (409).</summary>
    InProgress = 3,

    /// <summary>The event type is not in the schemas: the unknown-event handler ran (202).</summary>
    UnknownEvent = 4,

    /// <summary>A known event with no handler registered: acknowledged and reported (202).</summary>
    NoHandler = 5,

    /// <summary>The signature is missing, malformed, expired or does not match (401).</summary>
    SignatureRejected = 6,

    /// <summary>The body or payload is malformed or invalid and the endpoint's policy rejects such deliveries (400).</summary>
    Rejected = 7,

    /// <summary>The delivery was kept aside in the dead-letter store and acknowledged (202).</summary>
    DeadLettered = 8,

    /// <summary>The handler failed: not acknowledged, so the provider retries (500).</summary>
    HandlerFailed = 9,

    /// <summary>The receiver could not take the delivery now (the dead-letter store is full, the work was cancelled): the provider retries (503).</summary>
    Unavailable = 10,

    /// <summary>The delivery was queued for a background worker and acknowledged (202).</summary>
    Queued = 11,
}

/// <summary>What the receiver does with a payload that does not match its schema.</summary>
public enum InvalidPayloadPolicy
{
    /// <summary>The handler gets the payload, bound leniently, with the validation result (the default).</summary>
    AcceptAndReport = 1,

    /// <summary>The delivery is answered 400 and the handler does not run.</summary>
    Reject = 2,

    /// <summary>The delivery is acknowledged and its raw bytes kept in the dead-letter store for replay; the handler does not run.</summary>
    DeadLetter = 3,
}
