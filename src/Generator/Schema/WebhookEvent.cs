using Hooksmith.Generator.Json;

namespace Hooksmith.Generator.Schema;

/// <summary>An entry of an OpenAPI <c>webhooks</c> section: the event and the schema of its payload.</summary>
/// <param name="Key">The webhook's key, such as <c>EVENTS.CUSTOMER.ORDER.UPDATED</c>.</param>
/// <param name="EventName">The event type a payload carries, such as <c>customer.order.updated</c>.</param>
/// <param name="Schema">The payload schema (the request body's JSON schema).</param>
internal sealed record WebhookEvent(string Key, string EventName, JsonNode Schema, JsonNode KeyNode);
