using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using CsCheck;
using Hooksmith.Runtime.Tests.Webhooks.Envelopes;
using Hooksmith.Webhooks;

namespace Hooksmith.Runtime.Tests.Webhooks.Providers;

public sealed class WebhookProviderTests
{
    private static byte[] Utf8(string json) => Encoding.UTF8.GetBytes(json);

    private static void AssertSameRead(byte[] body, IWebhookEnvelopeFormat expected, IWebhookEnvelopeFormat actual)
    {
        var expectedResult = expected.TryRead(body, out var a);
        var actualResult = actual.TryRead(body, out var b);
        var text = Encoding.UTF8.GetString(body);
        Assert.True(expectedResult == actualResult, $"{expectedResult} ≠ {actualResult} for {text}");
        Assert.True(a.EventType == b.EventType, $"'{a.EventType}' ≠ '{b.EventType}' for {text}");
        Assert.True(a.EventId == b.EventId, $"event id '{a.EventId}' ≠ '{b.EventId}' for {text}");
        Assert.True(a.DeliveryId == b.DeliveryId, $"delivery id '{a.DeliveryId}' ≠ '{b.DeliveryId}' for {text}");
        Assert.True(a.CreatedAt == b.CreatedAt, $"created '{a.CreatedAt}' ≠ '{b.CreatedAt}' for {text}");
        Assert.True(a.PayloadOf(body).SequenceEqual(b.PayloadOf(body)), $"payloads differ for {text}");
    }

    [Fact]
    public void The_Voucherify_preset_reads_the_sample_as_the_Voucherify_format_does()
    {
        AssertSameRead(EnvelopeSamples.Sample, VoucherifyEnvelopeFormat.Instance, WebhookProviders.Voucherify);
        AssertSameRead(EnvelopeSamples.SampleReversed(), VoucherifyEnvelopeFormat.Instance, WebhookProviders.Voucherify);
        Assert.Equal(EnvelopeReadResult.Read, WebhookProviders.Voucherify.TryRead(EnvelopeSamples.Sample, out var envelope));
        Assert.Equal("customer.order.updated", envelope.EventType);
    }

    private static Gen<string> Choice(params string[] choices) => Gen.Int[0, choices.Length - 1].Select(i => choices[i]);

    /// <summary>A member value of any kind, the scalars from a small set so that duplicates and empties are common.</summary>
    private static readonly Gen<string> AnyValue = Gen.OneOf(
        Choice("\"\"", "\"customer.order.updated\"", "\"evt_1\"", "\"2024-01-02T03:04:05Z\"", "\"not a date\"", "12", "-1.5e3", "true", "null", "[]", "[1,\"a\"]", "{}", "\"\\u0041\\/\""),
        Gen.String[Gen.Char.AlphaNumeric, 0, 6].Select(s => "\"" + s + "\""));

    private static readonly Gen<string> EventObject =
        Gen.Select(Choice("id", "type", "created_at", "other"), AnyValue).Array[0, 5]
            .Select(members => "{" + string.Join(",", members.Select(m => $"\"{m.Item1}\":{m.Item2}")) + "}");

    private static readonly Gen<string> Envelopes =
        Gen.Select(Choice("id", "type", "created_at", "data", "event", "project_id", "source"), Gen.Frequency((3, AnyValue), (2, EventObject))).Array[0, 9]
            .Select(members => "{" + string.Join(",", members.Select(m => $"\"{m.Item1}\":{m.Item2}")) + "}");

    [Fact]
    public void The_Voucherify_preset_agrees_with_the_Voucherify_format_on_random_envelopes()
    {
        // Member order, duplicates (the last wins), values of every kind, empty strings, a missing or repeated event.
        Envelopes.Sample(json => AssertSameRead(Utf8(json), VoucherifyEnvelopeFormat.Instance, WebhookProviders.Voucherify), iter: 3000);
    }

    [Fact]
    public void The_Voucherify_preset_agrees_with_the_Voucherify_format_on_broken_bodies()
    {
        foreach (var body in new[] { "", "  ", "[]", "1", "null", "\"x\"", "{", "{\"data\":1} x", "{\"data\":\"\\ud800\"}", "{\"data\":{}}" })
        {
            AssertSameRead(Utf8(body), VoucherifyEnvelopeFormat.Instance, WebhookProviders.Voucherify);
        }

        Gen.Byte.Array[0, 80].Sample(bytes => AssertSameRead(bytes, VoucherifyEnvelopeFormat.Instance, WebhookProviders.Voucherify), iter: 2000);
    }

