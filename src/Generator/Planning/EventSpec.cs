namespace Hooksmith.Generator.Planning;

/// <summary>An entry of the event catalog: an event type and the type its payload binds to.</summary>
/// <param name="EventName">The event type, such as <c>customer.order.updated</c>.</param>
/// <param name="WebhookKey">The key of the webhook in its document.</param>
/// <param name="Payload">The payload's type.</param>
internal sealed record EventSpec(string EventName, string WebhookKey, TypeRef Payload);
