using System;
using Hooksmith.Webhooks;
using Microsoft.Extensions.Logging;

namespace Hooksmith.AspNetCore;

/// <summary>
/// The endpoint's log messages, under the category <see cref="Category"/>. The event ids are stable: filter and alert
/// on them.
/// </summary>
internal static partial class HooksmithWebhookLog
{
    /// <summary>The logger category of the endpoint and its background worker.</summary>
    public const string Category = "Hooksmith.AspNetCore.Webhooks";

    [LoggerMessage(EventId = 1, EventName = "WebhookReceived", Level = LogLevel.Debug,
        Message = "Webhook delivery of {Length} bytes received on {Endpoint}")]
    public static partial void Received(ILogger logger, string endpoint, int length);

    [LoggerMessage(EventId = 2, EventName = "WebhookHandled", Level = LogLevel.Information,
        Message = "Webhook {EventType}/{EventId} handled on {Endpoint}")]
    public static partial void Handled(ILogger logger, string endpoint, string? eventType, string? eventId);

    [LoggerMessage(EventId = 3, EventName = "WebhookSignatureRejected", Level = LogLevel.Warning,
        Message = "Webhook delivery on {Endpoint} rejected: signature {SignatureStatus}, {Reason} ({HeldBack} more rejected since the last such message)")]
    public static partial void SignatureRejected(ILogger logger, string endpoint, SignatureStatus signatureStatus, string reason, long heldBack);

    [LoggerMessage(EventId = 4, EventName = "WebhookUnknownEvent", Level = LogLevel.Debug,
        Message = "Webhook {EventType}/{EventId} on {Endpoint} is not an event of the schemas; the unknown-event handler took it")]
    public static partial void UnknownEvent(ILogger logger, string endpoint, string? eventType, string? eventId);

    [LoggerMessage(EventId = 5, EventName = "WebhookDuplicate", Level = LogLevel.Information,
        Message = "Webhook {EventType}/{EventId} on {Endpoint} not handled again: {Outcome}")]
    public static partial void Duplicate(ILogger logger, string endpoint, string? eventType, string? eventId, WebhookOutcome outcome);

    [LoggerMessage(EventId = 6, EventName = "WebhookInvalidPayloadHandled", Level = LogLevel.Warning,
        Message = "Webhook {EventType}/{EventId} on {Endpoint} handled, but its payload does not match the schema: {Errors}")]
    public static partial void InvalidPayloadHandled(ILogger logger, string endpoint, string? eventType, string? eventId, string errors);

    [LoggerMessage(EventId = 7, EventName = "WebhookRejected", Level = LogLevel.Warning,
        Message = "Webhook {EventType}/{EventId} on {Endpoint} rejected: {Detail}")]
    public static partial void Rejected(ILogger logger, string endpoint, string? eventType, string? eventId, string? detail);

    [LoggerMessage(EventId = 8, EventName = "WebhookDeadLettered", Level = LogLevel.Warning,
        Message = "Webhook {EventType}/{EventId} on {Endpoint} kept as dead letter {DeadLetterId}: {Detail}")]
    public static partial void DeadLettered(ILogger logger, string endpoint, string? eventType, string? eventId, string? deadLetterId, string? detail);

    [LoggerMessage(EventId = 9, EventName = "WebhookHandlerFailed", Level = LogLevel.Error,
        Message = "Webhook {EventType}/{EventId} on {Endpoint}: the handler failed")]
    public static partial void HandlerFailed(ILogger logger, string endpoint, string? eventType, string? eventId, Exception? exception);

    [LoggerMessage(EventId = 10, EventName = "WebhookQueueFull", Level = LogLevel.Warning,
        Message = "Webhook delivery on {Endpoint} refused with 503: the background queue is full ({Capacity} deliveries) or closed for shutdown")]
    public static partial void QueueFull(ILogger logger, string endpoint, int capacity);

