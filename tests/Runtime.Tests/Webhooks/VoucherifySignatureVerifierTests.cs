using System;
using System.Collections.Generic;
using System.Security.Cryptography;
using System.Text;
using Hooksmith.Webhooks;

namespace Hooksmith.Runtime.Tests.Webhooks;

public sealed class VoucherifySignatureVerifierTests
{
    private const string Secret = "vf-secret-1";
    private const string Header = "x-voucherify-signature";

    private static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);

    private static SignatureResult Verify(string body, string signature, params string[] secrets)
        => new VoucherifySignatureVerifier(secrets).Verify(Utf8(body), new DictionaryWebhookHeaders { [Header] = signature });

    // Computed in the test with the framework's HMAC class, independently of the code under test.
    private static string IndependentHex(string secret, string body)
    {
        using var hmac = new HMACSHA256(Utf8(secret));
        return Convert.ToHexString(hmac.ComputeHash(Utf8(body))).ToLowerInvariant();
    }

    [Fact]
    public void A_signature_over_the_raw_body_is_valid()
    {
        var body = Utf8("""{"id":"whs_1","type":"customer.order.updated"}""");
        var result = new VoucherifySignatureVerifier([Secret]).Verify(body, WebhookTestSigner.VoucherifyHeaders(body, Secret));

        Assert.True(result.IsValid, result.ToString());
        Assert.Equal(SignatureStatus.Valid, result.Status);
        Assert.Equal(0, result.MatchedSecretIndex);
        Assert.Contains("raw", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Known_answer_matches_an_independently_computed_hmac()
    {
        const string body = """{"id":"whs_1","type":"customer.order.updated","data":{"note":"a b"}}""";
        const string expected = "94eb942f1ea0fe9b2f65510b0d2655352584139c8644c2c7dd6a54ceeb534d42";

        Assert.Equal(expected, IndependentHex(Secret, body));
        Assert.Equal(expected, WebhookTestSigner.VoucherifySignature(Utf8(body), Secret));
        Assert.True(Verify(body, expected, Secret).IsValid);
    }

    [Fact]
    public void Uppercase_hex_and_surrounding_spaces_in_the_header_are_accepted()
    {
        const string body = """{"id":"whs_1"}""";
        var signature = IndependentHex(Secret, body).ToUpperInvariant();

        Assert.True(Verify(body, signature, Secret).IsValid);
        Assert.True(Verify(body, " " + signature + " ", Secret).IsValid);
    }

    [Fact]
    public void A_tampered_body_is_a_mismatch()
    {
        var signature = IndependentHex(Secret, """{"amount":100}""");

        var result = Verify("""{"amount":900}""", signature, Secret);

        Assert.Equal(SignatureStatus.Mismatch, result.Status);
        Assert.Null(result.MatchedSecretIndex);
    }

    [Fact]
    public void A_wrong_secret_is_a_mismatch()
        => Assert.Equal(SignatureStatus.Mismatch, Verify("{}", IndependentHex("other", "{}"), Secret).Status);

    [Fact]
    public void An_absent_or_empty_header_is_missing()
    {
        var verifier = new VoucherifySignatureVerifier([Secret]);

        Assert.Equal(SignatureStatus.Missing, verifier.Verify(Utf8("{}"), new DictionaryWebhookHeaders()).Status);
        Assert.Equal(SignatureStatus.Missing, verifier.Verify(Utf8("{}"), new DictionaryWebhookHeaders { [Header] = "" }).Status);
        Assert.Equal(SignatureStatus.Missing, verifier.Verify(Utf8("{}"), new DictionaryWebhookHeaders { [Header] = "   " }).Status);
    }

    [Fact]
    public void The_header_name_is_matched_case_insensitively()
    {
        var headers = new DictionaryWebhookHeaders { ["X-Voucherify-Signature"] = IndependentHex(Secret, "{}") };

        Assert.True(new VoucherifySignatureVerifier([Secret]).Verify(Utf8("{}"), headers).IsValid);
    }

    public static TheoryData<string> MalformedHeaders() => new()
    {
        new string('g', 64),                                   // not hex
        "zz" + new string('a', 62),                            // not hex at the start
        new string('a', 63),                                   // one digit short
        new string('a', 65),                                   // one digit too many
        new string('a', 32),                                   // a 128-bit digest
        "sha256=" + new string('a', 64),                       // another scheme's format
        new string('é', 64),                                   // non-ASCII
        new string('a', 62) + "\u0660\u0661",                  // non-ASCII digits
    };

    [Theory]
    [MemberData(nameof(MalformedHeaders))]
    public void A_header_that_is_not_64_hex_digits_is_malformed(string header)
        => Assert.Equal(SignatureStatus.Malformed, Verify("{}", header, Secret).Status);

    [Fact]
    public void The_second_secret_matches_and_its_index_is_reported()
    {
        var result = Verify("{}", IndependentHex("new-secret", "{}"), "old-secret", "new-secret");

        Assert.True(result.IsValid);
        Assert.Equal(1, result.MatchedSecretIndex);
    }

    [Fact]
    public void Swapping_the_secret_list_at_runtime_takes_effect_without_a_new_verifier()
    {
        IReadOnlyList<string> current = ["old-secret"];
        var verifier = new VoucherifySignatureVerifier(() => current);
        var body = Utf8("""{"id":"whs_2"}""");
        var headers = WebhookTestSigner.VoucherifyHeaders(body, "new-secret");

        Assert.Equal(SignatureStatus.Mismatch, verifier.Verify(body, headers).Status);

        current = ["new-secret", "old-secret"];
        Assert.Equal(0, verifier.Verify(body, headers).MatchedSecretIndex);

        current = ["old-secret"];
        Assert.Equal(SignatureStatus.Mismatch, verifier.Verify(body, headers).Status);
    }

    [Fact]
    public void A_secret_list_changed_in_place_takes_effect()
    {
        var secrets = new List<string> { "old-secret" };
        var verifier = new VoucherifySignatureVerifier(() => secrets);
        var body = Utf8("{}");
        var headers = WebhookTestSigner.VoucherifyHeaders(body, "new-secret");
        Assert.False(verifier.Verify(body, headers).IsValid);

        secrets[0] = "new-secret";

        Assert.True(verifier.Verify(body, headers).IsValid);
    }

    [Fact]
    public void An_empty_runtime_secret_list_is_a_mismatch_not_an_exception()
    {
        var verifier = new VoucherifySignatureVerifier(() => Array.Empty<string>());

        var result = verifier.Verify(Utf8("{}"), WebhookTestSigner.VoucherifyHeaders(Utf8("{}"), Secret));

        Assert.Equal(SignatureStatus.Mismatch, result.Status);
    }

    [Fact]
    public void Empty_secrets_in_a_runtime_list_are_ignored_and_indexes_still_point_into_the_list()
    {
        var verifier = new VoucherifySignatureVerifier(() => ["", Secret]);

        var result = verifier.Verify(Utf8("{}"), WebhookTestSigner.VoucherifyHeaders(Utf8("{}"), Secret));

        Assert.Equal(1, result.MatchedSecretIndex);
    }

    [Fact]
    public void A_fixed_secret_list_must_not_be_empty_nor_hold_an_empty_secret()
    {
        Assert.Throws<ArgumentException>(() => new VoucherifySignatureVerifier(Array.Empty<string>()));
        Assert.Throws<ArgumentException>(() => new VoucherifySignatureVerifier(["ok", ""]));
    }

    [Fact]
    public void A_pretty_printed_body_verifies_against_a_signature_over_its_compact_form()
    {
        const string compact = """{"id":"whs_1","data":{"customer":{"name":"Alex Doe","email":null},"items":[1,2,{"x":"a\tb"}]}}""";
        const string pretty = "{\r\n  \"id\" : \"whs_1\",\n\t\"data\": {\n    \"customer\": { \"name\": \"Alex Doe\", \"email\": null },\n    \"items\": [ 1, 2, { \"x\": \"a\\tb\" } ]\n  }\n}\n";

        var result = Verify(pretty, IndependentHex(Secret, compact), Secret);

        Assert.True(result.IsValid, result.ToString());
        Assert.Contains("whitespace-stripped", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Whitespace_inside_strings_is_signed_and_cannot_be_changed()
    {
        const string signed = """{"name":"Alex Doe"}""";

        Assert.True(Verify("""{ "name": "Alex Doe" }""", IndependentHex(Secret, signed), Secret).IsValid);
        Assert.Equal(SignatureStatus.Mismatch, Verify("""{ "name": "Alex  Doe" }""", IndependentHex(Secret, signed), Secret).Status);
        Assert.Equal(SignatureStatus.Mismatch, Verify("""{ "name": "AlexDoe" }""", IndependentHex(Secret, signed), Secret).Status);
    }

    [Fact]
    public void Escaped_quotes_and_backslashes_inside_strings_do_not_end_the_string()
    {
        // "say \"hi there\" " keeps its inner spaces; "c:\\" ends at the quote after the escaped backslash,
        // so the spaces after it are outside the string and are stripped.
        const string compact = """{"a":"say \"hi there\" ","b":"c:\\","d":[1,2]}""";
        const string pretty = """
            {
              "a" : "say \"hi there\" ",
              "b" : "c:\\" ,
              "d" : [ 1, 2 ]
            }
            """;

        Assert.True(Verify(pretty, IndependentHex(Secret, compact), Secret).IsValid);
        Assert.Equal(
            SignatureStatus.Mismatch,
            Verify(pretty.Replace("hi there", "hi  there", StringComparison.Ordinal), IndependentHex(Secret, compact), Secret).Status);
    }

    [Fact]
    public void A_bare_json_string_is_verified_as_it_is()
    {
        Assert.True(Verify("\"a b\"", IndependentHex(Secret, "\"a b\""), Secret).IsValid);
        Assert.Equal(SignatureStatus.Mismatch, Verify("  \"a b\"  ", IndependentHex(Secret, "\"a b\""), Secret).Status);
    }

    [Fact]
    public void Text_that_is_not_a_json_object_or_array_is_not_stripped()
        => Assert.Equal(SignatureStatus.Mismatch, Verify("hello world", IndependentHex(Secret, "helloworld"), Secret).Status);

    [Fact]
    public void A_large_pretty_printed_body_verifies_against_its_compact_form()
    {
        var compact = new StringBuilder("[");
        var pretty = new StringBuilder("[\n");
        for (var i = 0; i < 5_000; i++)
        {
            compact.Append(i == 0 ? "" : ",").Append("{\"n\":").Append(i).Append(",\"s\":\"x y\"}");
            pretty.Append(i == 0 ? "  " : ",\n  ").Append("{ \"n\": ").Append(i).Append(", \"s\": \"x y\" }");
        }

        compact.Append(']');
        pretty.Append("\n]");

        Assert.True(Verify(pretty.ToString(), IndependentHex(Secret, compact.ToString()), Secret).IsValid);
    }
}
