using System.Threading;
using System.Threading.Tasks;

namespace Hooksmith.Webhooks;

/// <summary>Handles one event type, with its payload bound to the generated model.</summary>
/// <typeparam name="TEvent">The payload's model type, such as <c>CustomerOrderUpdated</c>.</typeparam>
public interface IWebhookHandler<in TEvent>
{
    /// <summary>
    /// Handles a delivery. Throwing (or a faulted task) fails the delivery: it is not marked processed,
    /// and the receiver answers so that the provider retries.
    /// </summary>
    /// <param name="payload">The payload, bound leniently: check <see cref="WebhookContext.Validation"/> when its schema matters.</param>
    /// <param name="context">The delivery.</param>
    /// <param name="cancellationToken">Cancels the handling (the request was aborted or the host is stopping).</param>
    Task HandleAsync(TEvent payload, WebhookContext context, CancellationToken cancellationToken);
}

/// <summary>Handles deliveries of event types the schemas do not know (a provider that added an event, say).</summary>
public interface IUnknownWebhookHandler
{
    /// <summary>Handles a delivery of an unknown event type. The default acknowledges it and logs it.</summary>
    /// <param name="context">The delivery; its payload is raw bytes and its validation result is empty.</param>
    /// <param name="cancellationToken">Cancels the handling.</param>
    Task HandleAsync(WebhookContext context, CancellationToken cancellationToken);
}
