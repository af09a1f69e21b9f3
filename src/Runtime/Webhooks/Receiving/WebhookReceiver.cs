using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Security.Cryptography;
using System.Threading;
using System.Threading.Tasks;
using Hooksmith.Validation;

namespace Hooksmith.Webhooks;

/// <summary>
/// Receives webhook deliveries without a host: verify the signature over the raw bytes, read the
/// envelope and route on the event type, deduplicate on the event id, validate and bind the payload,
/// run the handler, and say what to answer. Never throws for what a delivery contains; a handler's
/// exception becomes <see cref="WebhookOutcome.HandlerFailed"/>.
/// </summary>
/// <remarks>
/// The ASP.NET Core endpoint is a thin layer over this; queues, functions and tests use it directly:
/// <c>ReceiveAsync(body, headers, services)</c> for a delivery as it arrived,
/// <see cref="ProcessVerifiedAsync"/> for one whose signature was checked already (a background
/// worker, a replayed dead letter).
/// </remarks>
public sealed class WebhookReceiver
{
    /// <summary>Creates a receiver for the events of <paramref name="events"/>.</summary>
    public WebhookReceiver(WebhookEventTable events, WebhookReceiverOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(events);
        Events = events;
        Options = options ?? new WebhookReceiverOptions();
        if (Options.Provider is { } provider)
        {
            // The provider says how its keys appear in deliveries (EVENTS.CUSTOMER.ORDER.UPDATED → customer.order.updated,
            // /AUTHORISATION → AUTHORISATION); the table's own names stay a fallback.
            _routes = new Dictionary<string, WebhookEventDescriptor>(StringComparer.Ordinal);
            foreach (var descriptor in events.Events)
            {
                var value = provider.EventKeys.RoutingValueOf(descriptor.Key);
                _routes.TryAdd(value.Length > 0 ? value : descriptor.EventType, descriptor);
            }
        }
    }

    private readonly Dictionary<string, WebhookEventDescriptor>? _routes;

    /// <summary>The events this receiver routes to.</summary>
    public WebhookEventTable Events { get; }

    /// <summary>How deliveries are treated.</summary>
    public WebhookReceiverOptions Options { get; }

    /// <summary>Checks a delivery's signature; valid when no verifier is configured.</summary>
    public SignatureResult Verify(ReadOnlySpan<byte> body, IWebhookHeaders headers)
        => Options.SignatureVerifier is { } verifier ? verifier.Verify(body, headers) : SignatureResult.Valid(0, "no signature verifier is configured");

    /// <summary>Receives a delivery as it arrived: verifies it, then processes it.</summary>
    /// <param name="body">The raw request body.</param>
    /// <param name="headers">The request headers.</param>
    /// <param name="services">Where handlers are resolved (<see cref="IWebhookHandler{TEvent}"/>, the exhaustive handler, <see cref="IUnknownWebhookHandler"/>).</param>
    /// <param name="cancellationToken">Cancels the handling.</param>
    public async Task<WebhookReceipt> ReceiveAsync(ReadOnlyMemory<byte> body, IWebhookHeaders headers, IServiceProvider services, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(headers);
        ArgumentNullException.ThrowIfNull(services);
        using var activity = WebhookTelemetry.ActivitySource.StartActivity("webhook receive", ActivityKind.Server);
        var signature = Verify(body.Span, headers);
        if (!signature.IsValid)
        {
            return Reject(signature, activity);
        }

        var receipt = await ProcessCoreAsync(body, headers, services, cancellationToken).ConfigureAwait(false);
        if (receipt.Outcome != WebhookOutcome.SignatureRejected)
        {
            // A batch none of whose items verified keeps the items' verdict.
            receipt = receipt with { Signature = signature };
        }

        Record(activity, receipt);
        return receipt;
    }

    /// <summary>
    /// The receipt for a delivery whose signature failed, counted in the telemetry like any other: for
    /// hosts that call <see cref="Verify"/> themselves (before queueing a delivery, say).
    /// </summary>
    /// <exception cref="ArgumentException">The signature is valid.</exception>
    public WebhookReceipt Reject(SignatureResult signature)
    {
        using var activity = WebhookTelemetry.ActivitySource.StartActivity("webhook receive", ActivityKind.Server);
        return Reject(signature, activity);
    }

