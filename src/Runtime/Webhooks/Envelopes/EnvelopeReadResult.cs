namespace Hooksmith.Webhooks;

/// <summary>The outcome of <see cref="IWebhookEnvelopeFormat.TryRead"/>.</summary>
/// <remarks>
/// The members start at 1 so that a <c>default</c> value is never mistaken for <see cref="Read"/>.
/// For <see cref="MissingPayload"/> and <see cref="NullPayload"/> the envelope is still filled in
/// (event type, ids, creation time) so that a dispatcher can acknowledge, log or deduplicate the
/// delivery; its payload is then empty.
/// </remarks>
public enum EnvelopeReadResult
{
    /// <summary>The envelope was read and carries a payload.</summary>
    Read = 1,

    /// <summary>The body is empty or holds only whitespace.</summary>
    Empty = 2,

    /// <summary>
    /// The body is not one complete, well-formed JSON value (truncated, trailing content, invalid
    /// UTF-8 or an unpaired surrogate in a string the format reads, nesting deeper than 64 levels).
    /// </summary>
    MalformedJson = 3,

    /// <summary>The body is well-formed JSON but its root is not the object the format expects.</summary>
    NotAnObject = 4,

    /// <summary>The envelope is well formed but has no payload member.</summary>
    MissingPayload = 5,

    /// <summary>The payload member is present but is JSON <c>null</c>.</summary>
    NullPayload = 6,
}
