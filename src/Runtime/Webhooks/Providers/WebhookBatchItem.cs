using System;

namespace Hooksmith.Webhooks;

/// <summary>One event of a batch delivery, as <see cref="WebhookProvider.ReadBatch"/> found it.</summary>
public readonly struct WebhookBatchItem
{
    /// <summary>Creates an item; for the provider's reader.</summary>
    public WebhookBatchItem(int index, EnvelopeReadResult read, WebhookEnvelope envelope, ReadOnlyMemory<byte> body, ReadOnlyMemory<byte> item)
    {
        Index = index;
        Read = read;
        Envelope = envelope;
        Body = body;
        Item = item;
    }

    /// <summary>The item's position in the batch's array.</summary>
    public int Index { get; }

    /// <summary>What was read: <see cref="EnvelopeReadResult.Read"/>, or why the item has no payload.</summary>
    public EnvelopeReadResult Read { get; }

    /// <summary>The item's envelope; its payload location is within <see cref="Body"/>.</summary>
    public WebhookEnvelope Envelope { get; }

    /// <summary>
    /// The bytes the item's handler sees as the delivery: the element, or the body with this item alone in its array
    /// (<see cref="WebhookBatchItemPayload.SingleItemBatch"/>).
    /// </summary>
    public ReadOnlyMemory<byte> Body { get; }

    /// <summary>The item itself (at <see cref="WebhookBatchShape.ItemPointer"/>): what a per-item signature covers.</summary>
    public ReadOnlyMemory<byte> Item { get; }
}
