using System.IO;
using System.Threading;
using System.Threading.Tasks;
using Hooksmith.Webhooks;

namespace Hooksmith.Samples.Voucherify;

/// <summary>Takes deliveries of event types the schemas do not describe: says so, and lets them be acknowledged.</summary>
internal sealed class UnknownEventPrinter(TextWriter output) : IUnknownWebhookHandler
{
    public Task HandleAsync(WebhookContext context, CancellationToken cancellationToken)
    {
        output.WriteLine($"Webhook {context.DeliveryId ?? context.EventId} ({context.EventType}): not an event of the app's schemas; acknowledged, nothing more to show.");
        return Task.CompletedTask;
    }
}
