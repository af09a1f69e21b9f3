using System.IO;
using System.Threading;
using System.Threading.Tasks;
using Hooksmith.Samples.Adyen;
using Hooksmith.Webhooks;

namespace Hooksmith.Samples.Voucherify;

/// <summary>
/// The handler of Adyen's classic notifications (every event of schemas/adyen shares the <see cref="Notification"/>
/// payload). The receiver hands over one item at a time, already verified: the batch with that item alone in it.
/// </summary>
internal sealed class AdyenNotificationHandler(TextWriter output) : IWebhookHandler<Notification>
{
    public Task HandleAsync(Notification payload, WebhookContext context, CancellationToken cancellationToken)
    {
        foreach (var wrapper in payload.NotificationItems)
        {
            var item = wrapper.NotificationRequestItem;
            var amount = item.Amount is { } money ? $"{money.Value} {money.Currency}" : "no amount";
            output.WriteLine($"Adyen {item.EventCode} {item.PspReference}: success {item.Success.Value}, {amount}, merchant reference {item.MerchantReference ?? "(none)"}");
        }

        return Task.CompletedTask;
    }
}