    [Theory]
    [InlineData("/type", """{"type":"balancePlatform.transfer.created"}""", "balancePlatform.transfer.created")]
    [InlineData("/eventType", """{"eventType":"ACCOUNT_CREATED","type":"x"}""", "ACCOUNT_CREATED")]
    [InlineData("/event/type", """{"event":{"type":"a.b"}}""", "a.b")]
    [InlineData("/a~1b/c~0d", """{"a/b":{"c~d":"escaped"}}""", "escaped")]
    [InlineData("/items/1/type", """{"items":[{"type":"first"},{"type":"second"}]}""", "second")]
    [InlineData("/items/01/type", """{"items":[{"type":"first"},{"type":"second"}]}""", "")]
    [InlineData("/type", """{"type":"first","type":"last"}""", "last")]
    [InlineData("/event/type", """{"event":{"type":"first"},"event":{"id":"1"}}""", "")]
    [InlineData("/type", """{"type":7}""", "")]
    public void The_event_type_is_read_at_its_pointer(string pointer, string body, string expected)
    {
        var provider = new WebhookProvider { Name = "test", EventType = [WebhookValueSource.Body(pointer)] };

        Assert.Equal(EnvelopeReadResult.Read, provider.Read(Utf8(body), null, out var envelope));
        Assert.Equal(expected, envelope.EventType);
        Assert.True(envelope.PayloadOf(Utf8(body)).SequenceEqual(Utf8(body)), "the payload is the whole body");
    }

    [Fact]
    public void The_event_type_may_come_from_a_header_when_the_body_has_none()
    {
        var provider = new WebhookProvider { Name = "test", EventType = [WebhookValueSource.Body("/type"), WebhookValueSource.FromHeader("X-Event")] };
        var headers = new DictionaryWebhookHeaders { ["x-event"] = " order.paid " };

        provider.Read(Utf8("""{"id":1}"""), headers, out var fromHeader);
        provider.Read(Utf8("""{"type":"order.created"}"""), headers, out var fromBody);

        Assert.Equal("order.paid", fromHeader.EventType);
        Assert.Equal("order.created", fromBody.EventType);
    }

    [Fact]
    public void A_fixed_event_type_is_the_fallback_when_no_pointer_finds_one()
    {
        // Random bodies with or without a string `type` (empty, another kind, nested, duplicated): the type when it is a
        // non-empty string, else the fixed value; never nothing.
        var provider = WebhookProviders.AdyenAuthentication;
        var bodies = Gen.Select(Choice("type", "id", "purchase", "data"), AnyValue).Array[0, 5]
            .Select(members => "{" + string.Join(",", members.Select(m => $"\"{m.Item1}\":{m.Item2}")) + "}");
        bodies.Sample(json =>
        {
            using var document = JsonDocument.Parse(json);
            // The reference: the last `type` member (duplicates: the last wins), taken when it is a non-empty string.
            var type = document.RootElement.EnumerateObject().LastOrDefault(m => m.Name == "type");
            var expected = type.Value.ValueKind == JsonValueKind.String && type.Value.GetString() is { Length: > 0 } text ? text : "balancePlatform.authentication.relayed";

            Assert.Equal(EnvelopeReadResult.Read, provider.Read(Utf8(json), null, out var envelope));
            Assert.True(envelope.EventType == expected, $"'{envelope.EventType}' ≠ '{expected}' for {json}");
        }, iter: 2000);
    }

