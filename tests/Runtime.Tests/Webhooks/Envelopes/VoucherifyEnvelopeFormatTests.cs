using System;
using System.Linq;
using System.Text;
using Hooksmith.Webhooks;
using static Hooksmith.Runtime.Tests.Webhooks.Envelopes.EnvelopeSamples;

namespace Hooksmith.Runtime.Tests.Webhooks.Envelopes;

public sealed class VoucherifyEnvelopeFormatTests
{
    private static readonly VoucherifyEnvelopeFormat Format = VoucherifyEnvelopeFormat.Instance;

    private static WebhookEnvelope ReadOk(byte[] body)
    {
        Assert.Equal(EnvelopeReadResult.Read, Format.TryRead(body, out var envelope));
        return envelope;
    }

    private static WebhookEnvelope Read(string json, EnvelopeReadResult expected = EnvelopeReadResult.Read)
    {
        Assert.Equal(expected, Format.TryRead(Utf8(json), out var envelope));
        return envelope;
    }

    private static string PayloadText(string json, WebhookEnvelope envelope) =>
        Encoding.UTF8.GetString(envelope.PayloadOf(Utf8(json)));

    [Fact]
    public void Sample_envelope_gives_route_ids_time_and_payload()
    {
        var envelope = ReadOk(Sample);

        Assert.Equal("customer.order.updated", envelope.EventType);
        Assert.Equal("whs_1e6c2f0a9b3d47c815", envelope.DeliveryId);
        Assert.Equal("evcus_1e6c2f0a5d7b8e3a42", envelope.EventId);
        Assert.Equal("evcus_1e6c2f0a5d7b8e3a42", envelope.DeduplicationKey);
        Assert.Equal(new DateTimeOffset(2024, 3, 12, 13, 40, 39, 120, TimeSpan.Zero), envelope.CreatedAt);
        Assert.True(envelope.HasPayload);
    }

    [Fact]
    public void Sample_payload_span_is_the_raw_data_text_exactly()
    {
        var envelope = ReadOk(Sample);

        Assert.Equal(RawMember(Sample, "data"), envelope.PayloadOf(Sample).ToArray());
        Assert.Equal(envelope.PayloadOf(Sample).ToArray(), Sample[envelope.PayloadRange]);
        Assert.Equal(SeedPayload.Data, envelope.PayloadOf(SeedPayload.Envelope).ToArray());
    }

    [Fact]
    public void Members_in_reverse_order_read_the_same()
    {
        var reversed = SampleReversed();
        Assert.NotEqual(Sample.Take(20), reversed.Take(20));

        var envelope = ReadOk(reversed);
        var original = ReadOk(Sample);

        Assert.Equal(original.EventType, envelope.EventType);
        Assert.Equal(original.DeliveryId, envelope.DeliveryId);
        Assert.Equal(original.EventId, envelope.EventId);
        Assert.Equal(original.CreatedAt, envelope.CreatedAt);
        Assert.Equal(RawMember(reversed, "data"), envelope.PayloadOf(reversed).ToArray());
        Assert.Equal(original.PayloadOf(Sample).ToArray(), envelope.PayloadOf(reversed).ToArray());
    }

    [Fact]
    public void Project_settings_envelope_routes_on_top_level_type()
    {
        const string json = """
            {"id":"whs_p1","project_id":"proj_1","created_at":"2024-01-02T03:04:05Z",
             "type":"voucher.published","data":{"voucher":{"code":"A"}}}
            """;
        var envelope = Read(json);

        Assert.Equal("voucher.published", envelope.EventType);
        Assert.Equal("whs_p1", envelope.DeliveryId);
        Assert.Null(envelope.EventId);
        Assert.Equal("whs_p1", envelope.DeduplicationKey);
        Assert.Equal(new DateTimeOffset(2024, 1, 2, 3, 4, 5, TimeSpan.Zero), envelope.CreatedAt);
        Assert.Equal("""{"voucher":{"code":"A"}}""", PayloadText(json, envelope));
    }

    [Fact]
    public void Distribution_with_empty_top_level_type_routes_on_event_type()
    {
        const string json = """
            {"id":"whs_d1","type":"","data":{},"source":{"id":"distr_1","object":"distribution"},
             "event":{"id":"ev_1","type":"customer.order.paid","created_at":"2024-01-02T03:04:05Z"}}
            """;
        var envelope = Read(json);

        Assert.Equal("customer.order.paid", envelope.EventType);
        Assert.Equal("ev_1", envelope.DeduplicationKey);
    }

