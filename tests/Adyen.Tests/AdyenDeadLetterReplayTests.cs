using System;
using System.IO;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Hooksmith.Cli;
using Hooksmith.Webhooks;

namespace Hooksmith.Adyen.Tests;

/// <summary>
/// <c>hooksmith dead-letters replay</c> signs as Adyen does: <c>--scheme adyen-classic</c> recomputes each classic item's
/// <c>additionalData.hmacSignature</c> with the hex key, <c>--scheme adyen-hmac</c> sends the <c>HmacSignature</c> header;
/// the letters go to the real Kestrel endpoints of all 25 files and through their whole pipeline again.
/// </summary>
public sealed class AdyenDeadLetterReplayTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "hooksmith-adyen-replay-" + Guid.NewGuid().ToString("N"));

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

    /// <summary>
    /// Letters of an endpoint's first examples, as a receiver keeps them: the body as it came, here with the vendor's
    /// stale signatures. Returns how many events they hold, told apart by deduplication key (the classic
    /// <c>eventCode:pspReference:success</c>, which the vendor's examples share now and then; a typed body is one).
    /// </summary>
    private async Task<int> StoreLettersAsync(AdyenCorpus.Endpoint endpoint, int count)
    {
        var store = new FileSystemDeadLetterStore(_folder);
        var examples = AdyenCorpus.Examples.Where(e => AdyenCorpus.EndpointOf(e) == endpoint).Take(count).ToList();
        var keys = new System.Collections.Generic.HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < examples.Count; i++)
        {
            var body = examples[i].Body;
            if (endpoint.IsClassic)
            {
                foreach (var element in JsonNode.Parse(body)!["notificationItems"]!.AsArray())
                {
                    var item = element!["NotificationRequestItem"]!;
                    keys.Add($"{item["eventCode"]}:{item["pspReference"]}:{item["success"]?.ToJsonString()}");
                }
            }
            else
            {
                keys.Add(Convert.ToBase64String(body));
            }

            await store.StoreAsync(new DeadLetter($"letter{i}", DateTimeOffset.UtcNow, DeadLetterReason.ProcessingFailed, "the handler failed", examples[i].Webhook, null, body));
        }

        return keys.Count;
    }

    [Fact]
    public async Task Classic_letters_replayed_with_each_items_signature_recomputed_reach_their_handlers_once()
    {
        var endpoint = AdyenCorpus.Endpoints.Single(e => e.IsClassic);
        var events = await StoreLettersAsync(endpoint, 5);
        await using var app = await AdyenApp.StartAsync();
        var url = new Uri(app.Client.BaseAddress!, endpoint.Route).ToString();

        var kept = Cli("dead-letters", "replay", "--folder", _folder, "--url", url, "--scheme", "adyen-classic", "--secret", AdyenApp.HmacKey, "--keep");
        Assert.True(kept.Code == 0, $"exit {kept.Code}: {kept.Error}{kept.Out}");
        Assert.Equal(5, kept.Out.Split('\n').Count(line => line.Contains("200 [accepted]", StringComparison.Ordinal)));
        Assert.Equal(events, app.Recorder.Events.Count);

        // Again: every item is a duplicate by its classic key; the handlers do not run twice, and the letters are removed.
        var again = Cli("dead-letters", "replay", "--folder", _folder, "--url", url, "--scheme", "adyen-classic", "--secret", AdyenApp.HmacKey);
        Assert.True(again.Code == 0, $"exit {again.Code}: {again.Error}{again.Out}");
        Assert.Equal(5, again.Out.Split('\n').Count(line => line.Contains("removed", StringComparison.Ordinal)));
        Assert.Equal(events, app.Recorder.Events.Count);
        Assert.Empty(await new FileSystemDeadLetterStore(_folder).ListAsync());
    }

    [Fact]
    public async Task Typed_letters_replayed_with_the_HmacSignature_header_are_handled()
    {
        var endpoint = AdyenCorpus.Endpoints.Single(e => e.Name == "BalancePlatformTransferNotification-v4");
        await StoreLettersAsync(endpoint, 3);
        await using var app = await AdyenApp.StartAsync();
        var url = new Uri(app.Client.BaseAddress!, endpoint.Route).ToString();

        var replay = Cli("dead-letters", "replay", "--folder", _folder, "--url", url, "--scheme", "adyen-hmac", "--secret", AdyenApp.HmacKey);

        Assert.True(replay.Code == 0, $"exit {replay.Code}: {replay.Error}{replay.Out}");
        Assert.Equal(3, replay.Out.Split('\n').Count(line => line.Contains("200 Handled", StringComparison.Ordinal)));
        Assert.Equal(3, app.Recorder.Events.Count);
    }

    [Theory]
    [InlineData("adyen-classic")]
    [InlineData("adyen-hmac")]
    public async Task A_replay_signed_with_another_key_is_refused_and_keeps_the_letters(string scheme)
    {
        var endpoint = scheme == "adyen-classic" ? AdyenCorpus.Classic.Route : "/webhooks/adyen/BalancePlatformTransferNotification-v4";
        await StoreLettersAsync(AdyenCorpus.Endpoints.Single(e => e.Route == endpoint), 2);
        await using var app = await AdyenApp.StartAsync();

        var replay = Cli("dead-letters", "replay", "--folder", _folder, "--url", new Uri(app.Client.BaseAddress!, endpoint).ToString(), "--scheme", scheme, "--secret", "00112233445566778899AABBCCDDEEFF");

        Assert.True(replay.Code == 1, $"exit {replay.Code}: {replay.Error}{replay.Out}");
        Assert.Equal(2, replay.Out.Split('\n').Count(line => line.Contains("401", StringComparison.Ordinal) && line.Contains("kept (not acknowledged)", StringComparison.Ordinal)));
        Assert.Equal(2, (await new FileSystemDeadLetterStore(_folder).ListAsync()).Count);
        Assert.Empty(app.Recorder.Events);
    }

    [Theory]
    [InlineData("adyen-classic", "not-hex")]
    [InlineData("adyen-hmac", "ABC")]
    public async Task An_Adyen_scheme_with_a_key_that_is_not_hex_exits_with_2(string scheme, string key)
    {
        await StoreLettersAsync(AdyenCorpus.Endpoints.Single(e => e.IsClassic), 1);

        var replay = Cli("dead-letters", "replay", "--folder", _folder, "--url", "http://127.0.0.1:9/", "--scheme", scheme, "--secret", key);

        Assert.True(replay.Code == 2, $"exit {replay.Code}: {replay.Error}{replay.Out}");
        Assert.Contains("hex", replay.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_letter_that_is_not_a_classic_batch_is_not_sent_with_the_classic_scheme_and_is_kept()
    {
        var store = new FileSystemDeadLetterStore(_folder);
        await store.StoreAsync(new DeadLetter("letter0", DateTimeOffset.UtcNow, DeadLetterReason.MalformedBody, "not JSON", null, null, "{\"notificationItems\":"u8.ToArray()));
        await using var app = await AdyenApp.StartAsync();

        var replay = Cli("dead-letters", "replay", "--folder", _folder, "--url", new Uri(app.Client.BaseAddress!, AdyenCorpus.Classic.Route).ToString(), "--scheme", "adyen-classic", "--secret", AdyenApp.HmacKey, "--id", "letter0");

        Assert.True(replay.Code == 1, $"exit {replay.Code}: {replay.Error}{replay.Out}");
        Assert.Contains("not sent", replay.Out, StringComparison.Ordinal);
        Assert.Single(await store.ListAsync());
        Assert.Empty(app.Recorder.Events);
    }
}
