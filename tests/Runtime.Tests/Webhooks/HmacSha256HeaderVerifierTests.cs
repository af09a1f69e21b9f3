using System;
using System.Collections.Generic;
using System.Security.Cryptography;
using System.Text;
using Hooksmith.Webhooks;

namespace Hooksmith.Runtime.Tests.Webhooks;

public sealed class HmacSha256HeaderVerifierTests
{
    private const string Secret = "It's a Secret to Everybody";
    private static readonly byte[] Body = Encoding.UTF8.GetBytes("Hello, World!");

    private static DictionaryWebhookHeaders Headers(string value) => new() { ["X-Hub-Signature-256"] = value };

    // Computed in the test with the framework's HMAC class, independently of the code under test.
    private static string IndependentHex(string secret, byte[] body)
    {
        using var hmac = new HMACSHA256(Encoding.UTF8.GetBytes(secret));
        return Convert.ToHexString(hmac.ComputeHash(body)).ToLowerInvariant();
    }

    [Fact]
    public void Known_answer_matches_the_published_example_and_an_independent_hmac()
    {
        // The example GitHub publishes for X-Hub-Signature-256.
        const string expected = "sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17";

        Assert.Equal(expected, "sha256=" + IndependentHex(Secret, Body));
        Assert.Equal(expected, WebhookTestSigner.HmacSha256Signature(Body, Secret));
        var result = new HmacSha256HeaderVerifier([Secret]).Verify(Body, Headers(expected));
        Assert.True(result.IsValid, result.ToString());
        Assert.Equal(0, result.MatchedSecretIndex);
    }

    [Fact]
    public void The_prefix_and_digest_are_accepted_in_any_case()
    {
        var header = "SHA256=" + IndependentHex(Secret, Body).ToUpperInvariant();

        Assert.True(new HmacSha256HeaderVerifier([Secret]).Verify(Body, Headers(header)).IsValid);
    }

    [Fact]
    public void A_custom_header_name_is_read()
    {
        var verifier = new HmacSha256HeaderVerifier([Secret], "X-Signature");
        var headers = WebhookTestSigner.HmacSha256Headers(Body, Secret, "x-signature");

        Assert.Equal("X-Signature", verifier.HeaderName);
        Assert.True(verifier.Verify(Body, headers).IsValid);
        Assert.Equal(SignatureStatus.Missing, verifier.Verify(Body, WebhookTestSigner.HmacSha256Headers(Body, Secret)).Status);
    }

    [Fact]
    public void A_tampered_body_is_a_mismatch()
    {
        var headers = WebhookTestSigner.HmacSha256Headers(Body, Secret);

        Assert.Equal(SignatureStatus.Mismatch, new HmacSha256HeaderVerifier([Secret]).Verify(Encoding.UTF8.GetBytes("Hello, World?"), headers).Status);
    }

    [Fact]
    public void An_absent_or_empty_header_is_missing()
    {
        var verifier = new HmacSha256HeaderVerifier([Secret]);

        Assert.Equal(SignatureStatus.Missing, verifier.Verify(Body, new DictionaryWebhookHeaders()).Status);
        Assert.Equal(SignatureStatus.Missing, verifier.Verify(Body, Headers(" ")).Status);
    }

    [Theory]
    [InlineData("757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17")]         // no prefix
    [InlineData("sha1=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17")]    // other algorithm
    [InlineData("sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e1")]   // one digit short
    [InlineData("sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e177")] // one digit too many
    [InlineData("sha256=zz7107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17")]  // not hex
    [InlineData("sha256=")]
    [InlineData("sha256")]
    public void A_header_that_is_not_sha256_and_64_hex_digits_is_malformed(string header)
        => Assert.Equal(SignatureStatus.Malformed, new HmacSha256HeaderVerifier([Secret]).Verify(Body, Headers(header)).Status);

    [Fact]
    public void The_second_secret_matches_and_swapping_secrets_at_runtime_takes_effect()
    {
        IReadOnlyList<string> current = ["old"];
        var verifier = new HmacSha256HeaderVerifier(() => current);
        var headers = WebhookTestSigner.HmacSha256Headers(Body, "new");

        Assert.Equal(SignatureStatus.Mismatch, verifier.Verify(Body, headers).Status);

        current = ["old", "new"];
        Assert.Equal(1, verifier.Verify(Body, headers).MatchedSecretIndex);
    }

    [Fact]
    public void An_empty_header_name_is_rejected()
        => Assert.Throws<ArgumentException>(() => new HmacSha256HeaderVerifier([Secret], " "));
}