    [Fact]
    public void Event_type_wins_over_a_user_typed_top_level_type()
    {
        var envelope = Read("""{"type":"My order hook","event":{"type":"customer.order.paid"},"data":{}}""");
        Assert.Equal("customer.order.paid", envelope.EventType);
    }

    [Theory]
    [InlineData("""{"type":"voucher.published","event":{"type":""},"data":{}}""")]
    [InlineData("""{"type":"voucher.published","event":{"type":null},"data":{}}""")]
    [InlineData("""{"type":"voucher.published","event":{"type":7},"data":{}}""")]
    [InlineData("""{"type":"voucher.published","event":{"id":"ev"},"data":{}}""")]
    [InlineData("""{"type":"voucher.published","event":null,"data":{}}""")]
    [InlineData("""{"type":"voucher.published","event":"customer.order.paid","data":{}}""")]
    public void Missing_or_empty_event_type_falls_back_to_top_level_type(string json)
    {
        Assert.Equal("voucher.published", Read(json).EventType);
    }

    [Theory]
    [InlineData("""{"data":{}}""")]
    [InlineData("""{"type":"","data":{}}""")]
    [InlineData("""{"type":null,"event":{"type":""},"data":{}}""")]
    [InlineData("""{"type":["x"],"data":{}}""")]
    public void No_type_anywhere_gives_an_empty_event_type(string json)
    {
        Assert.Equal(string.Empty, Read(json).EventType);
    }

    [Fact]
    public void Missing_data_is_reported_with_the_rest_of_the_envelope()
    {
        const string json = """{"id":"whs_1","type":"voucher.published","event":{"id":"ev_1"}}""";
        var envelope = Read(json, EnvelopeReadResult.MissingPayload);

        Assert.Equal("voucher.published", envelope.EventType);
        Assert.Equal("ev_1", envelope.DeduplicationKey);
        Assert.False(envelope.HasPayload);
        Assert.True(envelope.PayloadOf(Utf8(json)).IsEmpty);
    }

    [Fact]
    public void Null_data_is_reported_with_the_rest_of_the_envelope()
    {
        const string json = """{"id":"whs_1","type":"voucher.published","data":null}""";
        var envelope = Read(json, EnvelopeReadResult.NullPayload);

        Assert.Equal("voucher.published", envelope.EventType);
        Assert.Equal("whs_1", envelope.DeduplicationKey);
        Assert.False(envelope.HasPayload);
    }

    [Theory]
    [InlineData("""{"data":"abc"}""", "\"abc\"")]
    [InlineData("""{"data":"a\"b\\c\u00e9"}""", "\"a\\\"b\\\\c\\u00e9\"")]
    [InlineData("""{"data":42}""", "42")]
    [InlineData("""{"data":-1.5e3,"id":"x"}""", "-1.5e3")]
    [InlineData("""{"data":true}""", "true")]
    [InlineData("""{"data":[1, [2], {"a":3}] }""", """[1, [2], {"a":3}]""")]
    [InlineData("""{ "data" :  { "a" : [ ] }  , "id":"x"}""", """{ "a" : [ ] }""")]
    [InlineData("""{"data":{}}""", "{}")]
    public void Payload_of_any_kind_is_its_exact_raw_text(string json, string payload)
    {
        Assert.Equal(payload, PayloadText(json, Read(json)));
    }

    [Fact]
    public void Duplicate_members_last_wins()
    {
        const string json = """
            {"type":"first","data":{"n":1},"id":"whs_a","type":"second","id":"whs_b","data":{"n":2},
             "event":{"id":"ev_a","type":"customer.order.paid"},"event":{"id":"ev_b"}}
            """;
        var envelope = Read(json);

        Assert.Equal("second", envelope.EventType); // the last event has no type: fall back
        Assert.Equal("whs_b", envelope.DeliveryId);
        Assert.Equal("ev_b", envelope.EventId);
        Assert.Equal("""{"n":2}""", PayloadText(json, envelope));
    }

    [Fact]
    public void Duplicate_members_inside_event_last_wins()
    {
        var envelope = Read("""{"event":{"type":"a","id":"1","type":"b","id":"2"},"data":{}}""");
        Assert.Equal("b", envelope.EventType);
        Assert.Equal("2", envelope.EventId);
    }

    [Fact]
    public void A_later_non_string_value_replaces_an_earlier_string()
    {
        var envelope = Read("""{"id":"whs_a","id":{"nested":"whs_b"},"type":"a","type":null,"data":{}}""");
        Assert.Null(envelope.DeliveryId);
        Assert.Equal(string.Empty, envelope.EventType);
    }

