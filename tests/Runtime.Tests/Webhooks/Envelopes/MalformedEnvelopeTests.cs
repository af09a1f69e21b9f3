using System;
using System.Linq;
using System.Text;
using Hooksmith.Webhooks;
using static Hooksmith.Runtime.Tests.Webhooks.Envelopes.EnvelopeSamples;

namespace Hooksmith.Runtime.Tests.Webhooks.Envelopes;

/// <summary>Whatever the body, a format answers with a result and never throws.</summary>
public sealed class MalformedEnvelopeTests
{
    private static readonly IWebhookEnvelopeFormat[] Formats =
    [
        VoucherifyEnvelopeFormat.Instance,
        new RawPayloadEnvelopeFormat("customer.order.updated"),
    ];

    private static void AssertResult(EnvelopeReadResult expected, byte[] body, IWebhookEnvelopeFormat format)
    {
        var result = format.TryRead(body, out var envelope);
        Assert.Equal(expected, result);
        if (result is not (EnvelopeReadResult.Read or EnvelopeReadResult.MissingPayload or EnvelopeReadResult.NullPayload))
        {
            Assert.Equal(default(WebhookEnvelope).EventType, envelope.EventType);
            Assert.False(envelope.HasPayload);
        }
    }

    [Theory]
    [InlineData("")]
    [InlineData(" ")]
    [InlineData(" \r\n\t ")]
    public void Empty_bodies(string body)
    {
        foreach (var format in Formats)
        {
            AssertResult(EnvelopeReadResult.Empty, Utf8(body), format);
        }
    }

    [Theory]
    [InlineData("[]")]
    [InlineData("""[{"id":"whs_1","type":"voucher.published","data":{}}]""")]
    [InlineData("\"customer.order.updated\"")]
    [InlineData("42")]
    [InlineData("true")]
    [InlineData("null")]
    [InlineData("  \"x\"  ")]
    public void Root_that_is_not_an_object(string body)
    {
        AssertResult(EnvelopeReadResult.NotAnObject, Utf8(body), VoucherifyEnvelopeFormat.Instance);
    }

    [Theory]
    [InlineData("{")]
    [InlineData("}")]
    [InlineData("[")]
    [InlineData("{\"data\":}")]
    [InlineData("{\"data\":{},}")]
    [InlineData("{\"data\" {}}")]
    [InlineData("{'data':{}}")]
    [InlineData("{data:{}}")]
    [InlineData("{\"data\":{}} x")]
    [InlineData("{\"data\":{}}{\"data\":{}}")]
    [InlineData("{\"data\":{}} // comment")]
    [InlineData("{\"data\":[1,]}")]
    [InlineData("{\"data\":tru}")]
    [InlineData("{\"data\":01}")]
    [InlineData("{\"id\":\"a\u0001b\",\"data\":{}}")]
    [InlineData("[\"unterminated]")]
    [InlineData("\"unterminated")]
    [InlineData("nul")]
    [InlineData("\u00ef\u00bb\u00bf")]
    public void Malformed_json(string body)
    {
        foreach (var format in Formats)
        {
            AssertResult(EnvelopeReadResult.MalformedJson, Utf8(body), format);
        }
    }

    [Fact]
    public void Sample_truncated_at_every_offset_is_malformed_and_never_throws()
    {
        var sample = Sample;
        var end = Array.LastIndexOf(sample, (byte)'}') + 1;
        for (var length = 1; length < end; length++)
        {
            var result = VoucherifyEnvelopeFormat.Instance.TryRead(sample.AsSpan(0, length), out _);
            Assert.True(result == EnvelopeReadResult.MalformedJson, $"length {length}: {result}");
        }

        for (var length = end; length <= sample.Length; length++)
        {
            Assert.Equal(EnvelopeReadResult.Read, VoucherifyEnvelopeFormat.Instance.TryRead(sample.AsSpan(0, length), out _));
        }

        Assert.Equal(EnvelopeReadResult.Empty, VoucherifyEnvelopeFormat.Instance.TryRead(sample.AsSpan(0, 0), out _));
    }

