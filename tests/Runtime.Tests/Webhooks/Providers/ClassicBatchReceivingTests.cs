using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Hooksmith.Runtime.Tests.Adyen;
using Hooksmith.Runtime.Tests.Webhooks.Receiving;
using Hooksmith.Webhooks;

namespace Hooksmith.Runtime.Tests.Webhooks.Providers;

/// <summary>
/// Adyen's classic batches through the receiver, over the generated <see cref="AdyenEvents"/> (schemas/adyen): each item
/// verified, routed on its <c>eventCode</c>, deduplicated and handled on its own; the batch's answer sums them up.
/// </summary>
public sealed class ClassicBatchReceivingTests
{
    private const string Key = "44782DEF547AAA06C910C43932B1EB0C71FC68D9D0C057550C48EC2ACF6BA056";

    private static WebhookReceiver Receiver(IWebhookDeduplicationStore? deduplication = null, IWebhookDeadLetterStore? deadLetters = null)
        => new(AdyenEvents.Instance, new WebhookReceiverOptions
        {
            Provider = WebhookProviders.AdyenClassic,
            ItemSignatureVerifier = new AdyenItemSignatureVerifier([Key]),
            Deduplication = deduplication ?? new InMemoryDeduplicationStore(),
            DeadLetters = deadLetters ?? new InMemoryDeadLetterStore(),
        });

    private static string Item(string eventCode, string psp, string success = "true", long value = 1000)
        => $$"""{"eventCode":"{{eventCode}}","pspReference":"{{psp}}","merchantAccountCode":"Shop","merchantReference":"order-{{psp}}","success":"{{success}}","amount":{"currency":"EUR","value":{{value}}},"eventDate":"2024-05-01T10:00:00+02:00"}""";

    private static byte[] Batch(params string[] items)
        => Encoding.UTF8.GetBytes("{\"live\":\"false\",\"notificationItems\":[" + string.Join(",", items.Select(item => "{\"NotificationRequestItem\":" + item + "}")) + "]}");

    private static byte[] Signed(params string[] items) => WebhookTestSigner.SignAdyenClassicBatch(Batch(items), Key);

    /// <summary>A signed batch in which item <paramref name="index"/> is changed after signing (its amount raised).</summary>
    private static byte[] Tampered(int index, params string[] items)
    {
        var text = Encoding.UTF8.GetString(Signed(items));
        var node = System.Text.Json.Nodes.JsonNode.Parse(text)!;
        node["notificationItems"]![index]!["NotificationRequestItem"]!["amount"]!["value"] = 999_999;
        return Encoding.UTF8.GetBytes(node.ToJsonString());
    }

    private static Task<WebhookReceipt> Deliver(WebhookReceiver receiver, byte[] body, IServiceProvider services)
        => receiver.ReceiveAsync(body, new DictionaryWebhookHeaders(), services);

