using System;
using Hooksmith.Validation;

namespace Hooksmith.Webhooks;

/// <summary>The receiver's account of one delivery: what it did, the HTTP status to answer, and why.</summary>
public sealed record WebhookReceipt
{
    /// <summary>What the receiver did.</summary>
    public required WebhookOutcome Outcome { get; init; }

    /// <summary>The event type, when the envelope could be read.</summary>
    public string? EventType { get; init; }

    /// <summary>
    /// The event id (the deduplication key), when the envelope has one; for a delivery without one that was found to
    /// be a duplicate, the key made from its body (<see cref="WebhookReceiver.BodyDeduplicationKey"/>).
    /// </summary>
    public string? EventId { get; init; }

    /// <summary>The signature check; <see cref="SignatureStatus"/> is default when no verifier is configured.</summary>
    public SignatureResult Signature { get; init; }

    /// <summary>How the payload fared against its schema (valid when it was not checked).</summary>
    public ValidationResult Validation { get; init; } = ValidationResult.Valid;

    /// <summary>What went wrong, in plain words, when something did.</summary>
    public string? Detail { get; init; }

    /// <summary>The handler's exception, for <see cref="WebhookOutcome.HandlerFailed"/>.</summary>
    public Exception? Exception { get; init; }

    /// <summary>The dead letter's id, for <see cref="WebhookOutcome.DeadLettered"/>.</summary>
    public string? DeadLetterId { get; init; }

    /// <summary>
    /// For a batch delivery, the receipt of each item in the batch's order (the batch's own <see cref="Outcome"/> sums
    /// them up); null for a delivery of one event.
    /// </summary>
    public System.Collections.Generic.IReadOnlyList<WebhookReceipt>? Items { get; init; }

    /// <summary>For an item of a batch, its position in the batch's array.</summary>
    public int? ItemIndex { get; init; }

    /// <summary>True when the delivery is acknowledged (2xx): the provider will not send it again.</summary>
    public bool IsAcknowledged => StatusCode is >= 200 and < 300;

    /// <summary>The HTTP status code to answer with.</summary>
    public int StatusCode => StatusCodeOf(Outcome);

    /// <summary>True when an outcome is answered 2xx.</summary>
    public static bool IsAcknowledgedOutcome(WebhookOutcome outcome) => StatusCodeOf(outcome) is >= 200 and < 300;

    /// <summary>The HTTP status code for an outcome: 2xx acknowledges, anything else makes the provider retry.</summary>
    public static int StatusCodeOf(WebhookOutcome outcome) => outcome switch
    {
        WebhookOutcome.Handled or WebhookOutcome.Duplicate => 200,
        WebhookOutcome.UnknownEvent or WebhookOutcome.NoHandler or WebhookOutcome.DeadLettered or WebhookOutcome.Queued => 202,
        WebhookOutcome.Rejected => 400,
        WebhookOutcome.SignatureRejected => 401,
        WebhookOutcome.InProgress => 409,
        WebhookOutcome.HandlerFailed => 500,
        _ => 503,
    };

    /// <inheritdoc/>
    public override string ToString() => $"{StatusCode} {Outcome}" + (EventType is null ? string.Empty : $" {EventType}") + (Detail is null ? string.Empty : $": {Detail}");
}