    [LoggerMessage(EventId = 11, EventName = "WebhookNoHandler", Level = LogLevel.Warning,
        Message = "Webhook {EventType}/{EventId} on {Endpoint} acknowledged without a handler: none is registered for it")]
    public static partial void NoHandler(ILogger logger, string endpoint, string? eventType, string? eventId);

    [LoggerMessage(EventId = 12, EventName = "WebhookBodyTooLarge", Level = LogLevel.Warning,
        Message = "Webhook delivery on {Endpoint} refused with 413: the body is larger than {MaxBodyBytes} bytes")]
    public static partial void BodyTooLarge(ILogger logger, string endpoint, long maxBodyBytes);

    [LoggerMessage(EventId = 13, EventName = "WebhookQueued", Level = LogLevel.Debug,
        Message = "Webhook {EventType}/{EventId} on {Endpoint} queued for the background worker")]
    public static partial void Queued(ILogger logger, string endpoint, string? eventType, string? eventId);

    [LoggerMessage(EventId = 14, EventName = "WebhookUnavailable", Level = LogLevel.Error,
        Message = "Webhook {EventType}/{EventId} on {Endpoint} not taken: {Detail}")]
    public static partial void Unavailable(ILogger logger, string endpoint, string? eventType, string? eventId, string? detail, Exception? exception);

    [LoggerMessage(EventId = 15, EventName = "WebhookReceiverFailed", Level = LogLevel.Error,
        Message = "Webhook delivery on {Endpoint} answered 503: the receiver failed (a store could not be reached?)")]
    public static partial void ReceiverFailed(ILogger logger, string endpoint, Exception exception);

    [LoggerMessage(EventId = 16, EventName = "WebhookOptionsInvalid", Level = LogLevel.Error,
        Message = "Webhook delivery on {Endpoint} answered 503: the endpoint's options are invalid. {Problems}")]
    public static partial void OptionsInvalid(ILogger logger, string endpoint, string problems);

    [LoggerMessage(EventId = 17, EventName = "WebhookBodyUnreadable", Level = LogLevel.Information,
        Message = "Webhook delivery on {Endpoint} answered {StatusCode}: the request body could not be read")]
    public static partial void BodyUnreadable(ILogger logger, string endpoint, int statusCode, Exception exception);

    [LoggerMessage(EventId = 18, EventName = "WebhookQueuedDeliveryNotProcessed", Level = LogLevel.Error,
        Message = "Webhook {EventType}/{EventId} on {Endpoint} was acknowledged with 202 but not processed ({Outcome}); the provider will not send it again")]
    public static partial void QueuedDeliveryNotProcessed(ILogger logger, string endpoint, string? eventType, string? eventId, WebhookOutcome outcome);

    [LoggerMessage(EventId = 19, EventName = "WebhookQueuedDeliveryFailed", Level = LogLevel.Error,
        Message = "Webhook delivery on {Endpoint} was acknowledged with 202 but could not be processed; the provider will not send it again")]
    public static partial void QueuedDeliveryFailed(ILogger logger, string endpoint, Exception exception);

    [LoggerMessage(EventId = 20, EventName = "WebhookUnknownEventAcknowledged", Level = LogLevel.Information,
        Message = "Webhook of unknown event type {EventType} (event {EventId}, delivery {DeliveryId}) acknowledged without handling")]
    public static partial void UnknownEventAcknowledged(ILogger logger, string eventType, string? eventId, string? deliveryId);

    [LoggerMessage(EventId = 21, EventName = "WebhookQueueAbandoned", Level = LogLevel.Error,
        Message = "Webhook delivery on {Endpoint} dropped at shutdown: it was acknowledged with 202 and was still queued when the host's shutdown timeout passed")]
    public static partial void QueueAbandoned(ILogger logger, string endpoint);

