using System;
using System.Text;
using Hooksmith.Webhooks;
using static Hooksmith.Runtime.Tests.Webhooks.Envelopes.EnvelopeSamples;

namespace Hooksmith.Runtime.Tests.Webhooks.Envelopes;

public sealed class RawPayloadEnvelopeFormatTests
{
    [Fact]
    public void Sample_data_alone_is_the_whole_payload_with_the_fixed_type()
    {
        var data = RawMember(Sample, "data");
        var format = new RawPayloadEnvelopeFormat("customer.order.updated");

        Assert.Equal(EnvelopeReadResult.Read, format.TryRead(data, out var envelope));
        Assert.Equal("customer.order.updated", envelope.EventType);
        Assert.Equal(data, envelope.PayloadOf(data).ToArray());
        Assert.Equal(0, envelope.PayloadOffset);
        Assert.Equal(data.Length, envelope.PayloadLength);
        Assert.Null(envelope.DeliveryId);
        Assert.Null(envelope.EventId); // the seed's data has no top-level id
        Assert.Null(envelope.DeduplicationKey);
        Assert.Null(envelope.CreatedAt);
    }

    [Fact]
    public void Whole_body_is_the_payload_whitespace_included()
    {
        var body = Utf8("  {\"id\":\"ord_1\"}\n");
        Assert.Equal(EnvelopeReadResult.Read, new RawPayloadEnvelopeFormat("x").TryRead(body, out var envelope));
        Assert.Equal(body, envelope.PayloadOf(body).ToArray());
    }

    [Theory]
    [InlineData("""{"id":"ord_1","status":"PAID"}""", "ord_1")]
    [InlineData("""{"status":"PAID","id":"ord_1"}""", "ord_1")]
    [InlineData("""{"id":"ord_1","id":"ord_2"}""", "ord_2")]
    [InlineData("""{"id":17}""", "17")]
    [InlineData("""{"id":""}""", null)]
    [InlineData("""{"id":null}""", null)]
    [InlineData("""{"order":{"id":"nested"}}""", null)]
    [InlineData("""{"\u0069d":"escaped"}""", "escaped")]
    public void Dedup_key_comes_from_the_top_level_id(string json, string? key)
    {
        Assert.Equal(EnvelopeReadResult.Read, new RawPayloadEnvelopeFormat("order.paid").TryRead(Utf8(json), out var envelope));
        Assert.Equal(key, envelope.DeduplicationKey);
        Assert.Equal(key, envelope.EventId);
        Assert.Equal("order.paid", envelope.EventType);
    }

    [Fact]
    public void Dedup_member_name_is_configurable()
    {
        var format = new RawPayloadEnvelopeFormat("customer.order.updated", "event_id");
        Assert.Equal("event_id", format.IdMemberName);
        Assert.Equal("customer.order.updated", format.EventType);

        Assert.Equal(EnvelopeReadResult.Read, format.TryRead(Utf8("""{"id":"no","event_id":"ev_9"}"""), out var envelope));
        Assert.Equal("ev_9", envelope.DeduplicationKey);
    }

    [Theory]
    [InlineData("[1,2]")]
    [InlineData("\"bare string\"")]
    [InlineData("3")]
    public void Any_well_formed_root_is_a_payload(string json)
    {
        var body = Utf8(json);
        Assert.Equal(EnvelopeReadResult.Read, new RawPayloadEnvelopeFormat("x").TryRead(body, out var envelope));
        Assert.Equal(json, Encoding.UTF8.GetString(envelope.PayloadOf(body)));
        Assert.Null(envelope.DeduplicationKey);
    }

    [Fact]
    public void Null_root_is_a_null_payload()
    {
        Assert.Equal(EnvelopeReadResult.NullPayload, new RawPayloadEnvelopeFormat("x").TryRead(Utf8("null"), out var envelope));
        Assert.Equal("x", envelope.EventType);
        Assert.False(envelope.HasPayload);
    }

    [Fact]
    public void Constructor_rejects_empty_names()
    {
        Assert.Throws<ArgumentException>(() => new RawPayloadEnvelopeFormat(""));
        Assert.Throws<ArgumentException>(() => new RawPayloadEnvelopeFormat("x", ""));
        Assert.Throws<ArgumentNullException>(() => new RawPayloadEnvelopeFormat(null!));
    }
}
