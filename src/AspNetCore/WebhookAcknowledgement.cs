namespace Hooksmith.AspNetCore;

/// <summary>When an endpoint answers the provider.</summary>
/// <remarks>The members start at 1 so that an unset value is never mistaken for a mode.</remarks>
public enum WebhookAcknowledgement
{
    /// <summary>
    /// After the handler finished: the status code says what happened (200 handled, 500 handler failed, …), so a
    /// failed handler is retried by the provider. The default. Handlers must finish within the provider's timeout
    /// (Voucherify: 10 seconds).
    /// </summary>
    AfterHandler = 1,

    /// <summary>
    /// As soon as the signature is verified and the delivery is in a bounded in-process queue (202, outcome
    /// <c>Queued</c>); a background worker then processes it in its own service scope. A full queue answers 503, so
    /// the provider retries. What happens afterwards is only logged: a handler that fails on a queued delivery is not
    /// retried by the provider, and deliveries still queued when the process stops (past the host's shutdown timeout)
    /// are lost.
    /// </summary>
    AfterEnqueue = 2,
}
