using System;
using System.Buffers;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Threading;
using System.Threading.Channels;
using System.Threading.Tasks;
using Hooksmith.AspNetCore.Queue;
using Hooksmith.Webhooks;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Hooksmith.AspNetCore;

/// <summary>
/// One webhook endpoint (one options name): answers its requests through a <see cref="WebhookReceiver"/> built from the
/// options in force, and holds its background queue.
/// </summary>
/// <remarks>
/// The receiver is rebuilt only when <c>IOptionsMonitor</c> hands out a new options instance (after a change), so the
/// usual request costs a reference comparison; a rotated secret is in force from the next request on.
/// </remarks>
internal sealed class HooksmithWebhookEndpoint
{
    private const int MaxDetailLength = 2000;

    private readonly IOptionsMonitor<HooksmithWebhookOptions> _options;
    private readonly IServiceProvider _services;
    private ReceiverSnapshot? _snapshot;

    public HooksmithWebhookEndpoint(string name, WebhookEventTable events, IOptionsMonitor<HooksmithWebhookOptions> options, IServiceProvider services, ILoggerFactory loggers)
    {
        Name = name;
        Events = events;
        _options = options;
        _services = services;
        Logger = loggers.CreateLogger(HooksmithWebhookLog.Category);
        SignatureFailures = new IntervalLogGate(services.GetService<TimeProvider>() ?? TimeProvider.System);
        // Read once; a capacity below 1 is reported by EnsureValid when the host starts.
        QueueCapacity = Math.Max(1, options.Get(name).QueueCapacity);
        Queue = Channel.CreateBounded<QueuedDelivery>(new BoundedChannelOptions(QueueCapacity)
        {
            SingleReader = true,
            FullMode = BoundedChannelFullMode.Wait,
        });
    }

    /// <summary>The options name, also the endpoint's name in logs.</summary>
    public string Name { get; }

    /// <summary>The events the endpoint routes to.</summary>
    public WebhookEventTable Events { get; }

    public ILogger Logger { get; }

    /// <summary>Aggregates the warnings of rejected signatures (see <see cref="HooksmithWebhookOptions.LogAggregationInterval"/>).</summary>
    public IntervalLogGate SignatureFailures { get; }

    /// <summary>Deliveries verified and acknowledged, waiting for the background worker.</summary>
    public Channel<QueuedDelivery> Queue { get; }

    public int QueueCapacity { get; }

    /// <summary>The configured secrets without the empty ones.</summary>
    internal static string[] UsableSecrets(HooksmithWebhookOptions options)
        => options.Secrets?.Where(secret => !string.IsNullOrEmpty(secret)).ToArray() ?? [];

