using System;

namespace Hooksmith.Webhooks;

/// <summary>
/// How a provider batches events in one delivery: an array at a pointer, each element one event that is routed,
/// verified, deduplicated, validated and handled on its own (Adyen's classic <c>notificationItems</c>).
/// </summary>
public sealed record WebhookBatchShape
{
    /// <summary>Creates a batch shape.</summary>
    /// <param name="itemsPointer">The JSON Pointer of the array, such as <c>/notificationItems</c>.</param>
    /// <param name="itemPointer">Where the event lies inside each element (<c>/NotificationRequestItem</c>); empty for the element itself.</param>
    /// <param name="itemPayload">What each item's handler gets as its payload.</param>
    /// <exception cref="ArgumentException">A pointer is not a JSON Pointer.</exception>
    public WebhookBatchShape(string itemsPointer, string itemPointer = "", WebhookBatchItemPayload itemPayload = WebhookBatchItemPayload.Item)
    {
        JsonPointerLocator.Parse(itemsPointer);
        JsonPointerLocator.Parse(itemPointer);
        ItemsPointer = itemsPointer;
        ItemPointer = itemPointer;
        ItemPayload = itemPayload;
    }

    /// <summary>The JSON Pointer of the array of items.</summary>
    public string ItemsPointer { get; }

    /// <summary>Where the event lies inside each array element; the provider's pointers (event type, ids, payload) are relative to it.</summary>
    public string ItemPointer { get; }

    /// <summary>What each item's handler gets as its payload.</summary>
    public WebhookBatchItemPayload ItemPayload { get; }
}
