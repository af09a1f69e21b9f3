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
    /// The examples whose body names another event of their file than the webhook they are listed under, with another
    /// payload type: the vendor copied a body (<c>"eventType": "TRANSFER_FUNDS"</c> under <c>/PAYMENT_FAILURE</c>…). Adyen
    /// routes a delivery by its <c>eventType</c> and so does the receiver: each reaches the handler of the event its body
    /// names.
    /// </summary>
    private static readonly string[] RoutedByTheirBody =
    [
        .. new[] { "5", "6" }.SelectMany(version => new[]
        {
            $"MarketPayNotificationService-v{version}.json /ACCOUNT_FUNDS_BELOW_THRESHOLD accountFundsBelowThreshold",
            $"MarketPayNotificationService-v{version}.json /ACCOUNT_HOLDER_UPDATED accountHolderUpdated",
            $"MarketPayNotificationService-v{version}.json /DIRECT_DEBIT_INITIATED directDebitInitiated",
            $"MarketPayNotificationService-v{version}.json /PAYMENT_FAILURE paymentFailure",
            $"MarketPayNotificationService-v{version}.json /REFUND_FUNDS_TRANSFER refundFundsTransfer",
            $"MarketPayNotificationService-v{version}.json /REPORT_AVAILABLE reportAvailable",
        }),
    ];

    /// <summary>
    /// The example whose body names an event its file does not list: <c>balancePlatform.incomingTransfer.updated</c>, under
    /// <c>balancePlatform.transfer.updated</c> of the accounting webhooks, v1. For the receiver it is an event type the
    /// schemas do not know, as a new one of Adyen's would be: acknowledged 202 <c>UnknownEvent</c> (a non-2xx answer would
    /// make Adyen retry it for days) and passed to the unknown-event handler, which logs it; no typed handler runs.
    /// </summary>
    private static readonly string[] NamingAnUnlistedEvent =
    [
        "BalancePlatformAccountingNotification-v1.json balancePlatform.transfer.updated balancePlatform-transfer-updated",
    ];

    /// <summary>
    /// The event types a delivery carries, worked out from the body with JsonNode (not with the code under test): each
    /// classic item's <c>eventCode</c>, MarketPay's <c>eventType</c>, otherwise <c>type</c>; an endpoint with a fixed event
    /// type (the typed classic webhooks) has that one, and the authentication file's body without a <c>type</c> is the
    /// relayed authentication.
    /// </summary>
    private static List<string?> ExpectedEventTypes(AdyenCorpus.Endpoint endpoint, AdyenCorpus.Example example, byte[] sent)
    {
        var body = JsonNode.Parse(sent)!;
        if (endpoint.IsClassic)
        {
            return body["notificationItems"]!.AsArray().Select(element => Text(element!["NotificationRequestItem"]!["eventCode"])).ToList();
        }

        if (AdyenCorpus.TypedClassicWebhooks.Contains(example.Webhook))
        {
            return [example.Webhook[1..]];
        }

        if (endpoint.File.FileName.StartsWith("MarketPay", StringComparison.Ordinal))
        {
            return [Text(body["eventType"])];
        }

        var type = Text(body["type"]);
        return [string.IsNullOrEmpty(type) && endpoint.File.FileName == "BalancePlatformAcsNotification-v1.json" ? "balancePlatform.authentication.relayed" : type];
    }

    private static string? Text(JsonNode? node) => node is JsonValue value && value.TryGetValue<string>(out var text) ? text : node is JsonValue number ? number.ToJsonString() : null;

    private static string Describe(IEnumerable<(Type PayloadType, string EventType)> calls)
        => calls.Any() ? string.Join(", ", calls.Select(c => $"{c.PayloadType.Name} {c.EventType}")) : "no handler";

    [Fact]
    public async Task Every_example_signed_on_a_receiver_of_its_own_reaches_the_handler_of_its_webhooks_payload_type()
    {
        await using var app = await AdyenApp.StartAsync();
        var failures = new List<string>();
        var counts = new SortedDictionary<string, int>(StringComparer.Ordinal);
        void Count(string what) => counts[what] = counts.TryGetValue(what, out var n) ? n + 1 : 1;

        foreach (var example in AdyenCorpus.Examples)
        {
            // A receiver that has seen nothing before this example: the vendor's examples share references, which one
            // store would rightly answer as duplicates (deduplication is proven by the tests below).
            app.ForgetDeliveries();
            var endpoint = AdyenCorpus.EndpointOf(example);
            var table = endpoint.File.Table;
            var own = table.Events.Single(e => e.Key == example.Webhook);
            var before = app.Recorder.Events.Count;
            var logsBefore = app.EndpointLogs.Count();
            var (status, answer, sent) = await app.PostAsync(endpoint, example.Body);
            var received = app.Recorder.Events.Skip(before).Select(r => (r.PayloadType, r.EventType)).ToList();
            var eventTypes = ExpectedEventTypes(endpoint, example, sent);
            var name = example.ToString();

            if (NamingAnUnlistedEvent.Contains(name))
            {
                var type = eventTypes.Single();
                var acknowledged = app.EndpointLogs.Skip(logsBefore).Any(entry => entry.EventId.Id == 20 && entry.Message.Contains(type!, StringComparison.Ordinal));
                var listed = table.Events.Any(e => endpoint.Provider.EventKeys.RoutingValueOf(e.Key) == type);
                if (received.Count > 0 || status != 202 || JsonOutcome(answer) != "UnknownEvent" || !acknowledged || listed)
                {
                    failures.Add($"{name}: expected 202 UnknownEvent '{type}' passed to the unknown-event handler, got {status} {answer}, {Describe(received)}, unknown-event log {acknowledged}");
                }

                Count("an event its file does not list: 202 UnknownEvent, the unknown-event handler");
                continue;
            }

            List<(Type, string)> expected;
            if (RoutedByTheirBody.Contains(name))
            {
                var type = eventTypes.Single()!;
                var named = table.Events.SingleOrDefault(e => endpoint.Provider.EventKeys.RoutingValueOf(e.Key) == type);
                if (named is null || named.Key == example.Webhook || named.PayloadType == own.PayloadType)
                {
                    failures.Add($"{name}: listed as naming another event of another payload type, but its body names '{type}'");
                    continue;
                }

                expected = [(named.PayloadType, type)];
                Count("the handler of the event its body names (another webhook's payload type)");
            }
            else
            {
                expected = eventTypes.Select(type => (own.PayloadType, type ?? "(none)")).ToList();
                Count(eventTypes.All(type => type == endpoint.Provider.EventKeys.RoutingValueOf(example.Webhook))
                    ? "the handler of its webhook's payload type, as its webhook"
                    : "the handler of its webhook's payload type, as the event its body names (same payload type)");
            }

            var (expectedStatus, expectedAnswer) = endpoint.IsClassic ? (200, "[accepted]") : (200, "Handled");
            var gotAnswer = endpoint.IsClassic ? answer : JsonOutcome(answer);
            if (!received.SequenceEqual(expected) || status != expectedStatus || gotAnswer != expectedAnswer)
            {
                failures.Add($"{name}: expected {Describe(expected)} ({expectedStatus} {expectedAnswer}); got {Describe(received)} ({status} {answer})");
            }
        }

        var summary = string.Join("\n", counts.Select(pair => $"{pair.Value,4} {pair.Key}"));
        Assert.True(failures.Count == 0, $"{failures.Count} of {AdyenCorpus.Examples.Count} examples went wrong:\n" + string.Join("\n", failures) + "\n" + summary);
        // As measured on the corpus (213 examples): 199 reach their webhook's handler as their webhook; one more (the
        // sweep example listed under balanceAccountSweep.updated whose body says .created) reaches the same payload
        // type's handler as the event its body names; 12 reach the handler of the event their body names; 1 is unknown.
        Assert.True(counts.GetValueOrDefault("the handler of its webhook's payload type, as its webhook") == 199, summary);
        Assert.True(counts.GetValueOrDefault("the handler of its webhook's payload type, as the event its body names (same payload type)") == 1, summary);
        Assert.True(counts.Values.Sum() == 213, summary);
        Console.WriteLine(summary);
    }

    [Fact]
    public async Task Every_example_sent_twice_runs_its_handler_once()
    {
        await using var app = await AdyenApp.StartAsync();
        var failures = new List<string>();
        foreach (var example in AdyenCorpus.Examples.Where(e => !NamingAnUnlistedEvent.Contains(e.ToString())))
        {
            app.ForgetDeliveries();
            var endpoint = AdyenCorpus.EndpointOf(example);
            var first = await app.PostAsync(endpoint, example.Body);
            var afterFirst = app.Recorder.Events.Count;
            var second = await app.PostAsync(endpoint, example.Body);

            // A classic batch answers [accepted] whatever its items came to; a typed delivery says Duplicate.
            var expected = endpoint.IsClassic ? "[accepted]" : "Duplicate";
            var got = endpoint.IsClassic ? second.Body : JsonOutcome(second.Body);
            if (afterFirst == 0 || app.Recorder.Events.Count != afterFirst || second.Status != 200 || got != expected)
            {
                failures.Add($"{example}: first {first.Status} {first.Body}, again {second.Status} {second.Body}, handled {afterFirst} then {app.Recorder.Events.Count - afterFirst} more");
            }

            app.Recorder.Events.Clear();
        }

        Assert.True(failures.Count == 0, $"{failures.Count} went wrong:\n" + string.Join("\n", failures));
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
        foreach (var endpoint in AdyenCorpus.Endpoints)
        {
            var example = AdyenCorpus.Examples.FirstOrDefault(e => AdyenCorpus.EndpointOf(e) == endpoint);
            if (example is null)
            {
                continue; // a file without examples
            }

            var (status, answer, _) = await app.PostAsync(endpoint, example.Body, sign: false);

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
