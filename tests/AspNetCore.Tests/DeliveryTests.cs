using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Threading.Tasks;
using Hooksmith.AspNetCore.Tests.Infrastructure;
using Hooksmith.AspNetCore.Tests.Voucherify;
using Hooksmith.Webhooks;
using Microsoft.Extensions.Logging;

namespace Hooksmith.AspNetCore.Tests;

/// <summary>Deliveries through a real Kestrel server: what the endpoint answers and what the handlers get.</summary>
public sealed class DeliveryTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task A_valid_delivery_reaches_the_typed_handler_with_its_context()
    {
        await using var app = await ReceiverApp.StartAsync();
        var body = TestPayloads.Seed;
        var signature = WebhookTestSigner.VoucherifySignature(body, ReceiverApp.Secret);

        var delivery = await app.PostAsync(body, new Dictionary<string, string>
        {
            [VoucherifySignatureVerifier.SignatureHeaderName] = signature,
            ["X-Test-Delivery"] = "first",
        });

        Assert.Equal((HttpStatusCode.OK, "Handled", "customer.order.updated"), (delivery.Status, delivery.Outcome, delivery.EventType));
        var seen = Assert.Single(app.Recorder.Calls);
        Assert.Equal("handler", seen.Via);
        Assert.Equal("ord_tNridJhmcEOQXUqNyenX1Up6", seen.Payload!.Order!.Id);
        Assert.Equal(OrderStatus.Paid, seen.Payload.Order.Status);
        Assert.Equal(5500, seen.Payload.Order.TotalAmount);
        Assert.Equal("Alex Doe", seen.Payload.Customer!.Name);
        Assert.Equal(("customer.order.updated", TestPayloads.SeedEventId, "whs_1e6c2f0a9b3d47c815"), (seen.EventType, seen.EventId, seen.DeliveryId));
        Assert.Equal(signature, seen.Headers[VoucherifySignatureVerifier.SignatureHeaderName]);
        Assert.Equal("first", seen.Headers["x-test-delivery"]);
        Assert.Equal(body, seen.Body);
        Assert.Equal(TestPayloads.SeedData(), seen.PayloadBytes);
        Assert.True(seen.Validation.IsValid, seen.Validation.ToString());
        Assert.Contains(app.EndpointLogs, e => e.EventId.Id == 2 && e.Level == LogLevel.Information && e.Message.Contains(TestPayloads.SeedEventId, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_tampered_body_is_refused_and_reaches_no_handler()
    {
        await using var app = await ReceiverApp.StartAsync();
        var body = TestPayloads.Envelope();
        var signature = WebhookTestSigner.VoucherifySignature(body, ReceiverApp.Secret);
        var tampered = Utf8.Bytes(System.Text.Encoding.UTF8.GetString(body).Replace("\"total_amount\": 5500", "\"total_amount\": 1", StringComparison.Ordinal));
        Assert.NotEqual(body, tampered);

        var delivery = await app.PostAsync(tampered, [new(VoucherifySignatureVerifier.SignatureHeaderName, signature)]);

        Assert.Equal((HttpStatusCode.Unauthorized, "SignatureRejected"), (delivery.Status, delivery.Outcome));
        Assert.Equal(0, app.Recorder.Attempts);
        Assert.Contains(app.EndpointLogs, e => e.EventId.Id == 3 && e.Level == LogLevel.Warning && e.Message.Contains("Mismatch", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(null, "Missing")]
    [InlineData("", "Missing")]
    [InlineData("not-a-signature", "Malformed")]
    [InlineData("zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz", "Malformed")]
    public async Task A_missing_or_malformed_signature_is_refused(string? header, string status)
    {
        await using var app = await ReceiverApp.StartAsync();
        var headers = header is null ? [] : new Dictionary<string, string> { [VoucherifySignatureVerifier.SignatureHeaderName] = header };

        var delivery = await app.PostAsync(TestPayloads.Envelope(), headers);

        Assert.Equal((HttpStatusCode.Unauthorized, "SignatureRejected"), (delivery.Status, delivery.Outcome));
        Assert.Equal(0, app.Recorder.Attempts);
        Assert.Contains(app.EndpointLogs, e => e.EventId.Id == 3 && e.Message.Contains(status, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_body_reformatted_with_whitespace_still_verifies_against_its_compact_signature()
    {
        await using var app = await ReceiverApp.StartAsync();
        var indented = TestPayloads.Seed;
        var compact = TestPayloads.Compact(indented);
        Assert.NotEqual(compact.Length, indented.Length);

        // Voucherify signs the compact form; the body arrives indented.
        var delivery = await app.PostAsync(indented, [new(VoucherifySignatureVerifier.SignatureHeaderName, WebhookTestSigner.VoucherifySignature(compact, ReceiverApp.Secret))]);

        Assert.Equal((HttpStatusCode.OK, "Handled"), (delivery.Status, delivery.Outcome));
        var seen = Assert.Single(app.Recorder.Calls);
        Assert.Equal(indented, seen.Body);
        Assert.Equal("ord_tNridJhmcEOQXUqNyenX1Up6", seen.Payload!.Order!.Id);
    }

    [Fact]
    public async Task A_second_delivery_of_an_event_is_a_duplicate_and_the_handler_ran_once()
    {
        await using var app = await ReceiverApp.StartAsync();
        var body = TestPayloads.Envelope();

        var first = await app.PostSignedAsync(body);
        var second = await app.PostSignedAsync(body);

        Assert.Equal((HttpStatusCode.OK, "Handled"), (first.Status, first.Outcome));
        Assert.Equal((HttpStatusCode.OK, "Duplicate"), (second.Status, second.Outcome));
        Assert.Single(app.Recorder.Calls);
        Assert.Equal(1, app.Recorder.Attempts);
    }

    [Fact]
    public async Task Twenty_concurrent_deliveries_of_one_event_run_the_handler_once()
    {
        await using var app = await ReceiverApp.StartAsync();
        var body = TestPayloads.Envelope();

        var deliveries = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => Task.Run(() => app.PostSignedAsync(body))));

        Assert.Single(app.Recorder.Calls);
        Assert.Equal(1, app.Recorder.Attempts);
        Assert.Single(deliveries, d => d.Outcome == "Handled");
        Assert.All(deliveries, d => Assert.True(
            (d.Status, d.Outcome) is (HttpStatusCode.OK, "Handled" or "Duplicate") or (HttpStatusCode.Conflict, "InProgress"),
            d.ToString()));
    }

    [Fact]
    public async Task Deliveries_that_arrive_while_the_handler_runs_are_answered_409_so_the_provider_retries()
    {
        await using var app = await ReceiverApp.StartAsync();
        app.Recorder.Gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var body = TestPayloads.Envelope();

        // One delivery holds the event in its handler until the gate opens; the others arrive meanwhile,
        // one after another (the test above sends them all at once).
        var holder = app.PostSignedAsync(body);
        await app.Recorder.Entered.Task.WaitAsync(Patience);
        var answeredWhileRunning = new List<Delivery>();
        for (var i = 0; i < 5; i++)
        {
            answeredWhileRunning.Add(await app.PostSignedAsync(body).WaitAsync(Patience));
        }

        app.Recorder.Gate.SetResult();
        var handled = await holder.WaitAsync(Patience);
        var retry = await app.PostSignedAsync(body);

        Assert.All(answeredWhileRunning, d => Assert.Equal((HttpStatusCode.Conflict, "InProgress"), (d.Status, d.Outcome)));
        Assert.Equal((HttpStatusCode.OK, "Handled"), (handled.Status, handled.Outcome));
        Assert.Equal((HttpStatusCode.OK, "Duplicate"), (retry.Status, retry.Outcome));
        Assert.Single(app.Recorder.Calls);
        Assert.Equal(1, app.Recorder.Attempts);
    }

    [Fact]
    public async Task A_failed_handler_is_answered_500_without_its_exception_and_the_retry_runs_it_again()
    {
        await using var app = await ReceiverApp.StartAsync();
        app.Recorder.FailNext(1);
        var body = TestPayloads.Envelope();

        var first = await app.PostSignedAsync(body);
        var retry = await app.PostSignedAsync(body);

        Assert.Equal((HttpStatusCode.InternalServerError, "HandlerFailed"), (first.Status, first.Outcome));
        Assert.DoesNotContain("database", first.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("InvalidOperationException", first.Body, StringComparison.Ordinal);
        Assert.Equal((HttpStatusCode.OK, "Handled"), (retry.Status, retry.Outcome));
        Assert.Equal(2, app.Recorder.Attempts);
        Assert.Single(app.Recorder.Calls);
        var failure = Assert.Single(app.EndpointLogs, e => e.EventId.Id == 9);
        Assert.Equal(LogLevel.Error, failure.Level);
        Assert.Equal("the database is down", Assert.IsType<InvalidOperationException>(failure.Exception).Message);
    }

    [Fact]
    public async Task An_unknown_event_type_goes_to_the_unknown_handler_and_is_acknowledged_202()
    {
        await using var app = await ReceiverApp.StartAsync(setup: (_, webhooks) => webhooks.AddUnknownEventHandler<RecordingUnknownHandler>());
        var body = TestPayloads.Envelope("voucher.published");

        var delivery = await app.PostSignedAsync(body);

        Assert.Equal((HttpStatusCode.Accepted, "UnknownEvent", "voucher.published"), (delivery.Status, delivery.Outcome, delivery.EventType));
        var seen = Assert.Single(app.Recorder.Unknown);
        Assert.Equal("voucher.published", seen.EventType);
        Assert.Equal(body, seen.Body);
        Assert.Empty(app.Recorder.Calls);
    }

    [Fact]
    public async Task The_default_unknown_handler_logs_the_event_and_acknowledges_it()
    {
        await using var app = await ReceiverApp.StartAsync();
        var eventId = TestPayloads.NewEventId();

        var delivery = await app.PostSignedAsync(TestPayloads.Envelope("loyalty.card.points.added", eventId));

        Assert.Equal((HttpStatusCode.Accepted, "UnknownEvent"), (delivery.Status, delivery.Outcome));
        Assert.Equal(0, app.Recorder.Attempts);
        var entry = Assert.Single(app.EndpointLogs, e => e.EventId.Id == 20);
        Assert.Equal(LogLevel.Information, entry.Level);
        Assert.Contains("loyalty.card.points.added", entry.Message, StringComparison.Ordinal);
        Assert.Contains(eventId, entry.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_generated_exhaustive_interface_registered_with_AddHandlers_handles_the_event()
    {
        await using var app = await ReceiverApp.StartAsync(typedHandler: false, setup: (_, webhooks) => webhooks.AddHandlers<RecordingEventHandlers>());

        var delivery = await app.PostSignedAsync(TestPayloads.Envelope());

        Assert.Equal((HttpStatusCode.OK, "Handled"), (delivery.Status, delivery.Outcome));
        var seen = Assert.Single(app.Recorder.Calls);
        Assert.Equal("exhaustive", seen.Via);
        Assert.Equal("ord_tNridJhmcEOQXUqNyenX1Up6", seen.Payload!.Order!.Id);
    }

    [Fact]
    public async Task A_known_event_without_a_handler_is_acknowledged_202_and_logged()
    {
        await using var app = await ReceiverApp.StartAsync(typedHandler: false);

        var delivery = await app.PostSignedAsync(TestPayloads.Envelope());

        Assert.Equal((HttpStatusCode.Accepted, "NoHandler"), (delivery.Status, delivery.Outcome));
        Assert.Contains(app.EndpointLogs, e => e.EventId.Id == 11 && e.Level == LogLevel.Warning);
    }

    [Fact]
    public async Task A_handler_for_a_type_that_is_no_event_of_the_table_is_refused_at_registration()
    {
        var exception = await Assert.ThrowsAsync<ArgumentException>(() => ReceiverApp.StartAsync(setup: (_, webhooks) => webhooks.AddHandler<Order, OrderHandler>()));

        Assert.Contains("Order is not the payload of any event of VoucherifyEvents", exception.Message, StringComparison.Ordinal);
    }

    private sealed class OrderHandler : IWebhookHandler<Order>
    {
        public Task HandleAsync(Order payload, WebhookContext context, System.Threading.CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
