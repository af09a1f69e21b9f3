namespace Hooksmith.Webhooks;

/// <summary>What the handler of one batch item gets as its payload.</summary>
public enum WebhookBatchItemPayload
{
    /// <summary>The item (at the provider's payload pointer, relative to the item).</summary>
    Item = 1,

    /// <summary>
    /// The body with this item alone in its array: for providers whose schemas describe the whole batch as the
    /// event's payload (Adyen's classic <c>AuthorisationNotificationRequest</c>, whose <c>notificationItems</c> then
    /// holds exactly this item). The members around the array (<c>live</c>) are kept.
    /// </summary>
    SingleItemBatch = 2,
}