    /// <summary>Answers one request.</summary>
    public async Task HandleAsync(HttpContext context)
    {
        var aborted = context.RequestAborted;
        HooksmithWebhookOptions options;
        ReceiverSnapshot snapshot;
        try
        {
            options = _options.Get(Name);
            snapshot = SnapshotFor(options);
        }
        catch (Exception exception)
        {
            // A configuration step or a store's factory that throws.
            HooksmithWebhookLog.ReceiverFailed(Logger, Name, exception);
            await WriteAsync(context, StatusCodes.Status503ServiceUnavailable, nameof(WebhookOutcome.Unavailable), null, PublicDetail(WebhookOutcome.Unavailable, null)).ConfigureAwait(false);
            return;
        }

        if (snapshot.Receiver is not { } receiver)
        {
            HooksmithWebhookLog.OptionsInvalid(Logger, Name, string.Join(" ", snapshot.Problems));
            await WriteAsync(context, StatusCodes.Status503ServiceUnavailable, nameof(WebhookOutcome.Unavailable), null, "the endpoint is not configured correctly").ConfigureAwait(false);
            return;
        }

        (BodyReadStatus Status, byte[] Body, Exception? Error) read;
        try
        {
            read = await RequestBodyReader.ReadAsync(context.Request, options.MaxBodyBytes, aborted).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is OperationCanceledException or System.IO.IOException)
        {
            if (aborted.IsCancellationRequested)
            {
                return; // The sender went away; nobody is left to answer.
            }

            read = (BodyReadStatus.Unreadable, [], exception);
        }

        switch (read.Status)
        {
            case BodyReadStatus.TooLarge:
                HooksmithWebhookLog.BodyTooLarge(Logger, Name, options.MaxBodyBytes);
                await WriteAsync(context, StatusCodes.Status413PayloadTooLarge, "PayloadTooLarge", null, $"the body is larger than {options.MaxBodyBytes} bytes").ConfigureAwait(false);
                return;
            case BodyReadStatus.Unreadable:
                // Kestrel says which (400 a broken body, 408 one that came too slowly).
                var status = read.Error is BadHttpRequestException bad ? bad.StatusCode : StatusCodes.Status400BadRequest;
                HooksmithWebhookLog.BodyUnreadable(Logger, Name, status, read.Error!);
                await WriteAsync(context, status, nameof(WebhookOutcome.Rejected), null, "the request body could not be read").ConfigureAwait(false);
                return;
        }

        var body = read.Body;
        HooksmithWebhookLog.Received(Logger, Name, body.Length);
        var headers = new HttpRequestWebhookHeaders(context.Request.Headers);
        WebhookReceipt receipt;
        try
        {
            if (options.Acknowledge == WebhookAcknowledgement.AfterEnqueue)
            {
                receipt = await EnqueueAsync(receiver, options, body, headers, aborted).ConfigureAwait(false);
            }
            else
            {
                receipt = await receiver.ReceiveAsync(body, headers, context.RequestServices, aborted).ConfigureAwait(false);
                HooksmithWebhookLog.Receipt(Logger, Name, receipt, SignatureFailures, options.LogAggregationInterval);
            }
        }
        catch (OperationCanceledException) when (aborted.IsCancellationRequested)
        {
            return;
        }
        catch (Exception exception)
        {
            // The receiver turns handler failures into receipts; what escapes it is infrastructure (a store that
            // cannot be reached): not acknowledged, so the provider retries.
            HooksmithWebhookLog.ReceiverFailed(Logger, Name, exception);
            await WriteAsync(context, StatusCodes.Status503ServiceUnavailable, nameof(WebhookOutcome.Unavailable), null, PublicDetail(WebhookOutcome.Unavailable, null)).ConfigureAwait(false);
            return;
        }

        if (receipt.IsAcknowledged && options.Provider?.AcknowledgementText is { } acknowledgement)
        {
            await WriteTextAsync(context, receipt.StatusCode, acknowledgement).ConfigureAwait(false);
            return;
        }

        await WriteAsync(context, receipt.StatusCode, receipt.Outcome.ToString(), receipt.EventType, PublicDetail(receipt.Outcome, receipt.Detail), receipt.Items).ConfigureAwait(false);
    }

    /// <summary>The answer a provider asks for (Adyen's classic <c>[accepted]</c>), as plain text.</summary>
    private static async Task WriteTextAsync(HttpContext context, int statusCode, string text)
    {
        var response = context.Response;
        response.StatusCode = statusCode;
        response.ContentType = "text/plain; charset=utf-8";
        response.Headers.CacheControl = "no-store";
        var bytes = System.Text.Encoding.UTF8.GetBytes(text);
        response.ContentLength = bytes.Length;
        await response.Body.WriteAsync(bytes, CancellationToken.None).ConfigureAwait(false);
    }

    /// <summary>Throws when the options in force have problems; the host runs this at startup.</summary>
    /// <exception cref="OptionsValidationException">The options have problems.</exception>
    public void EnsureValid()
    {
        var options = _options.Get(Name);
        if (SnapshotFor(options).Problems is { Count: > 0 } problems)
        {
            throw new OptionsValidationException(Name, typeof(HooksmithWebhookOptions), problems);
        }
    }