    private static WebhookReceipt Reject(SignatureResult signature, Activity? activity)
    {
        if (signature.IsValid)
        {
            throw new ArgumentException("The signature is valid.", nameof(signature));
        }

        WebhookTelemetry.SignatureFailures.Add(1, new TagList { { "status", signature.Status.ToString() } });
        var receipt = new WebhookReceipt { Outcome = WebhookOutcome.SignatureRejected, Signature = signature, Detail = signature.Reason };
        Record(activity, receipt);
        return receipt;
    }

    /// <summary>Processes a delivery whose signature was already checked (or that is being replayed).</summary>
    public async Task<WebhookReceipt> ProcessVerifiedAsync(ReadOnlyMemory<byte> body, IWebhookHeaders headers, IServiceProvider services, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(headers);
        ArgumentNullException.ThrowIfNull(services);
        using var activity = WebhookTelemetry.ActivitySource.StartActivity("webhook process", ActivityKind.Consumer);
        var receipt = await ProcessCoreAsync(body, headers, services, cancellationToken).ConfigureAwait(false);
        Record(activity, receipt);
        return receipt;
    }

    private ValueTask<WebhookReceipt> ProcessCoreAsync(ReadOnlyMemory<byte> body, IWebhookHeaders headers, IServiceProvider services, CancellationToken cancellationToken)
    {
        if (Options.Provider is { Batch: not null } batchProvider)
        {
            return ProcessBatchAsync(batchProvider, body, headers, services, cancellationToken);
        }

        WebhookEnvelope envelope;
        var read = Options.Provider is { } provider
            ? provider.Read(body.Span, headers, out envelope)
            : Options.EnvelopeFormat.TryRead(body.Span, out envelope);
        return ProcessEnvelopeAsync(read, envelope, body, headers, services, cancellationToken);
    }

    /// <summary>The event a routing value names: through the provider's key naming when there is a provider, else the table's names.</summary>
    private bool TryRoute(string eventType, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out WebhookEventDescriptor? descriptor)
        => (_routes is not null && _routes.TryGetValue(eventType, out descriptor)) || Events.TryGet(eventType, out descriptor);

    /// <summary>
    /// Each item of a batch on its own: its signature checked, then routed, deduplicated, validated and handled like a
    /// delivery of one event, so one bad item never loses the others. The batch's receipt sums the items up.
    /// </summary>
    private async ValueTask<WebhookReceipt> ProcessBatchAsync(WebhookProvider provider, ReadOnlyMemory<byte> body, IWebhookHeaders headers, IServiceProvider services, CancellationToken cancellationToken)
    {
        var read = provider.ReadBatch(body, headers, out var items);
        if (read != EnvelopeReadResult.Read)
        {
            return await ProcessEnvelopeAsync(read, default, body, headers, services, cancellationToken).ConfigureAwait(false);
        }

        var receipts = new WebhookReceipt[items.Count];
        var verified = 0;
        var firstFailure = default(SignatureResult);
        for (var i = 0; i < receipts.Length; i++)
        {
            var item = items[i];
            var signature = default(SignatureResult);
            if (Options.ItemSignatureVerifier is { } verifier)
            {
                signature = verifier.Verify(item.Item.Span);
                if (!signature.IsValid)
                {
                    WebhookTelemetry.SignatureFailures.Add(1, new TagList { { "status", signature.Status.ToString() } });
                    firstFailure = firstFailure.Status == 0 ? signature : firstFailure;
                    receipts[i] = new WebhookReceipt
                    {
                        Outcome = WebhookOutcome.SignatureRejected,
                        Signature = signature,
                        EventType = item.Envelope.EventType.Length > 0 ? item.Envelope.EventType : null,
                        EventId = item.Envelope.DeduplicationKey,
                        Detail = signature.Reason,
                        ItemIndex = item.Index,
                    };
                    continue;
                }
            }

            verified++;
            var receipt = await ProcessEnvelopeAsync(item.Read, item.Envelope, item.Body, headers, services, cancellationToken).ConfigureAwait(false);
            receipts[i] = receipt with { Signature = signature, ItemIndex = item.Index };
        }

        return SumUp(receipts, verified, firstFailure);
    }

