using System;
using Hooksmith.Webhooks;

namespace Hooksmith.Runtime.Tests.Webhooks.Envelopes;

public sealed class WebhookEnvelopeTests
{
    [Fact]
    public void Default_envelope_is_empty()
    {
        var envelope = default(WebhookEnvelope);
        Assert.Equal(string.Empty, envelope.EventType);
        Assert.Null(envelope.DeduplicationKey);
        Assert.Null(envelope.CreatedAt);
        Assert.False(envelope.HasPayload);
        Assert.True(envelope.PayloadOf(ReadOnlySpan<byte>.Empty).IsEmpty);
        Assert.False(default(EnvelopeReadResult) == EnvelopeReadResult.Read);
    }

    [Theory]
    [InlineData("ev", "whs", "ev")]
    [InlineData(null, "whs", "whs")]
    [InlineData("", "whs", "whs")]
    [InlineData(null, "", null)]
    [InlineData(null, null, null)]
    public void Deduplication_key_prefers_event_id(string? eventId, string? deliveryId, string? key)
    {
        Assert.Equal(key, new WebhookEnvelope("t", deliveryId, eventId, null, 0, 0).DeduplicationKey);
    }

    [Fact]
    public void Payload_is_sliced_from_the_body()
    {
        var body = "xx{\"a\":1}yy"u8.ToArray();
        var envelope = new WebhookEnvelope(null, null, null, null, 2, 7);
        Assert.Equal("{\"a\":1}"u8.ToArray(), envelope.PayloadOf(body).ToArray());
        Assert.Equal(new Range(2, 9), envelope.PayloadRange);
        Assert.Equal(string.Empty, envelope.EventType);
    }

    [Fact]
    public void Constructor_rejects_negative_locations()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new WebhookEnvelope("t", null, null, null, -1, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => new WebhookEnvelope("t", null, null, null, 0, -1));
    }
}