    [Fact]
    public void Later_data_null_replaces_earlier_data()
    {
        Read("""{"data":{"n":1},"data":null}""", EnvelopeReadResult.NullPayload);
    }

    [Fact]
    public void Unknown_members_are_skipped_however_nested()
    {
        const string json = """
            {"x":{"data":{"bad":1},"type":"nested","event":{"type":"nested"}},"y":[{"id":"no"}],
             "id":"whs_1","type":"voucher.published","data":{"ok":true},"z":null}
            """;
        var envelope = Read(json);

        Assert.Equal("voucher.published", envelope.EventType);
        Assert.Equal("whs_1", envelope.DeduplicationKey);
        Assert.Equal("""{"ok":true}""", PayloadText(json, envelope));
    }

    [Fact]
    public void Escaped_names_and_values_are_decoded()
    {
        var envelope = Read("""{"\u0064ata":{},"t\u0079pe":"voucher\u002epublished","\u0069d":"wh\u0073_1"}""");
        Assert.Equal("voucher.published", envelope.EventType);
        Assert.Equal("whs_1", envelope.DeliveryId);
    }

    [Fact]
    public void Member_names_are_case_sensitive()
    {
        var envelope = Read("""{"Data":{},"TYPE":"x","Id":"whs"}""", EnvelopeReadResult.MissingPayload);
        Assert.Equal(string.Empty, envelope.EventType);
        Assert.Null(envelope.DeduplicationKey);
    }

    [Theory]
    [InlineData("""{"id":"whs_1","event":{"id":"ev_1"},"data":{}}""", "ev_1")]
    [InlineData("""{"id":"whs_1","event":{"id":""},"data":{}}""", "whs_1")]
    [InlineData("""{"id":"whs_1","event":{"id":null},"data":{}}""", "whs_1")]
    [InlineData("""{"id":"whs_1","event":{},"data":{}}""", "whs_1")]
    [InlineData("""{"id":"whs_1","data":{}}""", "whs_1")]
    [InlineData("""{"id":123,"data":{}}""", "123")]
    [InlineData("""{"event":{"id":4.5e1},"data":{}}""", "4.5e1")]
    [InlineData("""{"id":"","data":{}}""", null)]
    [InlineData("""{"id":{"a":1},"event":{"id":[1]},"data":{}}""", null)]
    [InlineData("""{"data":{}}""", null)]
    public void Deduplication_key_is_event_id_else_delivery_id(string json, string? key)
    {
        Assert.Equal(key, Read(json).DeduplicationKey);
    }

    [Theory]
    [InlineData("""{"created_at":"2024-03-12T13:40:39.120Z","data":{}}""", "2024-03-12T13:40:39.1200000+00:00")]
    [InlineData("""{"created_at":"2024-03-12T13:40:39+02:00","data":{}}""", "2024-03-12T13:40:39.0000000+02:00")]
    [InlineData("""{"created_at":"2024-03-12 13:40:39","data":{}}""", "2024-03-12T13:40:39.0000000+00:00")]
    [InlineData("""{"created_at":"Tue, 12 Mar 2024 13:40:39 GMT","data":{}}""", "2024-03-12T13:40:39.0000000+00:00")]
    [InlineData("""{"event":{"created_at":"2024-03-12T13:40:39.085Z"},"data":{}}""", "2024-03-12T13:40:39.0850000+00:00")]
    [InlineData("""{"created_at":"bad","event":{"created_at":"2024-03-12T13:40:39Z"},"data":{}}""", "2024-03-12T13:40:39.0000000+00:00")]
    [InlineData("""{"created_at":"yesterday","data":{}}""", null)]
    [InlineData("""{"created_at":"","data":{}}""", null)]
    [InlineData("""{"created_at":1710250839,"data":{}}""", null)]
    [InlineData("""{"created_at":null,"data":{}}""", null)]
    [InlineData("""{"created_at":{"at":"2024-03-12T13:40:39Z"},"data":{}}""", null)]
    [InlineData("""{"data":{}}""", null)]
    public void Created_at_is_parsed_leniently(string json, string? expected)
    {
        var createdAt = Read(json).CreatedAt;
        Assert.Equal(expected, createdAt?.ToString("o", System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void Overlong_created_at_is_null_not_an_error()
    {
        Assert.Null(Read("{\"created_at\":\"" + new string('9', 10_000) + "\",\"data\":{}}").CreatedAt);
    }
}
