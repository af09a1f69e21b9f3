using Hooksmith.Webhooks;

namespace Hooksmith.AspNetCore.Queue;

/// <summary>A verified delivery waiting for the background worker, with everything it needs after the request ended.</summary>
/// <param name="Receiver">The receiver built from the options in force when the delivery arrived.</param>
/// <param name="Body">The body, owned (not a request buffer).</param>
/// <param name="Headers">A copy of the request headers (none for a delivery recovered after a restart).</param>
/// <param name="PendingLetterId">The id of the <see cref="DeadLetterReason.Pending"/> letter that keeps it until it is processed.</param>
internal sealed record QueuedDelivery(WebhookReceiver Receiver, byte[] Body, DictionaryWebhookHeaders Headers, string PendingLetterId);