    /// <summary>The receiver for the options in force (or what is wrong with them), made once per options instance.</summary>
    private ReceiverSnapshot SnapshotFor(HooksmithWebhookOptions options)
    {
        var snapshot = Volatile.Read(ref _snapshot);
        if (snapshot is not null && ReferenceEquals(snapshot.Options, options))
        {
            return snapshot;
        }

        var problems = HooksmithWebhookOptionsValidator.Check(Name, options);
        var receiver = problems.Count > 0 ? null : new WebhookReceiver(Events, new WebhookReceiverOptions
        {
            SignatureVerifier = WithBasicAuthentication(options, CreateVerifier(options)),
            ItemSignatureVerifier = options.SignatureScheme == WebhookSignatureScheme.AdyenItemHmac ? new AdyenItemSignatureVerifier(UsableSecrets(options)) : null,
            EnvelopeFormat = options.EnvelopeFormat ?? VoucherifyEnvelopeFormat.Instance,
            Provider = options.Provider,
            Deduplication = _services.GetRequiredKeyedService<IWebhookDeduplicationStore>(Name),
            DeadLetters = _services.GetRequiredKeyedService<IWebhookDeadLetterStore>(Name),
            InvalidPayloads = options.InvalidPayloads,
            RejectMalformedBodies = options.RejectMalformedBodies,
            Validation = options.AssertFormats is null ? Hooksmith.Validation.ValidationOptions.Default : new Hooksmith.Validation.ValidationOptions { AssertFormats = options.AssertFormats },
        });

        // Concurrent rebuilds after a change make equal snapshots; the last one written stays.
        snapshot = new ReceiverSnapshot(options, receiver, problems);
        Volatile.Write(ref _snapshot, snapshot);
        return snapshot;
    }

    private static IWebhookSignatureVerifier? CreateVerifier(HooksmithWebhookOptions options)
    {
        // The snapshot's own list: verifiers cache the keys they derive from it.
        IReadOnlyList<string> secrets = UsableSecrets(options);
        return options.SignatureScheme switch
        {
            WebhookSignatureScheme.Voucherify => new VoucherifySignatureVerifier(() => secrets),
            WebhookSignatureScheme.StandardWebhooks => new StandardWebhooksVerifier(() => secrets, options.SignatureTolerance),
            WebhookSignatureScheme.HmacSha256Header => new HmacSha256HeaderVerifier(() => secrets, options.SignatureHeaderName),
            WebhookSignatureScheme.AdyenHmac => new AdyenHmacSignatureVerifier(() => secrets),
            WebhookSignatureScheme.AdyenItemHmac or WebhookSignatureScheme.None => null,
            _ => throw new InvalidOperationException($"SignatureScheme {(int)options.SignatureScheme} is not a scheme."),
        };
    }

    private static IWebhookSignatureVerifier? WithBasicAuthentication(HooksmithWebhookOptions options, IWebhookSignatureVerifier? verifier)
        => string.IsNullOrEmpty(options.BasicAuthenticationUserName) || string.IsNullOrEmpty(options.BasicAuthenticationPassword)
            ? verifier
            : new BasicAuthenticationVerifier(options.BasicAuthenticationUserName, options.BasicAuthenticationPassword, verifier);

    /// <summary>The receiver for the options in force; null while they are invalid.</summary>
    public WebhookReceiver? CurrentReceiver() => SnapshotFor(_options.Get(Name)).Receiver;

