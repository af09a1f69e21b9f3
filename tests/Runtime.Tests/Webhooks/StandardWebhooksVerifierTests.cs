using System;
using System.Collections.Generic;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Hooksmith.Webhooks;

namespace Hooksmith.Runtime.Tests.Webhooks;

public sealed class StandardWebhooksVerifierTests
{
    private const long Now = 1_700_000_000;
    private const string Secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    private const string OtherSecret = "whsec_c2Vjb25kLXNlY3JldC1mb3ItdGVzdHM=";
    private static readonly byte[] Body = Encoding.UTF8.GetBytes("""{"type":"user.created","data":{"id":1}}""");

    private static StandardWebhooksVerifier Verifier(ManualTimeProvider clock, params string[] secrets) => new(secrets, timeProvider: clock);

    private static DictionaryWebhookHeaders Headers(string id, long timestamp, string signature) => new()
    {
        ["webhook-id"] = id,
        ["webhook-timestamp"] = timestamp.ToString(CultureInfo.InvariantCulture),
        ["webhook-signature"] = signature,
    };

    // Computed in the test with the framework's HMAC class, independently of the code under test.
    private static string IndependentSignature(string secret, string id, long timestamp, byte[] body)
    {
        var key = Convert.FromBase64String(secret.StartsWith("whsec_", StringComparison.Ordinal) ? secret[6..] : secret);
        var content = new List<byte>(Encoding.UTF8.GetBytes($"{id}.{timestamp}."));
        content.AddRange(body);
        using var hmac = new HMACSHA256(key);
        return "v1," + Convert.ToBase64String(hmac.ComputeHash(content.ToArray()));
    }

    [Fact]
    public void A_signed_message_is_valid()
    {
        var clock = ManualTimeProvider.AtUnixSeconds(Now);
        var headers = WebhookTestSigner.StandardWebhooksHeaders(Body, Secret, "msg_1", clock.GetUtcNow());

        var result = Verifier(clock, Secret).Verify(Body, headers);

        Assert.True(result.IsValid, result.ToString());
        Assert.Equal(0, result.MatchedSecretIndex);
    }

    [Fact]
    public void The_specification_test_vector_verifies()
    {
        // The example published with the Standard Webhooks reference libraries.
        const string id = "msg_p5jXN8AQM9LWM0D4loKWxJek";
        const long timestamp = 1614265330;
        var body = Encoding.UTF8.GetBytes("""{"test": 2432232314}""");
        const string expected = "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=";

        Assert.Equal(expected, IndependentSignature(Secret, id, timestamp, body));
        Assert.Equal(expected, WebhookTestSigner.StandardWebhooksSignature(id, timestamp, body, Secret));
        var result = Verifier(ManualTimeProvider.AtUnixSeconds(timestamp), Secret).Verify(body, Headers(id, timestamp, expected));
        Assert.True(result.IsValid, result.ToString());
    }

    [Fact]
    public void Known_answer_with_a_fixed_secret_matches_an_independent_hmac()
    {
        var expected = IndependentSignature(OtherSecret, "msg_kat", Now, Body);

        Assert.Equal(expected, WebhookTestSigner.StandardWebhooksSignature("msg_kat", Now, Body, OtherSecret));
        Assert.True(Verifier(ManualTimeProvider.AtUnixSeconds(Now), OtherSecret).Verify(Body, Headers("msg_kat", Now, expected)).IsValid);
    }

    [Fact]
    public void A_plain_base64_secret_without_prefix_is_accepted()
    {
        var clock = ManualTimeProvider.AtUnixSeconds(Now);
        var signature = IndependentSignature(Secret, "msg_1", Now, Body);

        Assert.True(Verifier(clock, Secret["whsec_".Length..]).Verify(Body, Headers("msg_1", Now, signature)).IsValid);
    }

    [Fact]
    public void A_tampered_body_id_or_timestamp_is_a_mismatch()
    {
        var clock = ManualTimeProvider.AtUnixSeconds(Now);
        var verifier = Verifier(clock, Secret);
        var signature = IndependentSignature(Secret, "msg_1", Now, Body);

        Assert.Equal(SignatureStatus.Mismatch, verifier.Verify(Encoding.UTF8.GetBytes("""{"type":"user.deleted"}"""), Headers("msg_1", Now, signature)).Status);
        Assert.Equal(SignatureStatus.Mismatch, verifier.Verify(Body, Headers("msg_2", Now, signature)).Status);
        Assert.Equal(SignatureStatus.Mismatch, verifier.Verify(Body, Headers("msg_1", Now + 1, signature)).Status);
    }

