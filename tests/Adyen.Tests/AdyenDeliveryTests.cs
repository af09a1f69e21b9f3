using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Hooksmith.Webhooks;
using Microsoft.Extensions.Logging;

namespace Hooksmith.Adyen.Tests;

/// <summary>
/// Adyen's published examples, signed as Adyen signs them, posted to real Kestrel endpoints built from the generated
/// tables of all 25 spec files and the provider presets: every example reaches the handler of its webhook's payload type.
/// </summary>
public sealed class AdyenDeliveryTests
{
    [Fact]
    public void The_corpus_has_25_files_and_213_examples_each_naming_a_webhook_of_its_file()
    {
        Assert.Equal(25, AdyenCorpus.Files.Count);
        Assert.Equal(213, AdyenCorpus.Examples.Count);
        Assert.All(AdyenCorpus.Examples, example => Assert.Contains(example.File.Table.Events, e => e.Key == example.Webhook));
    }

    [Fact]
    public async Task Every_example_signed_reaches_the_handler_of_its_webhook()
    {
        await using var app = await AdyenApp.StartAsync();
        var failures = new List<string>();
        var seenKeys = new HashSet<string>(StringComparer.Ordinal);
        var handled = 0;
        foreach (var example in AdyenCorpus.Examples)
        {
            var file = example.File;
            var descriptor = file.Table.Events.Single(e => e.Key == example.Webhook);
            var routing = file.Provider.EventKeys.RoutingValueOf(descriptor.Key);
            var before = app.Recorder.Events.Count;
            var (status, answer, sent) = await app.PostAsync(file, example.Body);
            var received = app.Recorder.Events.Skip(before).ToList();

            if (file.IsClassic)
            {
                // Each item is an event: routed on its eventCode, deduplicated on eventCode:pspReference:success.
                var items = JsonNode.Parse(sent)!["notificationItems"]!.AsArray()
                    .Select(i => i!["NotificationRequestItem"]!)
                    .Select(i => (Code: (string)i["eventCode"]!, Key: $"{(string?)i["eventCode"]}:{(string?)i["pspReference"]}:{(string?)i["success"]}"))
                    .ToList();
                var fresh = items.Where(i => seenKeys.Add(i.Key)).ToList();
                if (status != 200 || answer != "[accepted]")
                {
                    failures.Add($"{example}: {status} {answer}");
                }
                else if (received.Count != fresh.Count
                    || received.Any(r => r.PayloadType != descriptor.PayloadType || r.EventType != routing))
                {
                    failures.Add($"{example}: expected {fresh.Count} item(s) of {descriptor.PayloadType.Name} routed as {routing}; got {string.Join(", ", received.Select(r => $"{r.PayloadType.Name} {r.EventType}"))}");
                }
            }
            else
            {
                // No event id in these shapes: a body sent again is the same delivery (deduplicated on its bytes).
                var fresh = seenKeys.Add(file.FileName + ":" + Convert.ToBase64String(sent));
                using var outcome = JsonDocument.Parse(answer);
                var expected = fresh ? "Handled" : "Duplicate";
                if (status != 200 || outcome.RootElement.GetProperty("outcome").GetString() != expected)
                {
                    failures.Add($"{example}: expected 200 {expected}, got {status} {answer}");
                }
                else if (fresh && (received.Count != 1 || received[0].PayloadType != descriptor.PayloadType || received[0].EventType != routing))
                {
                    failures.Add($"{example}: expected {descriptor.PayloadType.Name} routed as {routing}; got {string.Join(", ", received.Select(r => $"{r.PayloadType.Name} {r.EventType}"))}");
                }
            }

            handled += received.Count;
        }

        Assert.True(failures.Count == 0, $"{failures.Count} of {AdyenCorpus.Examples.Count} examples went wrong:\n" + string.Join("\n", failures));
        Assert.True(handled > 150, $"only {handled} events were handled");
    }

    [Fact]
    public async Task An_example_with_a_wrong_or_missing_signature_is_answered_401_and_reaches_no_handler()
    {
        await using var app = await AdyenApp.StartAsync();
        foreach (var file in AdyenCorpus.Files)
        {
            var example = AdyenCorpus.Examples.First(e => e.File == file);
            var (status, answer, _) = await app.PostAsync(file, example.Body, sign: false);

            Assert.True(status == 401, $"{example}: {status} {answer}");
        }

        Assert.Empty(app.Recorder.Events);
    }

