using System;
using System.IO;
using System.Linq;
using System.Net;
using System.Threading.Tasks;
using Hooksmith.AspNetCore.Tests.Infrastructure;
using Hooksmith.Cli;
using Hooksmith.Webhooks;

namespace Hooksmith.AspNetCore.Tests;

/// <summary>
/// <c>hooksmith dead-letters</c> against real letters of a real endpoint: listed, shown, and replayed to a running
/// receiver, where they go through the whole pipeline again, deduplication included.
/// </summary>
public sealed class DeadLetterReplayTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "hooksmith-replay-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    private static (int Code, string Out, string Error) Cli(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = CliApplication.Run(args, TextReader.Null, stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }

    [Theory]
    [InlineData(1)]
    [InlineData(4)]
    public async Task Letters_kept_by_one_run_are_listed_shown_and_replayed_once_each_to_the_next(int count)
    {
        // A strict endpoint keeps the payloads it finds invalid; they are then fixed on the receiving side (the policy).
        var ids = Enumerable.Range(0, count).Select(_ => TestPayloads.NewEventId()).ToList();
        await using (var strict = await ReceiverApp.StartAsync(
            o => o.InvalidPayloads = InvalidPayloadPolicy.DeadLetter,
            (_, webhooks) => webhooks.UseDeadLetterStore(new FileSystemDeadLetterStore(_folder))))
        {
            foreach (var id in ids)
            {
                var deadLettered = await strict.PostSignedAsync(TestPayloads.Envelope(eventId: id, data: "{\"customer\": 12}"));
                Assert.Equal((HttpStatusCode.Accepted, "DeadLettered"), (deadLettered.Status, deadLettered.Outcome));
            }

            Assert.Equal(0, strict.Recorder.Attempts);
        }

        var listed = Cli("dead-letters", "list", "--folder", _folder);
        Assert.True(listed.Code == 0, $"exit {listed.Code}: {listed.Error}{listed.Out}");
        Assert.Contains($"{count} letters", listed.Out, StringComparison.Ordinal);
        Assert.All(ids, id => Assert.Contains(id, listed.Out, StringComparison.Ordinal));

        var letter = (await new FileSystemDeadLetterStore(_folder).ListAsync())[0];
        var shown = Cli("dead-letters", "show", "--folder", _folder, letter.Id);
        Assert.True(shown.Code == 0, $"exit {shown.Code}: {shown.Error}{shown.Out}");
        Assert.Contains("InvalidPayload", shown.Out, StringComparison.Ordinal);
        Assert.Contains("\"customer\": 12", shown.Out, StringComparison.Ordinal);

        await using var lenient = await ReceiverApp.StartAsync();
        var url = new Uri(lenient.Address, ReceiverApp.Route).ToString();

        var kept = Cli("dead-letters", "replay", "--folder", _folder, "--url", url, "--secret", ReceiverApp.Secret, "--keep");
        Assert.True(kept.Code == 0, $"exit {kept.Code}: {kept.Error}{kept.Out}");
        Assert.Equal(count, kept.Out.Split('\n').Count(line => line.Contains("200 Handled", StringComparison.Ordinal)));
        Assert.Equal(count, lenient.Recorder.Calls.Count);

        // The same letters again: the receiver's deduplication answers, the handler does not run twice; now removed.
        var again = Cli("dead-letters", "replay", "--folder", _folder, "--url", url, "--secret", ReceiverApp.Secret);
        Assert.True(again.Code == 0, $"exit {again.Code}: {again.Error}{again.Out}");
        Assert.Equal(count, again.Out.Split('\n').Count(line => line.Contains("200 Duplicate", StringComparison.Ordinal) && line.Contains("removed", StringComparison.Ordinal)));
        Assert.Equal(count, lenient.Recorder.Calls.Count);
        Assert.Empty(await new FileSystemDeadLetterStore(_folder).ListAsync());
    }

    [Fact]
    public async Task A_replay_with_the_wrong_secret_is_refused_by_the_receiver_and_keeps_the_letters()
    {
        var store = new FileSystemDeadLetterStore(_folder);
        await store.StoreAsync(new DeadLetter("letter1", DateTimeOffset.UtcNow, DeadLetterReason.ProcessingFailed, "the handler failed", "customer.order.updated", "evt_1", TestPayloads.Envelope()));
        await using var app = await ReceiverApp.StartAsync();

        var replay = Cli("dead-letters", "replay", "--folder", _folder, "--url", new Uri(app.Address, ReceiverApp.Route).ToString(), "--secret", "not-the-secret");

        Assert.True(replay.Code == 1, $"exit {replay.Code}: {replay.Error}{replay.Out}");
        Assert.Contains("401 SignatureRejected", replay.Out, StringComparison.Ordinal);
        Assert.Single(await store.ListAsync());
        Assert.Equal(0, app.Recorder.Attempts);
    }

    [Theory]
    [InlineData("dead-letters", "list")]
    [InlineData("dead-letters", "replay", "--folder", "x")]
    [InlineData("dead-letters", "list", "--folder", "/no/such/folder/anywhere")]
    [InlineData("dead-letters", "lsit", "--folder", "x")]
    public void Usage_errors_and_missing_folders_exit_with_2(params string[] args)
    {
        var run = Cli(args);

        Assert.Equal(2, run.Code);
    }
}
