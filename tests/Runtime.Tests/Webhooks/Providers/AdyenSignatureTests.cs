using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using CsCheck;
using Hooksmith.Webhooks;

namespace Hooksmith.Runtime.Tests.Webhooks.Providers;

public sealed class AdyenSignatureTests
{
    private static readonly string Key = Convert.ToHexString(Enumerable.Range(1, 32).Select(i => (byte)(i * 7)).ToArray());
    private static readonly string OtherKey = Convert.ToHexString(Enumerable.Range(1, 32).Select(i => (byte)(255 - i)).ToArray());

    private static DictionaryWebhookHeaders Header(string value) => new() { ["HmacSignature"] = value };

    [Fact]
    public void HmacSignature_header_matches_openssl_for_random_bodies_and_keys()
    {
        var cases = Gen.Select(Gen.Byte.Array[0, 600], Gen.Byte.Array[1, 64]);
        cases.Sample((body, key) =>
        {
            var hexKey = Convert.ToHexString(key);
            var expected = ReferenceHmac.OpenSslBase64(body, hexKey);

            Assert.Equal(expected, WebhookTestSigner.AdyenHmacSignature(body, hexKey));
            var result = new AdyenHmacSignatureVerifier([hexKey.ToLowerInvariant()]).Verify(body, Header(expected));
            Assert.True(result.IsValid, result.ToString());
        }, iter: 25, threads: 1);
    }

    [Fact]
    public void HmacSignature_of_a_changed_body_or_another_key_is_a_mismatch()
    {
        var body = Encoding.UTF8.GetBytes("""{"type":"balancePlatform.transfer.created","data":{"id":"1"}}""");
        var signature = ReferenceHmac.OpenSslBase64(body, Key);
        var changed = body.ToArray();
        changed[^3] ^= 1;

        Assert.Equal(SignatureStatus.Mismatch, new AdyenHmacSignatureVerifier([Key]).Verify(changed, Header(signature)).Status);
        Assert.Equal(SignatureStatus.Mismatch, new AdyenHmacSignatureVerifier([OtherKey]).Verify(body, Header(signature)).Status);
    }

    [Fact]
    public void HmacSignature_accepts_any_key_of_a_rotation_and_says_which()
    {
        var body = Encoding.UTF8.GetBytes("""{"type":"balancePlatform.balanceAccount.updated"}""");
        var keys = new List<string> { OtherKey };
        var verifier = new AdyenHmacSignatureVerifier(() => keys);
        var signature = ReferenceHmac.OpenSslBase64(body, Key);

        Assert.Equal(SignatureStatus.Mismatch, verifier.Verify(body, Header(signature)).Status);
        keys = [OtherKey, Key];
        var rotated = verifier.Verify(body, Header(signature));
        Assert.True(rotated.IsValid);
        Assert.Equal(1, rotated.MatchedSecretIndex);
    }

    [Theory]
    [InlineData(null, SignatureStatus.Missing)]
    [InlineData("", SignatureStatus.Missing)]
    [InlineData("   ", SignatureStatus.Missing)]
    [InlineData("not base64 at all!", SignatureStatus.Malformed)]
    [InlineData("c2hvcnQ=", SignatureStatus.Malformed)]
    [InlineData("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", SignatureStatus.Malformed)]
    public void HmacSignature_that_is_absent_or_unreadable_is_reported_as_such(string? header, SignatureStatus expected)
    {
        var headers = header is null ? new DictionaryWebhookHeaders() : Header(header);

        Assert.Equal(expected, new AdyenHmacSignatureVerifier([Key]).Verify("{}"u8, headers).Status);
    }

    [Theory]
    [InlineData("")]
    [InlineData("abc")]
    [InlineData("zz")]
    [InlineData("0x00")]
    public void A_key_that_is_not_hex_is_refused_when_the_verifier_is_made(string key)
    {
        Assert.Throws<ArgumentException>(() => new AdyenHmacSignatureVerifier([key]));
        Assert.Throws<ArgumentException>(() => new AdyenItemSignatureVerifier([key]));
    }

    /// <summary>Field values drawn to stress the colon-joined text: separators, escapes, quotes, non-ASCII, empty.</summary>
    private static readonly Gen<string> FieldText = Gen.String[Gen.Char[":\\\"/ abcXYZ019é€😀\n"], 0, 12];

