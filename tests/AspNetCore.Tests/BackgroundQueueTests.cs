using System;
using System.Net;
using System.Threading.Tasks;
using Hooksmith.AspNetCore.Tests.Infrastructure;
using Hooksmith.Webhooks;

namespace Hooksmith.AspNetCore.Tests;

/// <summary>Acknowledge = AfterEnqueue: 202 at once, the handler later in a background worker.</summary>
public sealed class BackgroundQueueTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task A_queued_delivery_is_answered_202_and_handled_in_the_background()
    {
        await using var app = await ReceiverApp.StartAsync(o => o.Acknowledge = WebhookAcknowledgement.AfterEnqueue);
        var eventId = TestPayloads.NewEventId();
        var body = TestPayloads.Envelope(eventId: eventId);

        var delivery = await app.PostSignedAsync(body);
        var seen = await app.Recorder.FirstCall.Task.WaitAsync(Patience);

        Assert.Equal((HttpStatusCode.Accepted, "Queued", "customer.order.updated"), (delivery.Status, delivery.Outcome, delivery.EventType));
        Assert.Equal("ord_tNridJhmcEOQXUqNyenX1Up6", seen.Payload!.Order!.Id);
        Assert.Equal(eventId, seen.EventId);
        Assert.Equal(body, seen.Body);
        Assert.True(seen.Headers.ContainsKey(VoucherifySignatureVerifier.SignatureHeaderName));
        Assert.True(seen.Validation.IsValid, seen.Validation.ToString());
    }

    [Fact]
    public async Task A_bad_signature_is_refused_401_before_anything_is_queued()
    {
        await using var app = await ReceiverApp.StartAsync(o => o.Acknowledge = WebhookAcknowledgement.AfterEnqueue);
        var forged = TestPayloads.Envelope();
        var genuine = TestPayloads.Envelope();

        var refused = await app.PostSignedAsync(forged, "not-the-secret");
        var queued = await app.PostSignedAsync(genuine);
        var seen = await app.Recorder.FirstCall.Task.WaitAsync(Patience);

        Assert.Equal((HttpStatusCode.Unauthorized, "SignatureRejected"), (refused.Status, refused.Outcome));
        Assert.Equal(HttpStatusCode.Accepted, queued.Status);

        // The queue is first in, first out: had the forged delivery been queued, the handler would have seen it first.
        Assert.Equal(genuine, seen.Body);
        Assert.Single(app.Recorder.Calls);
    }

    [Fact]
    public async Task A_full_queue_is_answered_503_so_the_provider_retries()
    {
        await using var app = await ReceiverApp.StartAsync(o =>
        {
            o.Acknowledge = WebhookAcknowledgement.AfterEnqueue;
            o.QueueCapacity = 1;
        });
        app.Recorder.Gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        var first = await app.PostSignedAsync(TestPayloads.Envelope());
        await app.Recorder.Entered.Task.WaitAsync(Patience); // the worker holds the first in its handler
        var second = await app.PostSignedAsync(TestPayloads.Envelope()); // waits in the queue
        var third = await app.PostSignedAsync(TestPayloads.Envelope()); // finds the queue full
        app.Recorder.Gate.SetResult();

        Assert.Equal((HttpStatusCode.Accepted, "Queued"), (first.Status, first.Outcome));
        Assert.Equal((HttpStatusCode.Accepted, "Queued"), (second.Status, second.Outcome));
        Assert.Equal((HttpStatusCode.ServiceUnavailable, "Unavailable"), (third.Status, third.Outcome));
        Assert.Contains(app.EndpointLogs, e => e.EventId.Id == 10);
        await app.Recorder.WaitForHandledAsync(2);
        Assert.Equal(2, app.Recorder.Attempts);
    }

    [Fact]
    public async Task A_queued_delivery_whose_handler_fails_is_logged_and_kept_as_a_dead_letter()
    {
        // It was acknowledged already, so the provider will not send it again: it is kept for a replay.
        var letters = new InMemoryDeadLetterStore();
        await using var app = await ReceiverApp.StartAsync(o => o.Acknowledge = WebhookAcknowledgement.AfterEnqueue, (_, webhooks) => webhooks.UseDeadLetterStore(letters));
        app.Recorder.FailNext(1);
        var body = TestPayloads.Envelope();

        var failing = await app.PostSignedAsync(body);
        var retried = await app.PostSignedAsync(body);
        await app.Recorder.FirstCall.Task.WaitAsync(Patience);

        Assert.Equal(HttpStatusCode.Accepted, failing.Status);
        Assert.Equal(HttpStatusCode.Accepted, retried.Status);
        Assert.Equal(2, app.Recorder.Attempts);
        Assert.Contains(app.EndpointLogs, e => e.EventId.Id == 9 && e.Exception is InvalidOperationException);
        Assert.Contains(app.EndpointLogs, e => e.EventId.Id == 18 && e.Message.Contains("HandlerFailed", StringComparison.Ordinal));
        var letter = Assert.Single(await letters.ListAsync());
        Assert.Equal(DeadLetterReason.ProcessingFailed, letter.Reason);
        Assert.True(letter.Body.Span.SequenceEqual(body));
    }
}
