using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using Hooksmith.Webhooks;

namespace Hooksmith.Samples.Voucherify;

/// <summary>The typed handler of <c>customer.order.updated</c>: prints what the delivery holds.</summary>
internal sealed class OrderUpdatedHandler(TextWriter output) : IWebhookHandler<CustomerOrderUpdated>
{
    public Task HandleAsync(CustomerOrderUpdated payload, WebhookContext context, CancellationToken cancellationToken)
    {
        // The project id is in the envelope, which the generated WebhookEnvelope model reads from the raw body.
        var project = WebhookEnvelope.TryParse(context.Body.Span, out var envelope, out _) ? envelope.ProjectId : "(unknown)";
        output.WriteLine($"Webhook {context.DeliveryId} ({context.EventType}), project {project}, created {context.CreatedAt:O}");
        output.WriteLine($"Schema check: {context.Validation}");
        if (payload.Order is { } order)
        {
            output.WriteLine($"Order {order.Id}: status {order.Status}, total {order.TotalAmount}");
            foreach (var item in order.Items ?? [])
            {
                output.WriteLine($"  {item.Quantity} x \"{item.Product?.Name}\" at {item.Price} = {item.Amount}");
            }
        }

        if (payload.Customer is { } customer)
        {
            output.WriteLine($"Customer \"{customer.Name}\" ({customer.Id}), email {customer.Email ?? "(none)"}");
        }

        return Task.CompletedTask;
    }
}