    /// <summary>An item: each signed field present or absent, the amount's value a number, a numeric string or absent.</summary>
    private static readonly Gen<string> Items =
        Gen.Select(FieldText.Null(), FieldText.Null(), FieldText.Null(), FieldText.Null(), Gen.Bool.SelectMany(present => present ? Gen.Long[-5, 10_000_000_000].Select(v => (long?)v) : Gen.Long[0, 0].Select(_ => (long?)null)), FieldText.Null(), FieldText.Null(), Gen.Int[0, 3].Select(i => new[] { "true", "false", null, "TRUE" }[i]))
            .Select((psp, original, account, reference, value, currency, code, success) =>
            {
                using var buffer = new MemoryStream();
                using (var writer = new Utf8JsonWriter(buffer))
                {
                    writer.WriteStartObject();
                    WriteIf(writer, "pspReference", psp);
                    WriteIf(writer, "originalReference", original);
                    WriteIf(writer, "merchantAccountCode", account);
                    WriteIf(writer, "merchantReference", reference);
                    if (value is not null || currency is not null)
                    {
                        writer.WriteStartObject("amount");
                        WriteIf(writer, "currency", currency);
                        if (value is { } number)
                        {
                            writer.WriteNumber("value", number);
                        }

                        writer.WriteEndObject();
                    }

                    WriteIf(writer, "eventCode", code);
                    WriteIf(writer, "success", success);
                    writer.WriteEndObject();
                }

                return Encoding.UTF8.GetString(buffer.ToArray());
            });

    private static void WriteIf(Utf8JsonWriter writer, string name, string? value)
    {
        if (value is not null)
        {
            writer.WriteString(name, value);
        }
    }

    private static byte[] WithSignature(string item, string signature)
    {
        using var document = JsonDocument.Parse(item);
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteStartObject("additionalData");
            writer.WriteString("hmacSignature", signature);
            writer.WriteEndObject();
            foreach (var member in document.RootElement.EnumerateObject())
            {
                member.WriteTo(writer);
            }

            writer.WriteEndObject();
        }