    [Theory]
    [InlineData("webhook-id")]
    [InlineData("webhook-timestamp")]
    [InlineData("webhook-signature")]
    public void An_absent_or_empty_header_is_missing(string name)
    {
        var clock = ManualTimeProvider.AtUnixSeconds(Now);
        var headers = WebhookTestSigner.StandardWebhooksHeaders(Body, Secret, "msg_1", clock.GetUtcNow());
        var verifier = Verifier(clock, Secret);

        headers[name] = "";
        Assert.Equal(SignatureStatus.Missing, verifier.Verify(Body, headers).Status);

        headers.Remove(name);
        Assert.Equal(SignatureStatus.Missing, verifier.Verify(Body, headers).Status);
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("-1700000000")]
    [InlineData("1700000000.5")]
    [InlineData(" 1700000000")]
    [InlineData("1700000000000000000000")]
    [InlineData("２０２４")]
    public void A_timestamp_that_is_not_unix_seconds_is_malformed(string timestamp)
    {
        var clock = ManualTimeProvider.AtUnixSeconds(Now);
        var headers = WebhookTestSigner.StandardWebhooksHeaders(Body, Secret, "msg_1", clock.GetUtcNow());
        headers["webhook-timestamp"] = timestamp;

        Assert.Equal(SignatureStatus.Malformed, Verifier(clock, Secret).Verify(Body, headers).Status);
    }

    public static TheoryData<string> MalformedSignatures() => new()
    {
        "v1,not base64!",                                         // bad base64
        "v1,@@@@",                                                // bad base64
        "v1," + Convert.ToBase64String(new byte[16]),             // wrong length
        "v1," + Convert.ToBase64String(new byte[33]),             // wrong length
        "v1,",                                                    // empty digest
        Convert.ToBase64String(new byte[32]),                     // no version
        "v2," + Convert.ToBase64String(new byte[32]),             // other version only
        "v1a," + Convert.ToBase64String(new byte[64]),            // asymmetric only
        "v1=" + Convert.ToBase64String(new byte[32]),             // wrong separator
        "V1," + Convert.ToBase64String(new byte[32]),             // versions are case-sensitive
    };

    [Theory]
    [MemberData(nameof(MalformedSignatures))]
    public void A_signature_header_without_a_readable_v1_entry_is_malformed(string signature)
    {
        var result = Verifier(ManualTimeProvider.AtUnixSeconds(Now), Secret).Verify(Body, Headers("msg_1", Now, signature));

        Assert.Equal(SignatureStatus.Malformed, result.Status);
    }

    [Fact]
    public void A_well_formed_v1_entry_that_matches_nothing_is_a_mismatch()
    {
        var result = Verifier(ManualTimeProvider.AtUnixSeconds(Now), Secret)
            .Verify(Body, Headers("msg_1", Now, "v1," + Convert.ToBase64String(new byte[32])));

        Assert.Equal(SignatureStatus.Mismatch, result.Status);
    }

    [Fact]
    public void Any_matching_v1_entry_among_several_is_enough_and_other_versions_are_ignored()
    {
        var good = IndependentSignature(Secret, "msg_1", Now, Body);
        var header = $"v1a,{Convert.ToBase64String(new byte[64])}  v1,garbage v1,{Convert.ToBase64String(new byte[32])} {good}";

        var result = Verifier(ManualTimeProvider.AtUnixSeconds(Now), Secret).Verify(Body, Headers("msg_1", Now, header));

        Assert.True(result.IsValid, result.ToString());
    }

    [Theory]
    [InlineData(-299)]
    [InlineData(-300)]
    [InlineData(0)]
    [InlineData(300)]
    [InlineData(299)]
    public void A_timestamp_within_the_tolerance_either_way_is_valid(int offsetSeconds)
    {
        var clock = ManualTimeProvider.AtUnixSeconds(Now);
        var signature = IndependentSignature(Secret, "msg_1", Now + offsetSeconds, Body);

        var result = Verifier(clock, Secret).Verify(Body, Headers("msg_1", Now + offsetSeconds, signature));

        Assert.True(result.IsValid, result.ToString());
    }