    [Fact]
    public async Task Every_item_of_a_signed_batch_reaches_the_handler_with_its_own_item()
    {
        var handler = new RecordingHandler();

        var receipt = await Deliver(Receiver(), Signed(Item("AUTHORISATION", "A"), Item("CAPTURE", "B"), Item("REFUND", "C", "false")), handler.Services);

        Assert.Equal((WebhookOutcome.Handled, 200), (receipt.Outcome, receipt.StatusCode));
        Assert.Equal([WebhookOutcome.Handled, WebhookOutcome.Handled, WebhookOutcome.Handled], receipt.Items!.Select(r => r.Outcome));
        Assert.Equal(["AUTHORISATION:A", "CAPTURE:B", "REFUND:C"], handler.Calls.Select(c => c.Code + ":" + c.Psp));
        Assert.All(handler.Calls, call => Assert.Equal(1, call.ItemsInPayload));
        Assert.Equal(["AUTHORISATION:A:true", "CAPTURE:B:true", "REFUND:C:false"], handler.Calls.Select(c => c.EventId));
        Assert.All(handler.Calls, call => Assert.True(call.Valid));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    public async Task A_batch_of_three_with_one_tampered_item_handles_two_and_reports_one(int tampered)
    {
        var handler = new RecordingHandler();
        var items = new[] { Item("AUTHORISATION", "A"), Item("CAPTURE", "B"), Item("REFUND", "C") };

        var receipt = await Deliver(Receiver(), Tampered(tampered, items), handler.Services);

        Assert.Equal(200, receipt.StatusCode);
        Assert.Equal(2, handler.Calls.Count);
        var rejected = Assert.Single(receipt.Items!, r => r.Outcome == WebhookOutcome.SignatureRejected);
        Assert.Equal(tampered, rejected.ItemIndex);
        Assert.Equal(SignatureStatus.Mismatch, rejected.Signature.Status);
        Assert.DoesNotContain(handler.Calls, call => call.Psp == "ABC"[tampered].ToString());
    }

    [Fact]
    public async Task A_batch_in_which_no_item_verifies_is_answered_401()
    {
        var handler = new RecordingHandler();
        var unsigned = Batch(Item("AUTHORISATION", "A"), Item("CAPTURE", "B"));
        var otherKey = WebhookTestSigner.SignAdyenClassicBatch(unsigned, "00112233445566778899AABBCCDDEEFF");

        var missing = await Deliver(Receiver(), unsigned, handler.Services);
        var forged = await Deliver(Receiver(), otherKey, handler.Services);

        Assert.Equal((WebhookOutcome.SignatureRejected, 401), (missing.Outcome, missing.StatusCode));
        Assert.Equal(SignatureStatus.Missing, missing.Signature.Status);
        Assert.Equal((WebhookOutcome.SignatureRejected, 401), (forged.Outcome, forged.StatusCode));
        Assert.Equal(SignatureStatus.Mismatch, forged.Signature.Status);
        Assert.Empty(handler.Calls);
    }

    [Fact]
    public async Task An_item_sent_again_is_handled_once_by_its_classic_key()
    {
        var handler = new RecordingHandler();
        var receiver = Receiver();

        var first = await Deliver(receiver, Signed(Item("AUTHORISATION", "A"), Item("AUTHORISATION", "B")), handler.Services);
        var again = await Deliver(receiver, Signed(Item("AUTHORISATION", "B"), Item("AUTHORISATION", "B", "false"), Item("AUTHORISATION", "B")), handler.Services);

        Assert.Equal(200, first.StatusCode);
        Assert.Equal(200, again.StatusCode);
        Assert.Equal([WebhookOutcome.Duplicate, WebhookOutcome.Handled, WebhookOutcome.Duplicate], again.Items!.Select(r => r.Outcome));
        Assert.Equal(["A:true", "B:true", "B:false"], handler.Calls.Select(c => c.Psp + ":" + c.Success));
    }

    [Fact]
    public async Task A_failing_item_makes_the_batch_retried_and_the_retry_handles_only_what_is_left()
    {
        var handler = new RecordingHandler { FailOn = "B" };
        var receiver = Receiver();
        var body = Signed(Item("AUTHORISATION", "A"), Item("CAPTURE", "B"), Item("REFUND", "C"));

        var first = await Deliver(receiver, body, handler.Services);
        handler.FailOn = null;
        var retry = await Deliver(receiver, body, handler.Services);

        Assert.Equal((WebhookOutcome.HandlerFailed, 500), (first.Outcome, first.StatusCode));
        Assert.Equal([WebhookOutcome.Handled, WebhookOutcome.HandlerFailed, WebhookOutcome.Handled], first.Items!.Select(r => r.Outcome));
        Assert.Equal(200, retry.StatusCode);
        Assert.Equal([WebhookOutcome.Duplicate, WebhookOutcome.Handled, WebhookOutcome.Duplicate], retry.Items!.Select(r => r.Outcome));
        Assert.Equal(["A", "C", "B"], handler.Calls.Select(c => c.Psp));
    }

    [Fact]
    public async Task Unknown_codes_and_broken_items_are_reported_while_the_others_are_handled()
    {
        var handler = new RecordingHandler();
        var deadLetters = new InMemoryDeadLetterStore();
        var signed = Encoding.UTF8.GetString(Signed(Item("AUTHORISATION", "A"), Item("OFFER_CLOSED", "B")));
        var body = Encoding.UTF8.GetBytes(signed.Replace("]}", ",{\"Other\":{}}]}", StringComparison.Ordinal));
        var receiver = new WebhookReceiver(AdyenEvents.Instance, new WebhookReceiverOptions
        {
            Provider = WebhookProviders.AdyenClassic,
            Deduplication = new InMemoryDeduplicationStore(),
            DeadLetters = deadLetters,
        });

        var receipt = await Deliver(receiver, body, handler.Services);

        Assert.Equal(200, receipt.StatusCode);
        Assert.Equal([WebhookOutcome.Handled, WebhookOutcome.UnknownEvent, WebhookOutcome.DeadLettered], receipt.Items!.Select(r => r.Outcome));
        Assert.Equal(["A"], handler.Calls.Select(c => c.Psp));
        Assert.Single(await deadLetters.ListAsync(CancellationToken.None));
    }

    [Theory]
    [InlineData("{\"live\":\"false\"}")]
    [InlineData("{\"notificationItems\":[]}")]
    [InlineData("not json")]
    public async Task A_body_that_is_no_batch_is_kept_aside_like_any_malformed_body(string body)
    {
        var handler = new RecordingHandler();
        var deadLetters = new InMemoryDeadLetterStore();

        var receipt = await Deliver(Receiver(deadLetters: deadLetters), Encoding.UTF8.GetBytes(body), handler.Services);

        Assert.Equal(WebhookOutcome.DeadLettered, receipt.Outcome);
        Assert.Null(receipt.Items);
        Assert.Empty(handler.Calls);
    }

    [Fact]
    public async Task The_exhaustive_handler_gets_each_item_by_its_own_method()
    {
        var handlers = new ExhaustiveHandlers();
        var services = new ServiceMap().Add<IAdyenEventHandlers>(handlers);

        var receipt = await Deliver(Receiver(), Signed(Item("REFUND", "A"), Item("AUTHORISATION", "B"), Item("CHARGEBACK", "C")), services);

        Assert.Equal(200, receipt.StatusCode);
        Assert.Equal(["refund A", "authorisation B", "chargeback C"], handlers.Calls);
    }

    private sealed class RecordingHandler : IWebhookHandler<Notification>
    {
        public ConcurrentQueue<(string Code, string Psp, string Success, string? EventId, int ItemsInPayload, bool Valid)> CallQueue { get; } = new();

        public IReadOnlyList<(string Code, string Psp, string Success, string? EventId, int ItemsInPayload, bool Valid)> Calls => CallQueue.ToArray();

        public string? FailOn { get; set; }

        public IServiceProvider Services => new ServiceMap().Add<IWebhookHandler<Notification>>(this);

        public Task HandleAsync(Notification payload, WebhookContext context, CancellationToken cancellationToken)
        {
            var item = payload.NotificationItems[0].NotificationRequestItem;
            if (item.PspReference == FailOn)
            {
                throw new InvalidOperationException("the handler failed on purpose");
            }

            CallQueue.Enqueue((item.EventCode, item.PspReference, item.Success.Value, context.EventId, payload.NotificationItems.Count, context.Validation.IsValid));
            return Task.CompletedTask;
        }
    }

    private sealed class ExhaustiveHandlers : IAdyenEventHandlers
    {
        public List<string> Calls { get; } = [];

        private Task Record(string name, Notification payload)
        {
            Calls.Add(name + " " + payload.NotificationItems[0].NotificationRequestItem.PspReference);
            return Task.CompletedTask;
        }

        public Task OnAuthorisationAsync(Notification payload, WebhookContext context, CancellationToken cancellationToken) => Record("authorisation", payload);

        public Task OnCancelOrRefundAsync(Notification payload, WebhookContext context, CancellationToken cancellationToken) => Record("cancel_or_refund", payload);

        public Task OnCancellationAsync(Notification payload, WebhookContext context, CancellationToken cancellationToken) => Record("cancellation", payload);

        public Task OnCaptureAsync(Notification payload, WebhookContext context, CancellationToken cancellationToken) => Record("capture", payload);

        public Task OnCaptureFailedAsync(Notification payload, WebhookContext context, CancellationToken cancellationToken) => Record("capture_failed", payload);

        public Task OnChargebackAsync(Notification payload, WebhookContext context, CancellationToken cancellationToken) => Record("chargeback", payload);

        public Task OnRefundAsync(Notification payload, WebhookContext context, CancellationToken cancellationToken) => Record("refund", payload);

        public Task OnRefundFailedAsync(Notification payload, WebhookContext context, CancellationToken cancellationToken) => Record("refund_failed", payload);

        public Task OnReportAvailableAsync(Notification payload, WebhookContext context, CancellationToken cancellationToken) => Record("report_available", payload);
    }
}