    /// <summary>
    /// The answer to a whole batch. No item verified: 401, like any forged delivery. An item the provider should send
    /// again (its handler failed, a store was down, it is in flight elsewhere): that item's status, so the batch is
    /// retried and the items already done are recognised as duplicates. Otherwise acknowledged, with items that were
    /// forged or rejected reported in <see cref="WebhookReceipt.Items"/> (sending them again would not change them).
    /// </summary>
    private static WebhookReceipt SumUp(WebhookReceipt[] receipts, int verified, SignatureResult firstFailure)
    {
        var counts = new SortedDictionary<WebhookOutcome, int>();
        foreach (var receipt in receipts)
        {
            counts[receipt.Outcome] = counts.TryGetValue(receipt.Outcome, out var count) ? count + 1 : 1;
        }

        var summary = $"{receipts.Length} item(s): " + string.Join(", ", counts.Select(pair => $"{pair.Value} {pair.Key}"));
        if (verified == 0)
        {
            return new WebhookReceipt { Outcome = WebhookOutcome.SignatureRejected, Signature = firstFailure, Items = receipts, Detail = "no item of the batch has a valid signature; " + summary };
        }

        var retry = Array.Find(receipts, r => r.StatusCode >= 500 || r.Outcome == WebhookOutcome.InProgress);
        if (retry is not null)
        {
            return new WebhookReceipt { Outcome = retry.Outcome, Items = receipts, Exception = retry.Exception, Detail = summary };
        }

        var done = Array.FindAll(receipts, r => r.Outcome is not (WebhookOutcome.SignatureRejected or WebhookOutcome.Rejected));
        var outcome = done.Length > 0 && Array.TrueForAll(done, r => r.Outcome == done[0].Outcome) ? done[0].Outcome : WebhookOutcome.Handled;
        if (!WebhookReceipt.IsAcknowledgedOutcome(outcome))
        {
            outcome = WebhookOutcome.Handled;
        }

        return new WebhookReceipt { Outcome = outcome, Items = receipts, Detail = summary };
    }

