using System.Net;
using System.Threading.Tasks;
using Hooksmith.AspNetCore.Tests.Infrastructure;
using Hooksmith.Webhooks;
using Microsoft.Extensions.DependencyInjection;

namespace Hooksmith.AspNetCore.Tests;

/// <summary>Payloads that break their schema, and bodies that are not JSON, under each policy.</summary>
public sealed class PayloadPolicyTests
{
    [Fact]
    public async Task AcceptAndReport_hands_an_invalid_payload_to_the_handler_with_its_errors()
    {
        await using var app = await ReceiverApp.StartAsync(o => o.InvalidPayloads = InvalidPayloadPolicy.AcceptAndReport);
        var body = TestPayloads.Envelope(data: TestPayloads.InvalidData);

        var delivery = await app.PostSignedAsync(body);

        Assert.Equal((HttpStatusCode.OK, "Handled"), (delivery.Status, delivery.Outcome));
        Assert.Contains("does not match its schema", delivery.Detail, System.StringComparison.Ordinal);
        var seen = Assert.Single(app.Recorder.Calls);
        Assert.False(seen.Validation.IsValid);
        Assert.Contains(seen.Validation.Errors, e => e.InstanceLocation == "/order/status" && e.Keyword == "enum");
        Assert.Equal("ON_HOLD", seen.Payload!.Order!.Status!.Value.Value);
        Assert.Equal(body, seen.Body);
        Assert.Contains(app.EndpointLogs, e => e.EventId.Id == 6 && e.Message.Contains("/order/status", System.StringComparison.Ordinal));
    }

    [Fact]
    public async Task Reject_answers_400_and_the_handler_does_not_run()
    {
        var letters = new InMemoryDeadLetterStore();
        await using var app = await ReceiverApp.StartAsync(o => o.InvalidPayloads = InvalidPayloadPolicy.Reject, (_, webhooks) => webhooks.UseDeadLetterStore(letters));

        var delivery = await app.PostSignedAsync(TestPayloads.Envelope(data: TestPayloads.InvalidData));

        Assert.Equal((HttpStatusCode.BadRequest, "Rejected", "customer.order.updated"), (delivery.Status, delivery.Outcome, delivery.EventType));
        Assert.Contains("/order/status", delivery.Detail, System.StringComparison.Ordinal);
        Assert.Equal(0, app.Recorder.Attempts);
        Assert.Empty(await letters.ListAsync());
    }

    [Fact]
    public async Task DeadLetter_acknowledges_202_and_keeps_the_raw_bytes()
    {
        var letters = new InMemoryDeadLetterStore();
        await using var app = await ReceiverApp.StartAsync(o => o.InvalidPayloads = InvalidPayloadPolicy.DeadLetter, (_, webhooks) => webhooks.UseDeadLetterStore(letters));
        var eventId = TestPayloads.NewEventId();
        var body = TestPayloads.Envelope(eventId: eventId, data: TestPayloads.InvalidData);

        var delivery = await app.PostSignedAsync(body);

        Assert.Equal((HttpStatusCode.Accepted, "DeadLettered"), (delivery.Status, delivery.Outcome));
        Assert.Equal(0, app.Recorder.Attempts);
        var letter = Assert.Single(await letters.ListAsync());
        Assert.Equal((DeadLetterReason.InvalidPayload, "customer.order.updated", eventId), (letter.Reason, letter.EventType, letter.EventId));
        Assert.Equal(body, letter.Body.ToArray());
        Assert.Contains(app.EndpointLogs, e => e.EventId.Id == 8 && e.Message.Contains(letter.Id, System.StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_body_that_is_not_json_is_kept_as_a_dead_letter_and_acknowledged_by_default()
    {
        await using var app = await ReceiverApp.StartAsync();
        var body = Utf8.Bytes("""{"event": {"type": "customer.order.updated", """);

        var delivery = await app.PostSignedAsync(body);

        Assert.Equal((HttpStatusCode.Accepted, "DeadLettered"), (delivery.Status, delivery.Outcome));
        Assert.Equal(0, app.Recorder.Attempts);
        var store = app.Services.GetRequiredKeyedService<IWebhookDeadLetterStore>(app.Name);
        var letter = Assert.Single(await store.ListAsync());
        Assert.Equal(DeadLetterReason.MalformedBody, letter.Reason);
        Assert.Equal(body, letter.Body.ToArray());
    }

    [Fact]
    public async Task A_body_that_is_not_json_is_answered_400_when_malformed_bodies_are_rejected()
    {
        await using var app = await ReceiverApp.StartAsync(o => o.RejectMalformedBodies = true);
        var body = Utf8.Bytes("this is not JSON");

        var delivery = await app.PostSignedAsync(body);

        Assert.Equal((HttpStatusCode.BadRequest, "Rejected"), (delivery.Status, delivery.Outcome));
        Assert.Equal("the body is not valid JSON", delivery.Detail);
        Assert.Equal(0, app.Recorder.Attempts);
        var store = app.Services.GetRequiredKeyedService<IWebhookDeadLetterStore>(app.Name);
        Assert.Empty(await store.ListAsync());
    }

    [Fact]
    public async Task A_raw_payload_endpoint_binds_the_whole_body_as_its_one_event()
    {
        await using var app = await ReceiverApp.StartAsync(o => o.EnvelopeFormat = new RawPayloadEnvelopeFormat("customer.order.updated"));
        var body = TestPayloads.SeedData();

        var delivery = await app.PostSignedAsync(body);

        Assert.Equal((HttpStatusCode.OK, "Handled", "customer.order.updated"), (delivery.Status, delivery.Outcome, delivery.EventType));
        var seen = Assert.Single(app.Recorder.Calls);
        Assert.Equal(body, seen.PayloadBytes);
        Assert.Equal("Alex Doe", seen.Payload!.Customer!.Name);
        Assert.True(seen.Validation.IsValid, seen.Validation.ToString());
    }
}