    [Fact]
    public void A_fixed_event_type_alone_makes_every_delivery_of_the_endpoint_that_event()
    {
        var provider = new WebhookProvider { Name = "test", EventType = [WebhookValueSource.Fixed("DIRECT_DEBIT_NOTICE_OF_CHANGE_NOTIFICATION")] };
        var headers = new DictionaryWebhookHeaders { ["x-event"] = "ignored" };

        foreach (var body in new[] { """{"type":"ach.notificationOfChange"}""", """{}""", "[]", "12" })
        {
            Assert.Equal(EnvelopeReadResult.Read, provider.Read(Utf8(body), headers, out var envelope));
            Assert.Equal("DIRECT_DEBIT_NOTICE_OF_CHANGE_NOTIFICATION", envelope.EventType);
        }

        // Listed first, it wins over the body and the header alike.
        var first = new WebhookProvider { Name = "test", EventType = [WebhookValueSource.Fixed("a"), WebhookValueSource.Body("/type"), WebhookValueSource.FromHeader("X-Event")] };
        first.Read(Utf8("""{"type":"b"}"""), headers, out var read);
        Assert.Equal("a", read.EventType);
        Assert.Throws<ArgumentException>(() => WebhookValueSource.Fixed(" "));
        Assert.Equal("fixed 'a'", WebhookValueSource.Fixed("a").ToString());
    }

    [Theory]
    [InlineData("""{"eventCode":"AUTHORISATION","pspReference":"123","success":"true"}""", "AUTHORISATION:123:true")]
    [InlineData("""{"eventCode":"REFUND","success":false}""", "REFUND::")]
    [InlineData("""{"pspReference":42}""", ":42:")]
    [InlineData("""{"other":1}""", null)]
    [InlineData("""{"eventCode":"","pspReference":""}""", null)]
    public void Several_key_pointers_are_joined_with_absent_values_empty(string body, string? expected)
    {
        var provider = new WebhookProvider { Name = "test", EventId = ["/eventCode", "/pspReference", "/success"] };

        provider.Read(Utf8(body), null, out var envelope);

        Assert.Equal(expected, envelope.EventId);
        Assert.Equal(expected, envelope.DeduplicationKey);
    }

    [Theory]
    [InlineData("EVENTS.CUSTOMER.ORDER.UPDATED", "customer.order.updated", "EVENTS.CUSTOMER.ORDER.UPDATED", "EVENTS.CUSTOMER.ORDER.UPDATED")]
    [InlineData("customer.order.updated", "customer.order.updated", "customer.order.updated", "customer.order.updated")]
    [InlineData("balancePlatform.transfer.created", "balancePlatform.transfer.created", "balancePlatform.transfer.created", "balancePlatform.transfer.created")]
    [InlineData("/AUTHORISATION", "/authorisation", "/AUTHORISATION", "AUTHORISATION")]
    [InlineData("/CANCEL_OR_REFUND", "/cancel_or_refund", "/CANCEL_OR_REFUND", "CANCEL_OR_REFUND")]
    [InlineData("/ACCOUNT_CREATED", "/account_created", "/ACCOUNT_CREATED", "ACCOUNT_CREATED")]
    public void Each_provider_turns_webhooks_keys_into_its_routing_values(string key, string voucherify, string asWritten, string adyen)
    {
        Assert.Equal(voucherify, WebhookEventKeyNaming.Voucherify.RoutingValueOf(key));
        Assert.Equal(asWritten, WebhookEventKeyNaming.AsWritten.RoutingValueOf(key));
        Assert.Equal(adyen, WebhookEventKeyNaming.Adyen.RoutingValueOf(key));
    }

    [Fact]
    public void Bad_pointers_are_refused_when_the_description_is_made()
    {
        Assert.Throws<ArgumentException>(() => WebhookValueSource.Body("type"));
        Assert.Throws<ArgumentException>(() => new WebhookBatchShape("items"));
        Assert.Throws<ArgumentException>(() => WebhookValueSource.FromHeader(" "));
    }

    private static string ClassicBatch(params string[] items)
        => "{\"live\":\"false\",\"notificationItems\":[" + string.Join(",", items.Select(item => "{\"NotificationRequestItem\":" + item + "}")) + "],\"tail\":1}";