    [Fact]
    public void A_message_older_than_the_tolerance_is_expired()
    {
        var clock = ManualTimeProvider.AtUnixSeconds(Now);
        var headers = WebhookTestSigner.StandardWebhooksHeaders(Body, Secret, "msg_1", clock.GetUtcNow());
        var verifier = Verifier(clock, OtherSecret, Secret);
        Assert.True(verifier.Verify(Body, headers).IsValid);

        clock.Advance(TimeSpan.FromMinutes(5) + TimeSpan.FromSeconds(1));
        var result = verifier.Verify(Body, headers);

        Assert.Equal(SignatureStatus.Expired, result.Status);
        Assert.False(result.IsValid);
        Assert.Equal(1, result.MatchedSecretIndex);
        Assert.Contains("older", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_message_from_further_in_the_future_than_the_tolerance_is_expired()
    {
        var clock = ManualTimeProvider.AtUnixSeconds(Now);
        var future = Now + 301;
        var result = Verifier(clock, Secret).Verify(Body, Headers("msg_1", future, IndependentSignature(Secret, "msg_1", future, Body)));

        Assert.Equal(SignatureStatus.Expired, result.Status);
        Assert.Contains("future", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_custom_tolerance_is_honoured()
    {
        var clock = ManualTimeProvider.AtUnixSeconds(Now);
        var verifier = new StandardWebhooksVerifier([Secret], TimeSpan.FromSeconds(10), clock);
        var headers = WebhookTestSigner.StandardWebhooksHeaders(Body, Secret, "msg_1", clock.GetUtcNow());

        clock.Advance(TimeSpan.FromSeconds(10));
        Assert.True(verifier.Verify(Body, headers).IsValid);
        clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(SignatureStatus.Expired, verifier.Verify(Body, headers).Status);
    }

    [Fact]
    public void A_forged_message_with_a_stale_timestamp_is_a_mismatch_not_expired()
    {
        var stale = Now - 3600;
        var result = Verifier(ManualTimeProvider.AtUnixSeconds(Now), Secret)
            .Verify(Body, Headers("msg_1", stale, IndependentSignature(OtherSecret, "msg_1", stale, Body)));

        Assert.Equal(SignatureStatus.Mismatch, result.Status);
    }

    [Fact]
    public void The_second_secret_matches_and_swapping_secrets_at_runtime_takes_effect()
    {
        var clock = ManualTimeProvider.AtUnixSeconds(Now);
        IReadOnlyList<string> current = [OtherSecret];
        var verifier = new StandardWebhooksVerifier(() => current, timeProvider: clock);
        var headers = WebhookTestSigner.StandardWebhooksHeaders(Body, Secret, "msg_1", clock.GetUtcNow());

        Assert.Equal(SignatureStatus.Mismatch, verifier.Verify(Body, headers).Status);

        current = [OtherSecret, Secret];
        Assert.Equal(1, verifier.Verify(Body, headers).MatchedSecretIndex);
    }

    [Fact]
    public void Secrets_that_are_not_base64_fail_fast_in_a_fixed_list_and_are_skipped_in_a_runtime_list()
    {
        Assert.Throws<ArgumentException>(() => new StandardWebhooksVerifier(["whsec_not base64!"]));
        Assert.Throws<ArgumentException>(() => new StandardWebhooksVerifier(["whsec_"]));

        var clock = ManualTimeProvider.AtUnixSeconds(Now);
        var verifier = new StandardWebhooksVerifier(() => ["whsec_not base64!", Secret], timeProvider: clock);
        var headers = WebhookTestSigner.StandardWebhooksHeaders(Body, Secret, "msg_1", clock.GetUtcNow());
        Assert.Equal(1, verifier.Verify(Body, headers).MatchedSecretIndex);
    }

    [Fact]
    public void A_negative_tolerance_is_rejected()
        => Assert.Throws<ArgumentOutOfRangeException>(() => new StandardWebhooksVerifier([Secret], TimeSpan.FromSeconds(-1)));

    [Fact]
    public void A_non_ascii_message_id_is_signed_as_utf8()
    {
        var clock = ManualTimeProvider.AtUnixSeconds(Now);
        const string id = "msg_ünïcødé_✓";

        var result = Verifier(clock, Secret).Verify(Body, Headers(id, Now, IndependentSignature(Secret, id, Now, Body)));

        Assert.True(result.IsValid, result.ToString());
    }

    [Fact]
    public void Generated_secrets_round_trip()
    {
        var secret = WebhookTestSigner.CreateStandardWebhooksSecret();
        var clock = ManualTimeProvider.AtUnixSeconds(Now);

        Assert.StartsWith("whsec_", secret, StringComparison.Ordinal);
        Assert.True(Verifier(clock, secret).Verify(Body, WebhookTestSigner.StandardWebhooksHeaders(Body, secret, timestamp: clock.GetUtcNow())).IsValid);
    }
}