        return buffer.ToArray();
    }

    [Fact]
    public void Classic_item_signatures_match_python_for_fields_with_colons_backslashes_and_missing_values()
    {
        var items = Items.Array[200].Single();
        var expected = ReferenceHmac.PythonItemSignatures(items, Key);
        var verifier = new AdyenItemSignatureVerifier([Key]);

        for (var i = 0; i < items.Length; i++)
        {
            Assert.Equal(expected[i], WebhookTestSigner.AdyenItemSignature(Encoding.UTF8.GetBytes(items[i]), Key));
            var signed = WithSignature(items[i], expected[i]);
            var result = verifier.Verify(signed);
            Assert.True(result.IsValid, $"{result} for {items[i]}");
        }
    }

    [Fact]
    public void A_classic_item_whose_signed_field_changed_is_a_mismatch()
    {
        var items = Items.Array[100].Single();
        var expected = ReferenceHmac.PythonItemSignatures(items, Key);
        var verifier = new AdyenItemSignatureVerifier([Key]);

        for (var i = 0; i < items.Length; i++)
        {
            var tampered = JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(items[i])!;
            var psp = tampered.TryGetValue("pspReference", out var value) ? value.GetString() : null;
            tampered["pspReference"] = JsonSerializer.SerializeToElement(psp + "x");
            var signed = WithSignature(JsonSerializer.Serialize(tampered), expected[i]);

            Assert.Equal(SignatureStatus.Mismatch, verifier.Verify(signed).Status);
        }
    }

    [Fact]
    public void A_classic_item_signed_with_the_old_key_of_a_rotation_is_accepted()
    {
        var item = """{"pspReference":"7914073381342284","merchantAccountCode":"Shop","eventCode":"AUTHORISATION","success":"true","amount":{"value":1130,"currency":"EUR"}}""";
        var signature = ReferenceHmac.PythonItemSignatures([item], OtherKey)[0];

        var result = new AdyenItemSignatureVerifier([Key, OtherKey]).Verify(WithSignature(item, signature));

        Assert.True(result.IsValid);
        Assert.Equal(1, result.MatchedSecretIndex);
    }

    [Theory]
    [InlineData("""{"eventCode":"AUTHORISATION"}""", SignatureStatus.Missing)]
    [InlineData("""{"eventCode":"AUTHORISATION","additionalData":{"hmacSignature":""}}""", SignatureStatus.Missing)]
    [InlineData("""{"eventCode":"AUTHORISATION","additionalData":{"hmacSignature":42}}""", SignatureStatus.Missing)]
    [InlineData("""{"eventCode":"AUTHORISATION","additionalData":{"hmacSignature":"%%%"}}""", SignatureStatus.Malformed)]
    [InlineData("""{"eventCode":"AUTHORISATION","additionalData":{"hmacSignature":"c2hvcnQ="}}""", SignatureStatus.Malformed)]
    [InlineData("""[1,2]""", SignatureStatus.Missing)]
    [InlineData("""{"eventCode":""", SignatureStatus.Missing)]
    [InlineData("", SignatureStatus.Missing)]
    public void A_classic_item_without_a_readable_signature_is_reported_never_thrown(string item, SignatureStatus expected)
    {
        Assert.Equal(expected, new AdyenItemSignatureVerifier([Key]).Verify(Encoding.UTF8.GetBytes(item)).Status);
    }

    [Fact]
    public void Arbitrary_bytes_as_an_item_never_throw()
    {
        var verifier = new AdyenItemSignatureVerifier([Key]);
        Gen.Byte.Array[0, 200].Sample(bytes => verifier.Verify(bytes).Status != SignatureStatus.Valid);
    }

    [Fact]
    public void The_test_signer_signs_every_item_of_a_classic_batch_as_python_does()
    {
        var items = Items.Array[1, 6].Single();
        var body = "{\"live\":\"false\",\"notificationItems\":[" + string.Join(",", items.Select(item => "{\"NotificationRequestItem\":" + item + "}")) + "]}";
        var expected = ReferenceHmac.PythonItemSignatures(items, Key);

        var signed = WebhookTestSigner.SignAdyenClassicBatch(Encoding.UTF8.GetBytes(body), Key);

        using var document = JsonDocument.Parse(signed);
        var actual = document.RootElement.GetProperty("notificationItems").EnumerateArray()
            .Select(element => element.GetProperty("NotificationRequestItem").GetProperty("additionalData").GetProperty("hmacSignature").GetString()!)
            .ToArray();
        Assert.Equal(expected, actual);
    }

    [Fact]
    public void Basic_authentication_checks_the_credentials_then_the_inner_verifier()
    {
        var body = "{}"u8.ToArray();
        var verifier = new BasicAuthenticationVerifier("adyen", "p@ss:word", new AdyenHmacSignatureVerifier([Key]));
        var good = "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes("adyen:p@ss:word"));
        var signature = ReferenceHmac.OpenSslBase64(body, Key);

        Assert.True(verifier.Verify(body, new DictionaryWebhookHeaders { ["Authorization"] = good, ["HmacSignature"] = signature }).IsValid);
        Assert.Equal(SignatureStatus.Mismatch, verifier.Verify(body, new DictionaryWebhookHeaders { ["Authorization"] = good, ["HmacSignature"] = ReferenceHmac.OpenSslBase64(body, OtherKey) }).Status);
        Assert.Equal(SignatureStatus.Mismatch, verifier.Verify(body, new DictionaryWebhookHeaders { ["Authorization"] = "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes("adyen:wrong")), ["HmacSignature"] = signature }).Status);
        Assert.Equal(SignatureStatus.Missing, verifier.Verify(body, new DictionaryWebhookHeaders { ["HmacSignature"] = signature }).Status);
        Assert.Equal(SignatureStatus.Malformed, verifier.Verify(body, new DictionaryWebhookHeaders { ["Authorization"] = "Bearer x" }).Status);
        Assert.Equal(SignatureStatus.Malformed, verifier.Verify(body, new DictionaryWebhookHeaders { ["Authorization"] = "Basic ***" }).Status);
        Assert.True(new BasicAuthenticationVerifier("adyen", "p@ss:word").Verify(body, new DictionaryWebhookHeaders { ["Authorization"] = good }).IsValid);
    }
}
