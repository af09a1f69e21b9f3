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

    /// <summary>
    /// What a delivery should come to, worked out from the body with JsonNode (not with the code under test): each event's
    /// type as the body says it (<c>type</c>, MarketPay's <c>eventType</c>, each classic item's <c>eventCode</c>) and its
    /// deduplication key (the classic item's <c>eventCode:pspReference:success</c>, MarketPay's <c>pspReference</c>, else
    /// the body's bytes).
    /// </summary>
    private static List<(string? EventType, string Key)> ExpectedEvents(AdyenCorpus.SpecFile file, byte[] sent)
    {
        var body = JsonNode.Parse(sent)!;
        if (file.IsClassic)
        {
            return body["notificationItems"]!.AsArray()
                .Select(element => element!["NotificationRequestItem"]!)
                .Select(item => (Text(item["eventCode"]), $"{Text(item["eventCode"])}:{Text(item["pspReference"])}:{Text(item["success"])}"))
                .ToList();
        }

        if (file.FileName.StartsWith("MarketPay", StringComparison.Ordinal))
        {
            var psp = Text(body["pspReference"]);
            return [(Text(body["eventType"]), string.IsNullOrEmpty(psp) ? Convert.ToBase64String(sent) : psp)];
        }

        return [(Text(body["type"]), Convert.ToBase64String(sent))];
    }

    private static string? Text(JsonNode? node) => node is JsonValue value && value.TryGetValue<string>(out var text) ? text : node is JsonValue number ? number.ToJsonString() : null;

    [Fact]
    public async Task Every_example_signed_reaches_the_handler_of_its_webhook()
    {
        await using var app = await AdyenApp.StartAsync();
        var failures = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var counts = new SortedDictionary<string, int>(StringComparer.Ordinal);
        void Count(string what) => counts[what] = counts.TryGetValue(what, out var n) ? n + 1 : 1;

        foreach (var example in AdyenCorpus.Examples)
        {
            var file = example.File;
            var before = app.Recorder.Events.Count;
            var (status, answer, sent) = await app.PostAsync(file, example.Body);
            var received = app.Recorder.Events.Skip(before).Select(r => (r.PayloadType, r.EventType)).ToList();

            if (file.IsClassic && !AdyenApp.IsBatch(sent))
            {
                // Not the classic shape: no items to route, so the body is kept as a dead letter and acknowledged
                // (202, with the provider's [accepted]).
                Count("classic body that is not a batch, dead-lettered");
                if ((status, answer) != (202, "[accepted]") || received.Count > 0)
                {
                    failures.Add($"{example}: expected 202 [accepted] (dead-lettered), got {status} {answer}");
                }

                continue;
            }

            var expectedCalls = new List<(Type, string)>();
            var outcomes = new List<string>();
            foreach (var (eventType, key) in ExpectedEvents(file, sent))
            {
                var descriptor = file.Table.Events.FirstOrDefault(e => file.Provider.EventKeys.RoutingValueOf(e.Key) == eventType);
                if (descriptor is null)
                {
                    outcomes.Add("UnknownEvent");
                    Count("event type the file does not list, unknown event");
                }
                else if (!seen.Add(file.FileName + "|" + key))
                {
                    outcomes.Add("Duplicate");
                    Count("an event sent before (same deduplication key), duplicate");
                }
                else
                {
                    outcomes.Add("Handled");
                    expectedCalls.Add((descriptor.PayloadType, eventType!));
                    Count(descriptor.Key == example.Webhook ? "handled by its webhook's payload type" : "handled by the payload type of the event its body names (not its webhook's)");
                }
            }

            if (!received.SequenceEqual(expectedCalls))
            {
                failures.Add($"{example}: expected {string.Join(", ", expectedCalls.Select(c => $"{c.Item1.Name} {c.Item2}"))}; got {string.Join(", ", received.Select(r => $"{r.PayloadType.Name} {r.EventType}"))} ({status} {answer})");
            }
            else if (file.IsClassic ? (status, answer) != (200, "[accepted]") : JsonOutcome(answer) != outcomes.Single() || status != (outcomes.Single() == "UnknownEvent" ? 202 : 200))
            {
                failures.Add($"{example}: expected {string.Join(", ", outcomes)}, got {status} {answer}");
            }
        }

        var summary = string.Join("\n", counts.Select(pair => $"{pair.Value,4} {pair.Key}"));
        Assert.True(failures.Count == 0, $"{failures.Count} of {AdyenCorpus.Examples.Count} examples went wrong:\n" + string.Join("\n", failures) + "\n" + summary);
        // As measured on the corpus (213 examples): the vendor's examples reuse references (MarketPay's pspReference,
        // one body under two webhooks), name an event their file does not list, or are not the classic shape.
        Assert.True(counts.GetValueOrDefault("handled by its webhook's payload type") == 134, summary);
        Assert.True(counts.Values.Sum() == 213 + 3 + 39 - 42, summary); // 171 one-event examples, 39 classic items, 3 non-batches
        Console.WriteLine(summary);
    }

    private static string? JsonOutcome(string answer)
    {
        using var document = JsonDocument.Parse(answer);
        return document.RootElement.GetProperty("outcome").GetString();
    }

    [Fact]
    public async Task An_example_with_a_wrong_or_missing_signature_is_answered_401_and_reaches_no_handler()
    {
        await using var app = await AdyenApp.StartAsync();
        foreach (var file in AdyenCorpus.Files)
        {
            var example = AdyenCorpus.Examples.FirstOrDefault(e => e.File == file && (!file.IsClassic || AdyenApp.IsBatch(e.Body)));
            if (example is null)
            {
                continue; // a file without examples
            }
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
