using System;
using System.IO;
using System.Text;
using Hooksmith.Samples.Voucherify;

// Reads a Voucherify webhook (the embedded seed event, or a file given as the first argument),
// binds it to the types Hooksmith generated from schemas/voucherify, and prints what it holds.
var payload = args.Length > 0 ? File.ReadAllBytes(args[0]) : EmbeddedPayload("customer.order.updated.json");

if (!WebhookEnvelope.TryParse(payload, out var envelope, out var envelopeResult))
{
    Console.Error.WriteLine($"Not a webhook envelope: {envelopeResult}");
    return 1;
}

var eventType = envelope.Event?.Type ?? envelope.Type;
Console.WriteLine($"Webhook {envelope.Id} ({eventType}), project {envelope.ProjectId}, created {envelope.CreatedAt:O}");
if (eventType != "customer.order.updated")
{
    Console.WriteLine("Not a customer.order.updated event; nothing more to show.");
    return 0;
}

if (!CustomerOrderUpdated.TryParse(Encoding.UTF8.GetBytes(envelope.Data.GetRawText()), out var data, out var dataResult))
{
    Console.Error.WriteLine($"The event data is not an object: {dataResult}");
    return 1;
}

Console.WriteLine($"Schema check: {dataResult}");
if (data.Order is { } order)
{
    Console.WriteLine($"Order {order.Id}: status {order.Status}, total {order.TotalAmount}");
    foreach (var item in order.Items ?? [])
    {
        Console.WriteLine($"  {item.Quantity} x \"{item.Product?.Name}\" at {item.Price} = {item.Amount}");
    }
}

if (data.Customer is { } customer)
{
    Console.WriteLine($"Customer \"{customer.Name}\" ({customer.Id}), email {customer.Email ?? "(none)"}");
}

return 0;

static byte[] EmbeddedPayload(string name)
{
    using var stream = typeof(WebhookEnvelope).Assembly.GetManifestResourceStream(name)
        ?? throw new InvalidOperationException($"The sample payload '{name}' is not embedded.");
    using var buffer = new MemoryStream();
    stream.CopyTo(buffer);
    return buffer.ToArray();
}
