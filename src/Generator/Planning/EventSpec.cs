namespace Hooksmith.Generator.Planning;

/// <summary>An entry of the event catalog: an event type and the type its payload binds to.</summary>
/// <param name="EventName">The event type, such as <c>customer.order.updated</c>.</param>
/// <param name="WebhookKey">The key of the webhook in its document.</param>
/// <param name="Payload">The payload's type.</param>
internal sealed record EventSpec(string EventName, string WebhookKey, TypeRef Payload)
{
    /// <summary>The pointer of the payload's schema in its file.</summary>
    public string SchemaPointer { get; init; } = string.Empty;

    /// <summary>
    /// For a payload that refers into another file: the wrapper that binds it when the target has no
    /// generated type of its own; linking drops the wrapper when it has one.
    /// </summary>
    public TypeRef? Wrapper { get; init; }
}