    /// <summary>Three items made from the corpus's AUTHORISATION example, with references A, B and C.</summary>
    private static byte[] ClassicBatchOfThree(params string[] references)
    {
        var example = AdyenCorpus.Examples.First(e => e.File.IsClassic && e.Webhook == "/AUTHORISATION");
        var body = JsonNode.Parse(example.Body)!;
        var template = body["notificationItems"]![0]!;
        var items = new JsonArray();
        foreach (var reference in references)
        {
            var item = template.DeepClone();
            item["NotificationRequestItem"]!["pspReference"] = reference;
            items.Add(item);
        }

        body["notificationItems"] = items;
        return Encoding.UTF8.GetBytes(body.ToJsonString());
    }

    [Fact]
    public async Task A_classic_batch_of_three_with_one_tampered_signature_handles_two_and_reports_one()
    {
        await using var app = await AdyenApp.StartAsync();
        var signed = JsonNode.Parse(WebhookTestSigner.SignAdyenClassicBatch(ClassicBatchOfThree("PSP-A", "PSP-B", "PSP-C"), AdyenApp.HmacKey))!;
        signed["notificationItems"]![1]!["NotificationRequestItem"]!["merchantReference"] = "changed after signing";

        var (status, answer, _) = await app.PostAsync(AdyenCorpus.Classic, Encoding.UTF8.GetBytes(signed.ToJsonString()), sign: false);

        Assert.Equal((200, "[accepted]"), (status, answer));
        Assert.Equal(["PSP-A", "PSP-C"], app.Recorder.Events.Select(e => e.EventId!.Split(':')[1]));
        // Reported: one rejected signature (event 3) and two handled items (event 2, or 6 when the example breaks its schema).
        var rejected = Assert.Single(app.EndpointLogs, entry => entry.EventId.Id == 3);
        Assert.Equal(LogLevel.Warning, rejected.Level);
        Assert.Contains("Mismatch", rejected.Message, StringComparison.Ordinal);
        Assert.Equal(2, app.EndpointLogs.Count(entry => entry.EventId.Id is 2 or 6 && entry.Message.Contains("AUTHORISATION:PSP-", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task A_classic_batch_in_which_no_item_verifies_is_answered_401_with_each_item_reported()
    {
        await using var app = await AdyenApp.StartAsync();
        var forged = WebhookTestSigner.SignAdyenClassicBatch(ClassicBatchOfThree("PSP-A", "PSP-B"), "00112233445566778899AABBCCDDEEFF");

        var (status, answer, _) = await app.PostAsync(AdyenCorpus.Classic, forged, sign: false);

        Assert.Equal(401, status);
        using var json = JsonDocument.Parse(answer);
        Assert.Equal("SignatureRejected", json.RootElement.GetProperty("outcome").GetString());
        Assert.Equal(2, json.RootElement.GetProperty("items").GetArrayLength());
        Assert.Empty(app.Recorder.Events);
    }

    [Fact]
    public async Task Classic_items_sent_again_run_the_handler_once_by_their_classic_key()
    {
        await using var app = await AdyenApp.StartAsync();
        var first = ClassicBatchOfThree("PSP-A", "PSP-B", "PSP-A");
        var node = JsonNode.Parse(ClassicBatchOfThree("PSP-B", "PSP-C"))!;
        node["notificationItems"]![0]!["NotificationRequestItem"]!["merchantReference"] = "a retry whose other members changed";
        var again = Encoding.UTF8.GetBytes(node.ToJsonString());

        var one = await app.PostAsync(AdyenCorpus.Classic, first);
        var two = await app.PostAsync(AdyenCorpus.Classic, again);
        var three = await app.PostAsync(AdyenCorpus.Classic, first);

        Assert.All(new[] { one, two, three }, answer => Assert.Equal((200, "[accepted]"), (answer.Status, answer.Body)));
        Assert.Equal(["PSP-A", "PSP-B", "PSP-C"], app.Recorder.Events.Select(e => e.EventId!.Split(':')[1]));
    }
}