    private async ValueTask<WebhookReceipt> ProcessEnvelopeAsync(EnvelopeReadResult read, WebhookEnvelope envelope, ReadOnlyMemory<byte> body, IWebhookHeaders headers, IServiceProvider services, CancellationToken cancellationToken)
    {
        if (read != EnvelopeReadResult.Read)
        {
            WebhookTelemetry.InvalidPayloads.Add(1, new TagList { { "reason", read.ToString() } });
            var detail = DescribeEnvelopeProblem(read);
            var reason = read is EnvelopeReadResult.MissingPayload or EnvelopeReadResult.NullPayload ? DeadLetterReason.MissingPayload : DeadLetterReason.MalformedBody;
            var eventType = read is EnvelopeReadResult.MissingPayload or EnvelopeReadResult.NullPayload ? envelope.EventType : null;
            return Options.RejectMalformedBodies
                ? new WebhookReceipt { Outcome = WebhookOutcome.Rejected, EventType = eventType, EventId = envelope.DeduplicationKey, Detail = detail }
                : await DeadLetterAsync(body, envelope, reason, detail, ValidationResult.Valid, cancellationToken).ConfigureAwait(false);
        }

        if (!TryRoute(envelope.EventType, out var descriptor))
        {
            WebhookTelemetry.UnknownEvents.Add(1, new TagList { { "event_type", envelope.EventType } });
            if (services.GetService(typeof(IUnknownWebhookHandler)) is IUnknownWebhookHandler unknown)
            {
                try
                {
                    await unknown.HandleAsync(new WebhookContext(envelope, body, headers, ValidationResult.Valid), cancellationToken).ConfigureAwait(false);
                }
                catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
                {
                    return Failed(envelope, exception, ValidationResult.Valid);
                }
            }

            return new WebhookReceipt { Outcome = WebhookOutcome.UnknownEvent, EventType = envelope.EventType, EventId = envelope.DeduplicationKey, Detail = $"'{envelope.EventType}' is not an event of {Events.GetType().Name}" };
        }

        var claim = default(DeduplicationClaim);
        if (Options.Deduplication is { } store)
        {
            var key = envelope.DeduplicationKey;
            if (key is null)
            {
                key = BodyDeduplicationKey(body.Span);
                WebhookTelemetry.DeduplicationKeysFromBody.Add(1, new TagList { { "event_type", envelope.EventType } });
            }

            try
            {
                claim = await store.TryBeginAsync(key, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                // The store is unreachable: not acknowledged, so the provider retries.
                return new WebhookReceipt { Outcome = WebhookOutcome.Unavailable, EventType = envelope.EventType, EventId = key, Exception = exception, Detail = $"the deduplication store failed: {exception.GetType().Name}: {exception.Message}" };
            }

            if (!claim.ShouldProcess)
            {
                WebhookTelemetry.Duplicates.Add(1, new TagList { { "status", claim.Status.ToString() } });
                return new WebhookReceipt
                {
                    Outcome = claim.Status == DeduplicationStatus.AlreadyProcessed ? WebhookOutcome.Duplicate : WebhookOutcome.InProgress,
                    EventType = envelope.EventType,
                    EventId = key,
                    Detail = claim.Status == DeduplicationStatus.AlreadyProcessed ? "the event was processed before" : "another delivery of the event is being processed",
                };
            }
        }

        WebhookReceipt receipt;
        try
        {
            receipt = await DispatchAsync(descriptor, envelope, body, headers, services, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            receipt = Failed(envelope, exception, ValidationResult.Valid);
        }
        catch (OperationCanceledException)
        {
            receipt = new WebhookReceipt { Outcome = WebhookOutcome.Unavailable, EventType = envelope.EventType, EventId = envelope.DeduplicationKey, Detail = "the handling was cancelled" };
        }

        if (claim.ShouldProcess)
        {
            // Only what was done (or kept aside) counts as processed; anything else may be retried.
            try
            {
                if (receipt.IsAcknowledged)
                {
                    await Options.Deduplication!.CompleteAsync(claim, CancellationToken.None).ConfigureAwait(false);
                }
                else
                {
                    await Options.Deduplication!.AbandonAsync(claim, CancellationToken.None).ConfigureAwait(false);
                }
            }
            catch (Exception exception)
            {
                // The work is done (or failed) either way. A store may still record it later (Redis retries a pending
                // completion in the background); one that cannot lets the claim expire with its lease.
                receipt = receipt with { Detail = (receipt.Detail is null ? string.Empty : receipt.Detail + "; ") + $"the deduplication store has not recorded it: {exception.GetType().Name}: {exception.Message}" };
            }
        }

        return receipt;
    }

    private async ValueTask<WebhookReceipt> DispatchAsync(WebhookEventDescriptor descriptor, WebhookEnvelope envelope, ReadOnlyMemory<byte> body, IWebhookHeaders headers, IServiceProvider services, CancellationToken cancellationToken)
    {
        var policy = Options.InvalidPayloads;
        var started = Stopwatch.GetTimestamp();
        var step = await descriptor.DispatchAsync(envelope, body, headers, services, Events.ExhaustiveHandlerType, Options.Validation, deliverInvalid: policy == InvalidPayloadPolicy.AcceptAndReport, cancellationToken).ConfigureAwait(false);
        if (!step.Validation.IsValid)
        {
            WebhookTelemetry.InvalidPayloads.Add(1, new TagList { { "event_type", envelope.EventType } });
        }

        switch (step.Status)
        {
            case DispatchStatus.Handled:
                WebhookTelemetry.HandlerDuration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds, new TagList { { "event_type", envelope.EventType } });
                return Receipt(WebhookOutcome.Handled, envelope, step.Validation, step.Validation.IsValid ? null : "handled; the payload does not match its schema");
            case DispatchStatus.NoHandler:
                return Receipt(WebhookOutcome.NoHandler, envelope, step.Validation, $"no handler is registered for '{envelope.EventType}'");
            case DispatchStatus.NotBound:
                return policy == InvalidPayloadPolicy.Reject
                    ? Receipt(WebhookOutcome.Rejected, envelope, step.Validation, step.Validation.ToString())
                    : await DeadLetterAsync(body, envelope, DeadLetterReason.UnboundPayload, step.Validation.ToString(), step.Validation, cancellationToken).ConfigureAwait(false);
            default:
                return policy == InvalidPayloadPolicy.Reject
                    ? Receipt(WebhookOutcome.Rejected, envelope, step.Validation, step.Validation.ToString())
                    : await DeadLetterAsync(body, envelope, DeadLetterReason.InvalidPayload, step.Validation.ToString(), step.Validation, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task<WebhookReceipt> DeadLetterAsync(ReadOnlyMemory<byte> body, WebhookEnvelope envelope, DeadLetterReason reason, string detail, ValidationResult validation, CancellationToken cancellationToken)
    {
        var eventType = envelope.EventType.Length == 0 ? null : envelope.EventType;
        var letter = new DeadLetter(Guid.NewGuid().ToString("N"), DateTimeOffset.UtcNow, reason, detail, eventType, envelope.DeduplicationKey, body);
        bool stored;
        try
        {
            stored = await Options.DeadLetters.StoreAsync(letter, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return new WebhookReceipt { Outcome = WebhookOutcome.Unavailable, EventType = eventType, EventId = envelope.DeduplicationKey, Validation = validation, Exception = exception, Detail = $"the dead-letter store failed ({exception.GetType().Name}: {exception.Message}); " + detail };
        }

        return stored
            ? new WebhookReceipt { Outcome = WebhookOutcome.DeadLettered, EventType = eventType, EventId = envelope.DeduplicationKey, Validation = validation, Detail = detail, DeadLetterId = letter.Id }
            : new WebhookReceipt { Outcome = WebhookOutcome.Unavailable, EventType = eventType, EventId = envelope.DeduplicationKey, Validation = validation, Detail = "the dead-letter store is full; " + detail };
    }

    /// <summary>
    /// The deduplication key of a delivery whose envelope carries no id: a hash of the body's bytes, since a
    /// provider's retry sends the same bytes. Prefixed so that it can never equal an id a provider assigns.
    /// </summary>
    public static string BodyDeduplicationKey(ReadOnlySpan<byte> body)
    {
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(body, hash);
        return BodyKeyPrefix + Hex.EncodeLower(hash);
    }

    private const string BodyKeyPrefix = "body-sha256:";

    private static WebhookReceipt Receipt(WebhookOutcome outcome, WebhookEnvelope envelope, ValidationResult validation, string? detail)
        => new() { Outcome = outcome, EventType = envelope.EventType, EventId = envelope.DeduplicationKey, Validation = validation, Detail = detail };

    private static WebhookReceipt Failed(WebhookEnvelope envelope, Exception exception, ValidationResult validation)
        => new() { Outcome = WebhookOutcome.HandlerFailed, EventType = envelope.EventType, EventId = envelope.DeduplicationKey, Validation = validation, Exception = exception, Detail = $"the handler failed: {exception.GetType().Name}: {exception.Message}" };

    private static string DescribeEnvelopeProblem(EnvelopeReadResult read) => read switch
    {
        EnvelopeReadResult.Empty => "the body is empty",
        EnvelopeReadResult.MalformedJson => "the body is not valid JSON",
        EnvelopeReadResult.NotAnObject => "the body is not a JSON object",
        EnvelopeReadResult.MissingPayload => "the envelope has no payload",
        _ => "the envelope's payload is null",
    };

    private static void Record(Activity? activity, WebhookReceipt receipt)
    {
        var tags = new TagList { { "outcome", receipt.Outcome.ToString() }, { "event_type", receipt.EventType ?? string.Empty } };
        WebhookTelemetry.Received.Add(1, tags);
        if (activity is not null)
        {
            activity.SetTag("webhook.outcome", receipt.Outcome.ToString());
            activity.SetTag("webhook.event_type", receipt.EventType);
            activity.SetTag("webhook.event_id", receipt.EventId);
            activity.SetTag("http.response.status_code", receipt.StatusCode);
            if (!receipt.IsAcknowledged)
            {
                activity.SetStatus(ActivityStatusCode.Error, receipt.Detail);
            }
        }
    }
}