    [LoggerMessage(EventId = 22, EventName = "WebhookDeduplicationKeyEvicted", Level = LogLevel.Warning,
        Message = "Webhook deduplication on {Endpoint}: the in-memory store is full ({Capacity} keys) and dropped key {Key} {TimeLeft} before its time, so a retry of that event would be handled again ({HeldBack} more dropped since the last such message); raise MaxEntries or use a shared store")]
    public static partial void DeduplicationKeyEvicted(ILogger logger, string endpoint, int capacity, string key, TimeSpan timeLeft, long heldBack);

    [LoggerMessage(EventId = 23, EventName = "WebhookPendingDeliveryRecovered", Level = LogLevel.Information,
        Message = "Webhook {EventType}/{EventId} on {Endpoint} was acknowledged by an earlier run and not processed; processing it now (pending letter {LetterId})")]
    public static partial void PendingDeliveryRecovered(ILogger logger, string endpoint, string eventType, string eventId, string letterId);

    /// <summary>Logs what the receiver did with a delivery, at the level its outcome deserves.</summary>
    /// <param name="logger">The endpoint's logger.</param>
    /// <param name="endpoint">The endpoint's name.</param>
    /// <param name="receipt">What the receiver did.</param>
    /// <param name="signatureFailures">Aggregates rejected signatures; null logs each one.</param>
    /// <param name="interval">The aggregation interval of <paramref name="signatureFailures"/>.</param>
    public static void Receipt(ILogger logger, string endpoint, WebhookReceipt receipt, IntervalLogGate? signatureFailures = null, TimeSpan interval = default)
    {
        if (receipt.Items is { } items)
        {
            // A batch: each item is an event of its own, logged as one (a forged item is a rejected signature).
            foreach (var item in items)
            {
                Receipt(logger, endpoint, item, signatureFailures, interval);
            }

            return;
        }

        receipt = receipt with { EventType = receipt.EventType ?? "-", EventId = receipt.EventId ?? "-" };
        switch (receipt.Outcome)
        {
            case WebhookOutcome.Handled when receipt.Validation.IsValid:
                Handled(logger, endpoint, receipt.EventType, receipt.EventId);
                break;
            case WebhookOutcome.Handled:
                if (logger.IsEnabled(LogLevel.Warning))
                {
                    InvalidPayloadHandled(logger, endpoint, receipt.EventType, receipt.EventId, receipt.Validation.ToString());
                }

                break;
            case WebhookOutcome.Duplicate or WebhookOutcome.InProgress:
                Duplicate(logger, endpoint, receipt.EventType, receipt.EventId, receipt.Outcome);
                break;
            case WebhookOutcome.UnknownEvent:
                UnknownEvent(logger, endpoint, receipt.EventType, receipt.EventId);
                break;
            case WebhookOutcome.NoHandler:
                NoHandler(logger, endpoint, receipt.EventType, receipt.EventId);
                break;
            case WebhookOutcome.SignatureRejected:
                long heldBack = 0;
                if (signatureFailures is null || signatureFailures.TryPass(interval, out heldBack))
                {
                    SignatureRejected(logger, endpoint, receipt.Signature.Status, receipt.Signature.Reason, heldBack);
                }

                break;
            case WebhookOutcome.Rejected:
                Rejected(logger, endpoint, receipt.EventType, receipt.EventId, receipt.Detail);
                break;
            case WebhookOutcome.DeadLettered:
                DeadLettered(logger, endpoint, receipt.EventType, receipt.EventId, receipt.DeadLetterId, receipt.Detail);
                break;
            case WebhookOutcome.HandlerFailed:
                HandlerFailed(logger, endpoint, receipt.EventType, receipt.EventId, receipt.Exception);
                break;
            case WebhookOutcome.Queued:
                Queued(logger, endpoint, receipt.EventType, receipt.EventId);
                break;
            default:
                Unavailable(logger, endpoint, receipt.EventType, receipt.EventId, receipt.Detail, receipt.Exception);
                break;
        }
    }
}
