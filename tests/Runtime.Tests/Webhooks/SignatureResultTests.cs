using System;
using Hooksmith.Webhooks;

namespace Hooksmith.Runtime.Tests.Webhooks;

public sealed class SignatureResultTests
{
    [Fact]
    public void A_default_result_is_not_valid()
    {
        var result = default(SignatureResult);

        Assert.False(result.IsValid);
        Assert.Null(result.MatchedSecretIndex);
        Assert.NotNull(result.Reason);
    }

    [Fact]
    public void Results_carry_status_reason_and_the_matched_secret()
    {
        Assert.Equal(0, SignatureResult.Valid(0).MatchedSecretIndex);
        Assert.Equal(3, SignatureResult.Expired(3, "old").MatchedSecretIndex);
        Assert.Equal("bad", SignatureResult.Malformed("bad").Reason);
        Assert.Null(SignatureResult.Mismatch("no").MatchedSecretIndex);
        Assert.Equal(SignatureResult.Missing("x"), SignatureResult.Missing("x"));
        Assert.Equal("Valid (secret #2): signature matches", SignatureResult.Valid(2).ToString());
        Assert.Throws<ArgumentOutOfRangeException>(() => SignatureResult.Valid(-1));
    }

    [Fact]
    public void Dictionary_headers_are_case_insensitive_and_last_value_wins()
    {
        var headers = new DictionaryWebhookHeaders([new("Webhook-Id", "a"), new("WEBHOOK-ID", "b")]);

        Assert.True(headers.TryGetValue("webhook-id", out var value));
        Assert.Equal("b", value);
        Assert.Equal(1, headers.Count);
        Assert.False(headers.TryGetValue("webhook-timestamp", out _));
        Assert.Throws<ArgumentException>(() => headers.Add("webhook-ID", "c"));
    }
}
