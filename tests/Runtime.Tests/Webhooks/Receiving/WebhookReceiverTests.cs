using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Hooksmith.Runtime.Tests.Voucherify;
using Hooksmith.Webhooks;

namespace Hooksmith.Runtime.Tests.Webhooks.Receiving;

/// <summary>
/// The receiver without a host, over the generated <see cref="VoucherifyEvents"/>: what it answers for
/// each kind of delivery, and what handlers get.
/// </summary>
public sealed class WebhookReceiverTests
{
    private const string Secret = "receiver-test-secret";

    private static WebhookReceiver Receiver(
        InvalidPayloadPolicy policy = InvalidPayloadPolicy.AcceptAndReport,
        IWebhookDeduplicationStore? deduplication = null,
        IWebhookDeadLetterStore? deadLetters = null)
        => new(VoucherifyEvents.Instance, new WebhookReceiverOptions
        {
            SignatureVerifier = new VoucherifySignatureVerifier([Secret]),
            Deduplication = deduplication ?? new InMemoryDeduplicationStore(),
            DeadLetters = deadLetters ?? new InMemoryDeadLetterStore(),
            InvalidPayloads = policy,
        });

    private static Task<WebhookReceipt> Deliver(WebhookReceiver receiver, byte[] body, IServiceProvider services)
        => receiver.ReceiveAsync(body, WebhookTestSigner.VoucherifyHeaders(body, Secret), services);

    private static byte[] Envelope(string eventType = "customer.order.updated", string eventId = "evt_1", string? data = null)
    {
        var seed = Encoding.UTF8.GetString(SeedPayload.Envelope);
        var text = seed.Replace("customer.order.updated", eventType, StringComparison.Ordinal);
        using var document = System.Text.Json.JsonDocument.Parse(seed);
        var originalId = document.RootElement.GetProperty("event").GetProperty("id").GetString()!;
        text = text.Replace(originalId, eventId, StringComparison.Ordinal);
        if (data is not null)
        {
            text = text.Replace(document.RootElement.GetProperty("data").GetRawText(), data, StringComparison.Ordinal);
        }

        return Encoding.UTF8.GetBytes(text);
    }