    [Fact]
    public void Raw_payload_truncated_at_every_offset_is_malformed_and_never_throws()
    {
        var data = RawMember(Sample, "data");
        var format = new RawPayloadEnvelopeFormat("customer.order.updated");
        for (var length = 1; length < data.Length; length++)
        {
            var result = format.TryRead(data.AsSpan(0, length), out _);
            Assert.True(result == EnvelopeReadResult.MalformedJson, $"length {length}: {result}");
        }

        Assert.Equal(EnvelopeReadResult.Read, format.TryRead(data, out _));
    }

    [Fact]
    public void Sample_with_any_single_byte_cut_out_never_throws()
    {
        var sample = Sample;
        foreach (var format in Formats)
        {
            for (var i = 0; i < sample.Length; i++)
            {
                var body = sample.Take(i).Concat(sample.Skip(i + 1)).ToArray();
                var result = format.TryRead(body, out var envelope);
                Assert.True(Enum.IsDefined(result));
                if (result == EnvelopeReadResult.Read)
                {
                    Assert.True(envelope.PayloadOf(body).Length > 0);
                }
            }
        }
    }

    [Fact]
    public void Random_bytes_never_throw()
    {
        var random = new Random(20240312);
        var alphabet = Utf8("{}[]\":,\\ nulltruefalse0123456789-.eE\u00e9abc\t\n");
        foreach (var format in Formats)
        {
            for (var i = 0; i < 2_000; i++)
            {
                var body = new byte[random.Next(0, 64)];
                for (var j = 0; j < body.Length; j++)
                {
                    body[j] = i % 2 == 0 ? alphabet[random.Next(alphabet.Length)] : (byte)random.Next(256);
                }

                Assert.True(Enum.IsDefined(format.TryRead(body, out _)));
            }
        }
    }

    [Fact]
    public void Nesting_deeper_than_the_reader_limit_is_malformed()
    {
        var deep = "{\"data\":" + new string('[', 1_000) + new string(']', 1_000) + "}";
        foreach (var format in Formats)
        {
            AssertResult(EnvelopeReadResult.MalformedJson, Utf8(deep), format);
        }
    }

    [Fact]
    public void Invalid_utf8_in_a_decoded_id_is_malformed()
    {
        var body = Utf8("{\"id\":\"whs_X\",\"data\":{}}");
        body[Array.IndexOf(body, (byte)'X')] = 0xFF;
        foreach (var format in Formats)
        {
            AssertResult(EnvelopeReadResult.MalformedJson, body, format);
        }
    }

    [Fact]
    public void Unpaired_surrogate_escape_in_a_decoded_type_is_malformed()
    {
        AssertResult(EnvelopeReadResult.MalformedJson, Utf8("{\"type\":\"a\\uD800\",\"data\":{}}"), VoucherifyEnvelopeFormat.Instance);
    }

    [Fact]
    public void Unpaired_surrogate_in_created_at_is_only_an_unreadable_date()
    {
        Assert.Equal(EnvelopeReadResult.Read, VoucherifyEnvelopeFormat.Instance.TryRead(
            Utf8("{\"created_at\":\"2024\\uD800\",\"data\":{}}"), out var envelope));
        Assert.Null(envelope.CreatedAt);
    }

    [Fact]
    public void Large_body_with_many_unknown_members_reads()
    {
        var builder = new StringBuilder("{");
        for (var i = 0; i < 10_000; i++)
        {
            builder.Append("\"m").Append(i).Append("\":{\"type\":\"x\",\"data\":[").Append(i).Append("]},");
        }

        builder.Append("\"type\":\"voucher.published\",\"data\":{\"last\":true}}");
        var body = Utf8(builder.ToString());
        Assert.Equal(EnvelopeReadResult.Read, VoucherifyEnvelopeFormat.Instance.TryRead(body, out var envelope));
        Assert.Equal("voucher.published", envelope.EventType);
        Assert.Equal("{\"last\":true}", Encoding.UTF8.GetString(envelope.PayloadOf(body)));
    }
}
