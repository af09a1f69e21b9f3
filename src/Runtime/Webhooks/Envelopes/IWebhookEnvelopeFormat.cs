using System;

namespace Hooksmith.Webhooks;

/// <summary>
/// Reads what a dispatcher needs from a raw webhook body before any typed binding: the event type
/// to route on, the key to deduplicate on, and where the event payload lies.
/// </summary>
/// <remarks>Implementations never throw for any body, however malformed; they report a result instead.</remarks>
public interface IWebhookEnvelopeFormat
{
    /// <summary>Reads the envelope of a webhook body.</summary>
    /// <param name="body">The raw request body (UTF-8 JSON).</param>
    /// <param name="envelope">
    /// The envelope when the result is <see cref="EnvelopeReadResult.Read"/>,
    /// <see cref="EnvelopeReadResult.MissingPayload"/> or <see cref="EnvelopeReadResult.NullPayload"/>;
    /// otherwise <c>default</c>.
    /// </param>
    /// <returns>What was found.</returns>
    EnvelopeReadResult TryRead(ReadOnlySpan<byte> body, out WebhookEnvelope envelope);
}