    [Fact]
    public async Task A_valid_delivery_reaches_its_typed_handler_with_its_context()
    {
        var handler = new RecordingHandler();
        var body = Envelope();

        var receipt = await Deliver(Receiver(), body, new ServiceMap().Add<IWebhookHandler<CustomerOrderUpdated>>(handler));

        Assert.Equal((WebhookOutcome.Handled, 200), (receipt.Outcome, receipt.StatusCode));
        var (payload, context) = Assert.Single(handler.Calls);
        Assert.Equal("ord_tNridJhmcEOQXUqNyenX1Up6", payload.Order?.Id);
        Assert.Equal(("customer.order.updated", "evt_1"), (context.EventType, context.EventId));
        Assert.True(context.Validation.IsValid, context.Validation.ToString());
        Assert.True(context.Body.Span.SequenceEqual(body));
        Assert.True(context.Headers.TryGetValue(VoucherifySignatureVerifier.SignatureHeaderName, out _));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    public async Task A_body_without_an_id_is_deduplicated_on_its_bytes(int seed)
    {
        // Voucherify's raw-payload distributions carry no id: a retry sends the same bytes, so the bytes are the key.
        var random = new Random(seed);
        var handler = new RecordingHandler();
        var services = new ServiceMap().Add<IWebhookHandler<CustomerOrderUpdated>>(handler);
        var receiver = new WebhookReceiver(VoucherifyEvents.Instance, new WebhookReceiverOptions
        {
            EnvelopeFormat = new RawPayloadEnvelopeFormat("customer.order.updated"),
            Deduplication = new InMemoryDeduplicationStore(),
        });
        var data = System.Text.Json.JsonDocument.Parse(SeedPayload.Envelope).RootElement.GetProperty("data").GetRawText();
        var bodies = Enumerable.Range(0, random.Next(2, 8))
            .Select(i => Encoding.UTF8.GetBytes(data.Replace("ord_tNridJhmcEOQXUqNyenX1Up6", $"ord_{seed}_{i}", StringComparison.Ordinal)))
            .ToArray();
        var deliveries = bodies.Concat(Enumerable.Range(0, random.Next(1, 10)).Select(_ => bodies[random.Next(bodies.Length)])).ToArray();

        var outcomes = new List<WebhookOutcome>();
        foreach (var body in deliveries)
        {
            var receipt = await receiver.ReceiveAsync(body, new DictionaryWebhookHeaders(), services);
            outcomes.Add(receipt.Outcome);
            Assert.Equal(receipt.Outcome == WebhookOutcome.Duplicate ? WebhookReceiver.BodyDeduplicationKey(body) : null, receipt.EventId);
        }

        Assert.Equal(bodies.Length, outcomes.Count(o => o == WebhookOutcome.Handled));
        Assert.Equal(deliveries.Length - bodies.Length, outcomes.Count(o => o == WebhookOutcome.Duplicate));
        Assert.Equal(bodies.Length, handler.Calls.Count);
    }

    [Fact]
    public void A_body_key_depends_on_every_byte_and_never_looks_like_a_provider_id()
    {
        var body = Encoding.UTF8.GetBytes("{\"a\":1}");
        var key = WebhookReceiver.BodyDeduplicationKey(body);
        Assert.StartsWith("body-sha256:", key, StringComparison.Ordinal);
        Assert.Equal(key, WebhookReceiver.BodyDeduplicationKey(body.ToArray()));
        for (var i = 0; i < body.Length; i++)
        {
            var changed = body.ToArray();
            changed[i] ^= 0x20;
            Assert.NotEqual(key, WebhookReceiver.BodyDeduplicationKey(changed));
        }
    }

    [Fact]
    public async Task A_tampered_body_is_refused_before_anything_runs()
    {
        var handler = new RecordingHandler();
        var body = Envelope();
        var headers = WebhookTestSigner.VoucherifyHeaders(body, Secret);
        body[^3] ^= 1;

        var receipt = await Receiver().ReceiveAsync(body, headers, new ServiceMap().Add<IWebhookHandler<CustomerOrderUpdated>>(handler));

        Assert.Equal((WebhookOutcome.SignatureRejected, 401, SignatureStatus.Mismatch), (receipt.Outcome, receipt.StatusCode, receipt.Signature.Status));
        Assert.Empty(handler.Calls);
    }

    [Fact]
    public async Task A_duplicate_is_acknowledged_without_running_the_handler_again()
    {
        var handler = new RecordingHandler();
        var receiver = Receiver();
        var services = new ServiceMap().Add<IWebhookHandler<CustomerOrderUpdated>>(handler);

        var first = await Deliver(receiver, Envelope(), services);
        var second = await Deliver(receiver, Envelope(), services);

        Assert.Equal(WebhookOutcome.Handled, first.Outcome);
        Assert.Equal((WebhookOutcome.Duplicate, 200), (second.Outcome, second.StatusCode));
        Assert.Single(handler.Calls);
    }

    [Fact]
    public async Task A_failed_handler_leaves_the_event_unprocessed_so_the_retry_runs_it()
    {
        var handler = new RecordingHandler { FailuresLeft = 1 };
        var receiver = Receiver();
        var services = new ServiceMap().Add<IWebhookHandler<CustomerOrderUpdated>>(handler);

        var first = await Deliver(receiver, Envelope(), services);
        var retry = await Deliver(receiver, Envelope(), services);

        Assert.Equal((WebhookOutcome.HandlerFailed, 500), (first.Outcome, first.StatusCode));
        Assert.IsType<InvalidOperationException>(first.Exception);
        Assert.Equal((WebhookOutcome.Handled, 200), (retry.Outcome, retry.StatusCode));
        Assert.Equal(2, handler.Attempts);
    }

    [Fact]
    public async Task An_unknown_event_goes_to_the_unknown_handler_and_is_acknowledged()
    {
        var unknown = new RecordingUnknownHandler();

        var receipt = await Deliver(Receiver(), Envelope("voucher.published"), new ServiceMap().Add<IUnknownWebhookHandler>(unknown));

        Assert.Equal((WebhookOutcome.UnknownEvent, 202), (receipt.Outcome, receipt.StatusCode));
        Assert.Equal("voucher.published", Assert.Single(unknown.Calls).EventType);
    }

    [Theory]
    [InlineData(InvalidPayloadPolicy.AcceptAndReport, WebhookOutcome.Handled, 200, 1, 0)]
    [InlineData(InvalidPayloadPolicy.Reject, WebhookOutcome.Rejected, 400, 0, 0)]
    [InlineData(InvalidPayloadPolicy.DeadLetter, WebhookOutcome.DeadLettered, 202, 0, 1)]
    public async Task An_invalid_payload_is_treated_as_the_policy_says(InvalidPayloadPolicy policy, WebhookOutcome outcome, int status, int handled, int kept)
    {
        var handler = new RecordingHandler();
        var letters = new InMemoryDeadLetterStore();
        var body = Envelope(data: """{"customer":null,"referrer":null,"order":{"id":"o1","object":"order","status":"ON_HOLD"},"redemption":null}""");

        var receipt = await Deliver(Receiver(policy, deadLetters: letters), body, new ServiceMap().Add<IWebhookHandler<CustomerOrderUpdated>>(handler));

        Assert.Equal((outcome, status), (receipt.Outcome, receipt.StatusCode));
        Assert.False(receipt.Validation.IsValid);
        Assert.Contains(receipt.Validation.Errors, e => e.InstanceLocation == "/order/status" && e.Keyword == "enum");
        Assert.Equal(handled, handler.Calls.Count);
        if (handled == 1)
        {
            Assert.False(handler.Calls.Single().Context.Validation.IsValid);
        }

        var stored = await letters.ListAsync();
        Assert.Equal(kept, stored.Count);
        Assert.All(stored, letter => Assert.True(letter.Body.Span.SequenceEqual(body)));
    }

    [Fact]
    public async Task A_body_that_is_not_json_never_reaches_a_handler_and_is_kept()
    {
        var handler = new RecordingHandler();
        var letters = new InMemoryDeadLetterStore();
        var body = Encoding.UTF8.GetBytes("""{"event": {"type": "customer.order.updated", """);

        var receipt = await Deliver(Receiver(deadLetters: letters), body, new ServiceMap().Add<IWebhookHandler<CustomerOrderUpdated>>(handler));

        Assert.Equal((WebhookOutcome.DeadLettered, 202), (receipt.Outcome, receipt.StatusCode));
        Assert.Empty(handler.Calls);
        var letter = Assert.Single(await letters.ListAsync());
        Assert.Equal(DeadLetterReason.MalformedBody, letter.Reason);
        Assert.True(letter.Body.Span.SequenceEqual(body));
    }

    [Fact]
    public async Task The_generated_exhaustive_interface_handles_events_without_a_handler_of_their_own()
    {
        var handlers = new AllEvents();

        var receipt = await Deliver(Receiver(), Envelope(), new ServiceMap().Add<IVoucherifyEventHandlers>(handlers));

        Assert.Equal(WebhookOutcome.Handled, receipt.Outcome);
        Assert.Equal("ord_tNridJhmcEOQXUqNyenX1Up6", handlers.LastOrder);
        Assert.Equal(typeof(IVoucherifyEventHandlers), VoucherifyEvents.Instance.ExhaustiveHandlerType);
        Assert.Equal(["customer.order.updated"], VoucherifyEvents.Instance.Events.Select(e => e.EventType));
    }

    [Fact]
    public async Task A_known_event_without_any_handler_is_acknowledged_and_said()
    {
        var receipt = await Deliver(Receiver(), Envelope(), new ServiceMap());

        Assert.Equal((WebhookOutcome.NoHandler, 202), (receipt.Outcome, receipt.StatusCode));
        Assert.Contains("no handler", receipt.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unreachable_deduplication_store_is_answered_so_that_the_provider_retries()
    {
        var handler = new RecordingHandler();

        var receipt = await Deliver(Receiver(deduplication: new UnreachableStore()), Envelope(), new ServiceMap().Add<IWebhookHandler<CustomerOrderUpdated>>(handler));

        Assert.Equal((WebhookOutcome.Unavailable, 503), (receipt.Outcome, receipt.StatusCode));
        Assert.IsType<TimeoutException>(receipt.Exception);
        Assert.Empty(handler.Calls);
    }

    private sealed class UnreachableStore : IWebhookDeduplicationStore
    {
        public ValueTask<DeduplicationClaim> TryBeginAsync(string key, CancellationToken cancellationToken = default) => throw new TimeoutException("no answer from the store");

        public ValueTask CompleteAsync(DeduplicationClaim claim, CancellationToken cancellationToken = default) => throw new TimeoutException("no answer from the store");

        public ValueTask AbandonAsync(DeduplicationClaim claim, CancellationToken cancellationToken = default) => throw new TimeoutException("no answer from the store");
    }

    private sealed class RecordingHandler : IWebhookHandler<CustomerOrderUpdated>
    {
        private int _attempts;

        public ConcurrentQueue<(CustomerOrderUpdated Payload, WebhookContext Context)> Calls { get; } = new();

        public int FailuresLeft { get; set; }

        public int Attempts => _attempts;

        public Task HandleAsync(CustomerOrderUpdated payload, WebhookContext context, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _attempts);
            if (FailuresLeft > 0)
            {
                FailuresLeft--;
                throw new InvalidOperationException("the database is down");
            }

            Calls.Enqueue((payload, context));
            return Task.CompletedTask;
        }
    }

    private sealed class RecordingUnknownHandler : IUnknownWebhookHandler
    {
        public ConcurrentQueue<WebhookContext> Calls { get; } = new();

        public Task HandleAsync(WebhookContext context, CancellationToken cancellationToken)
        {
            Calls.Enqueue(context);
            return Task.CompletedTask;
        }
    }

    private sealed class AllEvents : IVoucherifyEventHandlers
    {
        public string? LastOrder { get; private set; }

        public Task OnCustomerOrderUpdatedAsync(CustomerOrderUpdated payload, WebhookContext context, CancellationToken cancellationToken)
        {
            LastOrder = payload.Order?.Id;
            return Task.CompletedTask;
        }
    }
}
