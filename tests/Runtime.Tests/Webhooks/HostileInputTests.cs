using System;
using System.Collections.Generic;
using System.Text;
using Hooksmith.Webhooks;

namespace Hooksmith.Runtime.Tests.Webhooks;

/// <summary>Whatever arrives, a verifier answers with a result and never throws.</summary>
public sealed class HostileInputTests
{
    private const string Secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";

    private static readonly IWebhookSignatureVerifier[] Verifiers =
    [
        new VoucherifySignatureVerifier([Secret]),
        new StandardWebhooksVerifier([Secret]),
        new HmacSha256HeaderVerifier([Secret]),
    ];

    private static readonly string[] HeaderNames =
        ["x-voucherify-signature", "webhook-id", "webhook-timestamp", "webhook-signature", "X-Hub-Signature-256"];

    public static TheoryData<string> HostileHeaderValues() => new()
    {
        "",
        " ",
        new string('a', 10_000),
        new string('=', 10_000),
        "v1," + new string('A', 10_000),
        string.Join(' ', RepeatedEntries(1_000)),
        "sha256=" + new string('f', 10_000),
        new string('é', 64),
        "v1,ÄÖÜ==",
        "sha256=✓✓✓✓✓✓✓✓✓✓✓✓✓✓✓✓✓✓✓✓✓✓✓✓✓✓✓✓✓✓✓✓✓✓✓✓✓✓✓✓✓✓✓✓✓✓✓✓✓✓✓✓✓✓✓✓✓✓✓✓✓✓✓✓",
        "\0\0\0\0",
        "\uD800",        // a lone surrogate
        "\uD800\uD800" + new string('0', 62),
        "99999999999999999999999999",
        "-9223372036854775808",
        "\r\n\t",
    };

    private static IEnumerable<string> RepeatedEntries(int count)
    {
        for (var i = 0; i < count; i++)
        {
            yield return "v1,AAAA";
        }
    }

    public static TheoryData<int> BodySizes() => new() { 0, 1, 1_024, 1_025, 1024 * 1024 };

    [Theory]
    [MemberData(nameof(HostileHeaderValues))]
    public void Hostile_header_values_never_throw_and_never_verify(string value)
    {
        var body = Encoding.UTF8.GetBytes("""{ "id": "evt_1" }""");
        foreach (var name in HeaderNames)
        {
            // Alone, and alongside otherwise plausible headers so that every parsing step is reached.
            var alone = new DictionaryWebhookHeaders { [name] = value };
            var together = new DictionaryWebhookHeaders
            {
                ["webhook-id"] = "msg_1",
                ["webhook-timestamp"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["webhook-signature"] = "v1," + Convert.ToBase64String(new byte[32]),
                [name] = value,
            };

            foreach (var verifier in Verifiers)
            {
                Assert.False(verifier.Verify(body, alone).IsValid);
                Assert.False(verifier.Verify(body, together).IsValid);
            }
        }
    }

    [Theory]
    [MemberData(nameof(BodySizes))]
    public void Bodies_of_any_size_and_content_never_throw(int size)
    {
        var random = new Random(size);
        var noise = new byte[size];
        random.NextBytes(noise);
        var json = new byte[size];
        var alphabet = "{ \"\\\t\n\r[x]:,"u8;
        for (var i = 0; i < size; i++)
        {
            json[i] = alphabet[random.Next(alphabet.Length)];
        }

        var headers = new DictionaryWebhookHeaders
        {
            ["x-voucherify-signature"] = new string('a', 64),
            ["webhook-id"] = "msg_1",
            ["webhook-timestamp"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["webhook-signature"] = "v1," + Convert.ToBase64String(new byte[32]),
            ["X-Hub-Signature-256"] = "sha256=" + new string('a', 64),
        };

        foreach (var verifier in Verifiers)
        {
            Assert.Equal(SignatureStatus.Mismatch, verifier.Verify(noise, headers).Status);
            Assert.Equal(SignatureStatus.Mismatch, verifier.Verify(json, headers).Status);
        }
    }

    [Fact]
    public void A_one_megabyte_body_signed_by_each_scheme_verifies()
    {
        var body = new byte[1024 * 1024];
        new Random(7).NextBytes(body);

        Assert.True(Verifiers[0].Verify(body, WebhookTestSigner.VoucherifyHeaders(body, Secret)).IsValid);
        Assert.True(Verifiers[1].Verify(body, WebhookTestSigner.StandardWebhooksHeaders(body, Secret)).IsValid);
        Assert.True(Verifiers[2].Verify(body, WebhookTestSigner.HmacSha256Headers(body, Secret)).IsValid);
    }

    [Fact]
    public void An_unterminated_string_or_trailing_backslash_in_a_json_body_does_not_throw()
    {
        var headers = new DictionaryWebhookHeaders { ["x-voucherify-signature"] = new string('0', 64) };

        foreach (var body in new[] { "{ \"a", "{ \"a\\", "[ \\", "{ \\\"  ", "{\"\"\"\" }" })
        {
            Assert.Equal(SignatureStatus.Mismatch, Verifiers[0].Verify(Encoding.UTF8.GetBytes(body), headers).Status);
        }
    }
}
