namespace Hooksmith.Webhooks;

/// <summary>
/// Providers described as configuration (<see cref="WebhookProvider"/>): Voucherify and Adyen's webhook flavours. A
/// provider not listed here is one more description, not new code.
/// </summary>
public static class WebhookProviders
{
    /// <summary>
    /// Voucherify (webhook version v2024-01-01): <c>{ "id", "created_at", "type", "data", "event": { "id", "type", "created_at" } }</c>.
    /// The event type is <c>event.type</c>, else the top-level <c>type</c>; the payload is <c>data</c>; the event id
    /// <c>event.id</c> and the delivery id <c>id</c>. Keys <c>EVENTS.CUSTOMER.ORDER.UPDATED</c> route as
    /// <c>customer.order.updated</c>. Reads what <see cref="VoucherifyEnvelopeFormat"/> reads (tested to agree).
    /// </summary>
    public static WebhookProvider Voucherify { get; } = new()
    {
        Name = "Voucherify",
        EventType = [WebhookValueSource.Body("/event/type"), WebhookValueSource.Body("/type")],
        Payload = "/data",
        EventId = ["/event/id"],
        DeliveryId = ["/id"],
        CreatedAt = ["/created_at", "/event/created_at"],
        EventKeys = WebhookEventKeyNaming.Voucherify,
    };

    /// <summary>
    /// Adyen's Balance Platform webhooks (and Management's, Tokenization's, which share the shape): the event type is
    /// the body's <c>type</c> (<c>balancePlatform.transfer.created</c>, equal to the <c>webhooks</c> key), the payload
    /// is the whole body. There is no event id in the shape every file shares, so deliveries are deduplicated on a
    /// hash of the body. Signed with the <c>HmacSignature</c> header (<see cref="AdyenHmacSignatureVerifier"/>).
    /// </summary>
    public static WebhookProvider AdyenBalancePlatform { get; } = AdyenTyped("Adyen Balance Platform");

    /// <summary>
    /// Adyen's Balance Platform authentication webhooks (<c>BalancePlatformAcsNotification</c>): as
    /// <see cref="AdyenBalancePlatform"/>, but the out-of-band request <c>balancePlatform.authentication.relayed</c>
    /// has no <c>type</c> in its body (<c>{"id", "paymentInstrumentId", "purchase"}</c>), so a body without one is that
    /// event: the event type is <c>type</c>, else the fixed <c>balancePlatform.authentication.relayed</c>.
    /// </summary>
    public static WebhookProvider AdyenAuthentication { get; } = new()
    {
        Name = "Adyen authentication",
        EventType = [WebhookValueSource.Body("/type"), WebhookValueSource.Fixed("balancePlatform.authentication.relayed")],
        CreatedAt = ["/timestamp"],
        EventKeys = WebhookEventKeyNaming.Adyen,
    };

    /// <summary>Adyen's Management webhooks (<c>merchant.created</c>…): as <see cref="AdyenBalancePlatform"/>.</summary>
    public static WebhookProvider AdyenManagement { get; } = AdyenTyped("Adyen Management");

    /// <summary>Adyen's Tokenization webhooks (<c>recurring.token.created</c>…): as <see cref="AdyenBalancePlatform"/>.</summary>
    public static WebhookProvider AdyenTokenization { get; } = AdyenTyped("Adyen Tokenization");

    /// <summary>
    /// Adyen's legacy MarketPay webhooks: the event type is the body's <c>eventType</c> (<c>ACCOUNT_CREATED</c>), the
    /// payload the whole body, the event id <c>pspReference</c>.
    /// </summary>
    public static WebhookProvider AdyenMarketPay { get; } = new()
    {
        Name = "Adyen MarketPay",
        EventType = [WebhookValueSource.Body("/eventType")],
        EventId = ["/pspReference"],
        CreatedAt = ["/eventDate"],
        EventKeys = WebhookEventKeyNaming.Adyen,
    };

    /// <summary>
    /// Adyen's classic payment webhooks: a batch, <c>{"live", "notificationItems": [{"NotificationRequestItem": {…}}]}</c>,
    /// each item an event of its own, routed on its <c>eventCode</c> (key <c>/AUTHORISATION</c> → <c>AUTHORISATION</c>),
    /// deduplicated on <c>eventCode:pspReference:success</c> and signed in its <c>additionalData.hmacSignature</c>
    /// (<see cref="AdyenItemSignatureVerifier"/>). Each item's handler gets the batch with that item alone in it (the
    /// spec's payload types describe the batch). Answered <c>[accepted]</c>.
    /// </summary>
    public static WebhookProvider AdyenClassic { get; } = new()
    {
        Name = "Adyen classic",
        EventType = [WebhookValueSource.Body("/eventCode")],
        EventId = ["/eventCode", "/pspReference", "/success"],
        CreatedAt = ["/eventDate"],
        Batch = new WebhookBatchShape("/notificationItems", "/NotificationRequestItem", WebhookBatchItemPayload.SingleItemBatch),
        EventKeys = WebhookEventKeyNaming.Adyen,
        AcknowledgementText = "[accepted]",
    };

    private static WebhookProvider AdyenTyped(string name) => new()
    {
        Name = name,
        EventType = [WebhookValueSource.Body("/type")],
        CreatedAt = ["/timestamp"],
        EventKeys = WebhookEventKeyNaming.Adyen,
    };
}