    private async Task<WebhookReceipt> EnqueueAsync(WebhookReceiver receiver, HooksmithWebhookOptions options, byte[] body, HttpRequestWebhookHeaders headers, CancellationToken aborted)
    {
        var signature = receiver.Verify(body, headers);
        if (!signature.IsValid)
        {
            // Nothing else runs for a bad signature; the receiver counts it in its telemetry.
            var rejected = receiver.Reject(signature);
            HooksmithWebhookLog.Receipt(Logger, Name, rejected, SignatureFailures, options.LogAggregationInterval);
            return rejected;
        }

        // A batch's items are read by the worker; the queued letter names no single event.
        var envelope = default(WebhookEnvelope);
        var format = options.Provider is { } provider ? provider.Batch is null ? provider : null : options.EnvelopeFormat;
        var known = format?.TryRead(body, out envelope) is EnvelopeReadResult.Read or EnvelopeReadResult.MissingPayload or EnvelopeReadResult.NullPayload;
        var eventType = known && envelope.EventType.Length > 0 ? envelope.EventType : null;
        var eventId = known ? envelope.DeduplicationKey : null;

        // Kept before it is acknowledged: a crash after the 202 must not lose what the provider will not send again.
        var pending = new DeadLetter(Guid.NewGuid().ToString("N"), DateTimeOffset.UtcNow, DeadLetterReason.Pending, "acknowledged, waiting for the background worker", eventType, eventId, body);
        bool kept;
        try
        {
            kept = await receiver.Options.DeadLetters.StoreAsync(pending, aborted).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !aborted.IsCancellationRequested)
        {
            return new WebhookReceipt { Outcome = WebhookOutcome.Unavailable, Signature = signature, EventType = eventType, EventId = eventId, Exception = exception, Detail = $"the dead-letter store failed: {exception.GetType().Name}: {exception.Message}" };
        }

        if (!kept)
        {
            return new WebhookReceipt { Outcome = WebhookOutcome.Unavailable, Signature = signature, EventType = eventType, EventId = eventId, Detail = "the dead-letter store is full, so the delivery cannot be kept until it is processed" };
        }

        if (!Queue.Writer.TryWrite(new QueuedDelivery(receiver, body, headers.Copy(), pending.Id)))
        {
            HooksmithWebhookLog.QueueFull(Logger, Name, QueueCapacity);
            await ForgetPendingAsync(receiver, pending.Id).ConfigureAwait(false);
            return new WebhookReceipt { Outcome = WebhookOutcome.Unavailable, Signature = signature, EventType = eventType, EventId = eventId };
        }

        var queued = new WebhookReceipt
        {
            Outcome = WebhookOutcome.Queued,
            Signature = signature,
            EventType = eventType,
            EventId = eventId,
            Detail = "queued for processing",
        };
        HooksmithWebhookLog.Receipt(Logger, Name, queued);
        return queued;
    }

    /// <summary>Removes a pending letter whose delivery was not acknowledged after all (the provider will send it again).</summary>
    private async Task ForgetPendingAsync(WebhookReceiver receiver, string id)
    {
        try
        {
            await receiver.Options.DeadLetters.RemoveAsync(id, CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception exception)
        {
            // Left behind, it is processed at the next start, and deduplicated there.
            HooksmithWebhookLog.ReceiverFailed(Logger, Name, exception);
        }
    }

    /// <summary>What the sender is told: the receiver's words, but never a handler's exception or the state of the stores.</summary>
    private static string? PublicDetail(WebhookOutcome outcome, string? detail) => outcome switch
    {
        WebhookOutcome.HandlerFailed => "the handler failed; deliver the event again later",
        WebhookOutcome.Unavailable => "the receiver cannot take the delivery now; deliver it again later",
        _ when detail is { Length: > MaxDetailLength } => string.Concat(detail.AsSpan(0, MaxDetailLength), "…"),
        _ => detail,
    };

    private static async Task WriteAsync(HttpContext context, int statusCode, string outcome, string? eventType, string? detail, IReadOnlyList<WebhookReceipt>? items = null)
    {
        var response = context.Response;
        response.StatusCode = statusCode;
        response.ContentType = "application/json; charset=utf-8";
        response.Headers.CacheControl = "no-store";
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("outcome", outcome);
            writer.WriteString("eventType", eventType);
            writer.WriteString("detail", detail);
            if (items is not null)
            {
                // A batch: what became of each item, so the sender sees which one to look at.
                writer.WriteStartArray("items");
                foreach (var item in items)
                {
                    writer.WriteStartObject();
                    writer.WriteNumber("index", item.ItemIndex ?? 0);
                    writer.WriteString("outcome", item.Outcome.ToString());
                    writer.WriteString("eventType", item.EventType);
                    writer.WriteString("detail", PublicDetail(item.Outcome, item.Detail));
                    writer.WriteEndObject();
                }

                writer.WriteEndArray();
            }

            writer.WriteEndObject();
        }

        response.ContentLength = buffer.WrittenCount;
        await response.Body.WriteAsync(buffer.WrittenMemory, CancellationToken.None).ConfigureAwait(false);
    }

    private sealed record ReceiverSnapshot(HooksmithWebhookOptions Options, WebhookReceiver? Receiver, IReadOnlyList<string> Problems);
}
