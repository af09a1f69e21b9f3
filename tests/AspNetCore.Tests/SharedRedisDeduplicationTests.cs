using System;
using System.Net;
using System.Threading.Tasks;
using Hooksmith.AspNetCore.Tests.Infrastructure;
using Hooksmith.Redis;
using Hooksmith.Redis.Tests.Infrastructure;

namespace Hooksmith.AspNetCore.Tests;

/// <summary>Two receiver instances (two Kestrel servers) that deduplicate through one real redis-server.</summary>
[Collection(RedisCollection.Name)]
public sealed class SharedRedisDeduplicationTests(RedisServerFixture redis)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task One_event_posted_to_two_instances_sharing_Redis_is_handled_once_in_all()
    {
        var prefix = "aspnetcore-test:" + Guid.NewGuid().ToString("N") + ":";
        var recorder = new Recorder { Gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously) };
        await using var connectionA = await redis.ConnectAsync();
        await using var connectionB = await redis.ConnectAsync();
        await using var instanceA = await ReceiverApp.StartAsync(recorder: recorder, setup: (_, webhooks) => webhooks.UseDeduplicationStore(
            _ => new RedisDeduplicationStore(connectionA, new RedisDeduplicationStoreOptions { KeyPrefix = prefix, OperationTimeout = Patience })));
        await using var instanceB = await ReceiverApp.StartAsync(recorder: recorder, setup: (_, webhooks) => webhooks.UseDeduplicationStore(
            _ => new RedisDeduplicationStore(connectionB, new RedisDeduplicationStoreOptions { KeyPrefix = prefix, OperationTimeout = Patience })));
        var eventId = TestPayloads.NewEventId();
        var body = TestPayloads.Envelope(eventId: eventId);

        // A holds the event in its handler while B gets it; then B gets it again after A finished.
        var atA = instanceA.PostSignedAsync(body);
        await recorder.Entered.Task.WaitAsync(Patience);
        var atBWhileARuns = await instanceB.PostSignedAsync(body);
        recorder.Gate.SetResult();
        var handledByA = await atA;
        var atBAfterwards = await instanceB.PostSignedAsync(body);

        Assert.Equal((HttpStatusCode.Conflict, "InProgress"), (atBWhileARuns.Status, atBWhileARuns.Outcome));
        Assert.Equal((HttpStatusCode.OK, "Handled"), (handledByA.Status, handledByA.Outcome));
        Assert.Equal((HttpStatusCode.OK, "Duplicate"), (atBAfterwards.Status, atBAfterwards.Outcome));
        Assert.Single(recorder.Calls);
        Assert.Equal(1, recorder.Attempts);
        Assert.Equal("done", (string?)await redis.Database.StringGetAsync(prefix + eventId));
    }
}
