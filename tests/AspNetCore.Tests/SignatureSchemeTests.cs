using System;
using System.Net;
using System.Threading.Tasks;
using Hooksmith.AspNetCore.Tests.Infrastructure;
using Hooksmith.Webhooks;
using Microsoft.Extensions.Options;

namespace Hooksmith.AspNetCore.Tests;

/// <summary>The other signature schemes, and the options that must be chosen explicitly.</summary>
public sealed class SignatureSchemeTests
{
    [Fact]
    public async Task Standard_Webhooks_signatures_are_verified_with_their_timestamp()
    {
        var secret = WebhookTestSigner.CreateStandardWebhooksSecret();
        await using var app = await ReceiverApp.StartAsync(o =>
        {
            o.SignatureScheme = WebhookSignatureScheme.StandardWebhooks;
            o.Secrets = [secret];
            o.SignatureTolerance = TimeSpan.FromMinutes(5);
        });
        var body = TestPayloads.Envelope();

        var fresh = await app.PostAsync(body, WebhookTestSigner.StandardWebhooksHeaders(body, secret));
        var stale = await app.PostAsync(TestPayloads.Envelope(), WebhookTestSigner.StandardWebhooksHeaders(body, secret, timestamp: DateTimeOffset.UtcNow.AddHours(-1)));

        Assert.Equal((HttpStatusCode.OK, "Handled"), (fresh.Status, fresh.Outcome));
        Assert.Equal((HttpStatusCode.Unauthorized, "SignatureRejected"), (stale.Status, stale.Outcome));
        Assert.Single(app.Recorder.Calls);
    }

    [Fact]
    public async Task A_sha256_header_is_read_from_the_configured_header()
    {
        await using var app = await ReceiverApp.StartAsync(o =>
        {
            o.SignatureScheme = WebhookSignatureScheme.HmacSha256Header;
            o.SignatureHeaderName = "X-Acme-Signature";
        });
        var body = TestPayloads.Envelope();

        var signed = await app.PostAsync(body, WebhookTestSigner.HmacSha256Headers(body, ReceiverApp.Secret, "X-Acme-Signature"));
        var wrongHeader = await app.PostAsync(TestPayloads.Envelope(), WebhookTestSigner.HmacSha256Headers(body, ReceiverApp.Secret));

        Assert.Equal((HttpStatusCode.OK, "Handled"), (signed.Status, signed.Outcome));
        Assert.Equal((HttpStatusCode.Unauthorized, "SignatureRejected"), (wrongHeader.Status, wrongHeader.Outcome));
    }

    [Fact]
    public async Task Unsigned_deliveries_are_accepted_only_when_the_None_scheme_is_chosen()
    {
        await using var app = await ReceiverApp.StartAsync(o =>
        {
            o.SignatureScheme = WebhookSignatureScheme.None;
            o.Secrets.Clear();
        });

        var delivery = await app.PostAsync(TestPayloads.Envelope());

        Assert.Equal((HttpStatusCode.OK, "Handled"), (delivery.Status, delivery.Outcome));
    }

    [Fact]
    public async Task An_endpoint_without_secrets_does_not_start()
    {
        var exception = await Assert.ThrowsAsync<OptionsValidationException>(() => ReceiverApp.StartAsync(o => o.Secrets.Clear()));

        Assert.Contains("No secret is configured for the Voucherify signature scheme", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_endpoint_whose_Standard_Webhooks_secret_is_not_base64_does_not_start()
    {
        var exception = await Assert.ThrowsAsync<OptionsValidationException>(() => ReceiverApp.StartAsync(o =>
        {
            o.SignatureScheme = WebhookSignatureScheme.StandardWebhooks;
            o.Secrets = ["whsec_not base64!"];
        }));

        Assert.Contains("Standard Webhooks secret", exception.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("not base64!", exception.Message, StringComparison.Ordinal);
    }
}