    [Fact]
    public void A_classic_batch_is_read_into_items_each_with_the_batch_around_it_alone()
    {
        var body = Utf8(ClassicBatch(
            """{"eventCode":"AUTHORISATION","pspReference":"A","success":"true"}""",
            """{"eventCode":"REFUND","pspReference":"B","success":"false","eventDate":"2024-01-02T03:04:05+01:00"}"""));

        Assert.Equal(EnvelopeReadResult.Read, WebhookProviders.AdyenClassic.ReadBatch(body, null, out var items));

        Assert.Equal(2, items.Count);
        Assert.Equal(("AUTHORISATION", "AUTHORISATION:A:true"), (items[0].Envelope.EventType, items[0].Envelope.EventId));
        Assert.Equal(("REFUND", "REFUND:B:false"), (items[1].Envelope.EventType, items[1].Envelope.EventId));
        Assert.Equal(new DateTimeOffset(2024, 1, 2, 3, 4, 5, TimeSpan.FromHours(1)), items[1].Envelope.CreatedAt);
        using var document = JsonDocument.Parse(body);
        for (var i = 0; i < items.Count; i++)
        {
            // The item's payload: the batch with that item alone, every other member as sent.
            using var alone = JsonDocument.Parse(items[i].Envelope.PayloadOf(items[i].Body.Span).ToArray());
            Assert.Equal("false", alone.RootElement.GetProperty("live").GetString());
            Assert.Equal(1, alone.RootElement.GetProperty("tail").GetInt32());
            var element = Assert.Single(alone.RootElement.GetProperty("notificationItems").EnumerateArray());
            var original = document.RootElement.GetProperty("notificationItems")[i];
            Assert.Equal(original.GetRawText(), element.GetRawText());
            Assert.Equal(original.GetProperty("NotificationRequestItem").GetRawText(), Encoding.UTF8.GetString(items[i].Item.Span));
        }
    }

    [Fact]
    public void Items_of_a_batch_read_as_items_slice_the_body()
    {
        var provider = new WebhookProvider
        {
            Name = "items",
            EventType = [WebhookValueSource.Body("/kind")],
            Payload = "/data",
            Batch = new WebhookBatchShape("/events"),
        };
        var body = Utf8("""{"events":[{"kind":"a","data":{"n":1}},{"kind":"b","data":null},{"kind":"c"},7]}""");

        Assert.Equal(EnvelopeReadResult.Read, provider.ReadBatch(body, null, out var items));

        Assert.Equal(
            [EnvelopeReadResult.Read, EnvelopeReadResult.NullPayload, EnvelopeReadResult.MissingPayload, EnvelopeReadResult.NotAnObject],
            items.Select(item => item.Read).ToArray());
        Assert.Equal("""{"n":1}""", Encoding.UTF8.GetString(items[0].Envelope.PayloadOf(items[0].Body.Span)));
        Assert.Equal(["a", "b", "c", ""], items.Select(item => item.Envelope.EventType).ToArray());
    }

    [Theory]
    [InlineData("", EnvelopeReadResult.Empty)]
    [InlineData("[]", EnvelopeReadResult.NotAnObject)]
    [InlineData("{\"live\":\"false\"}", EnvelopeReadResult.MissingPayload)]
    [InlineData("{\"notificationItems\":null}", EnvelopeReadResult.NullPayload)]
    [InlineData("{\"notificationItems\":{}}", EnvelopeReadResult.MissingPayload)]
    [InlineData("{\"notificationItems\":[]}", EnvelopeReadResult.MissingPayload)]
    [InlineData("{\"notificationItems\":[", EnvelopeReadResult.MalformedJson)]
    public void A_body_that_is_not_a_batch_says_why(string body, EnvelopeReadResult expected)
    {
        Assert.Equal(expected, WebhookProviders.AdyenClassic.ReadBatch(Utf8(body), null, out var items));
        Assert.Empty(items);
    }

    [Fact]
    public void Arbitrary_bytes_never_make_a_provider_throw()
    {
        var providers = new[] { WebhookProviders.Voucherify, WebhookProviders.AdyenBalancePlatform, WebhookProviders.AdyenAuthentication, WebhookProviders.AdyenMarketPay, WebhookProviders.AdyenClassic };
        var bodies = Gen.OneOf(
            Gen.Byte.Array[0, 120],
            Gen.String[Gen.Char["{}[]\":,notificationItemsNRequestI0123 \\u"], 0, 80].Select(Utf8));
        bodies.Sample(body =>
        {
            foreach (var provider in providers)
            {
                if (provider.Batch is null)
                {
                    provider.Read(body, null, out _);
                }
                else
                {
                    provider.ReadBatch(body, null, out _);
                }
            }
        }, iter: 3000);
    }
}
