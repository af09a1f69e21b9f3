using System;
using Hooksmith.Webhooks;

namespace Hooksmith.Fuzz;

/// <summary>
/// The envelope readers over a whole body; when one reads an envelope, its payload is validated by the
/// event it names, as the receiver would.
/// </summary>
internal sealed class EnvelopeTarget(WebhookEventTable events, IWebhookEnvelopeFormat[]? formats = null) : FuzzTarget
{
    private static readonly IWebhookEnvelopeFormat[] SeedFormats =
    [
        VoucherifyEnvelopeFormat.Instance,
        new RawPayloadEnvelopeFormat("customer.order.updated"),
        new RawPayloadEnvelopeFormat("customer.order.updated", idMemberName: "event_id"),
    ];

    private readonly IWebhookEnvelopeFormat[] _formats = formats ?? SeedFormats;

    public override string Name => "envelope";

    public override void Exercise(byte[] input)
    {
        foreach (var format in _formats)
        {
            var outcome = format.TryRead(input, out var envelope);
            if (outcome != EnvelopeReadResult.Read)
            {
                continue;
            }

            _ = envelope.DeduplicationKey;
            if (events.TryGet(envelope.EventType, out var descriptor) && envelope.HasPayload)
            {
                _ = descriptor.Validate(input.AsSpan(envelope.PayloadOffset, envelope.PayloadLength));
            }
        }
    }
}
