using System.Threading;
using System.Threading.Tasks;
using Hooksmith.Webhooks;
using Microsoft.Extensions.Logging;

namespace Hooksmith.AspNetCore;

/// <summary>
/// The unknown-event handler used when none is registered: logs the delivery (information, event id 20) and lets it be
/// acknowledged (202), so a provider that adds an event type is not made to retry it for days.
/// </summary>
internal sealed class LoggingUnknownWebhookHandler(ILoggerFactory loggers) : IUnknownWebhookHandler
{
    private readonly ILogger _logger = loggers.CreateLogger(HooksmithWebhookLog.Category);

    public Task HandleAsync(WebhookContext context, CancellationToken cancellationToken)
    {
        HooksmithWebhookLog.UnknownEventAcknowledged(_logger, context.EventType, context.EventId, context.DeliveryId);
        return Task.CompletedTask;
    }
}
