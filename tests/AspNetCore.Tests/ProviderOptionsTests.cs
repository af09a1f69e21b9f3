using System;
using System.Collections.Generic;
using System.Net;
using System.Threading.Tasks;
using Hooksmith.AspNetCore.Tests.Infrastructure;
using Hooksmith.Webhooks;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Hooksmith.AspNetCore.Tests;

/// <summary>Providers as options: presets, the Adyen schemes, Basic credentials, and what configuration can name.</summary>
public sealed class ProviderOptionsTests
{
    private const string HexKey = "0A1B2C3D4E5F60718293A4B5C6D7E8F90A1B2C3D4E5F60718293A4B5C6D7E8F9";

    [Fact]
    public async Task The_Voucherify_preset_receives_as_the_default_envelope_does()
    {
        await using var app = await ReceiverApp.StartAsync(o => o.UseProvider(WebhookProviders.Voucherify));
        var body = TestPayloads.Envelope();

        var delivery = await app.PostSignedAsync(body);
        var again = await app.PostSignedAsync(body);

        Assert.Equal((HttpStatusCode.OK, "Handled", "customer.order.updated"), (delivery.Status, delivery.Outcome, delivery.EventType));
        Assert.Equal((HttpStatusCode.OK, "Duplicate"), (again.Status, again.Outcome));
        Assert.Single(app.Recorder.Calls);
    }

    [Fact]
    public async Task An_event_type_in_a_header_routes_a_bare_payload_signed_with_Adyens_header()
    {
        // A provider of its own: the payload is the whole body, the event type a header, the signature Adyen's.
        var provider = new WebhookProvider { Name = "bare", EventType = [WebhookValueSource.FromHeader("X-Event-Type")], EventId = ["/order/id"] };
        await using var app = await ReceiverApp.StartAsync(o =>
        {
            o.Provider = provider;
            o.SignatureScheme = WebhookSignatureScheme.AdyenHmac;
            o.Secrets = [HexKey];
        });
        var body = TestPayloads.SeedData();
        var headers = WebhookTestSigner.AdyenHmacHeaders(body, HexKey);
        headers["X-Event-Type"] = "customer.order.updated";

        var delivery = await app.PostAsync(body, headers);
        var unsigned = await app.PostAsync(body, new Dictionary<string, string> { ["X-Event-Type"] = "customer.order.updated" });

        Assert.Equal((HttpStatusCode.OK, "Handled", "customer.order.updated"), (delivery.Status, delivery.Outcome, delivery.EventType));
        Assert.Equal((HttpStatusCode.Unauthorized, "SignatureRejected"), (unsigned.Status, unsigned.Outcome));
    }

    [Fact]
    public async Task Basic_credentials_are_checked_before_the_signature()
    {
        await using var app = await ReceiverApp.StartAsync(o =>
        {
            o.BasicAuthenticationUserName = "adyen";
            o.BasicAuthenticationPassword = "s3cret";
        });
        var body = TestPayloads.Envelope();
        var signed = WebhookTestSigner.VoucherifyHeaders(body, ReceiverApp.Secret);
        var withCredentials = new Dictionary<string, string>(signed) { ["Authorization"] = "Basic " + Convert.ToBase64String(Utf8.Bytes("adyen:s3cret")) };
        var wrongCredentials = new Dictionary<string, string>(signed) { ["Authorization"] = "Basic " + Convert.ToBase64String(Utf8.Bytes("adyen:guess")) };

        var accepted = await app.PostAsync(body, withCredentials);
        var noCredentials = await app.PostAsync(TestPayloads.Envelope(), signed);
        var wrong = await app.PostAsync(TestPayloads.Envelope(), wrongCredentials);

        Assert.Equal((HttpStatusCode.OK, "Handled"), (accepted.Status, accepted.Outcome));
        Assert.Equal((HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized), (noCredentials.Status, wrong.Status));
        Assert.Single(app.Recorder.Calls);
    }

    [Fact]
    public async Task Configuration_names_a_preset_and_its_scheme_comes_with_it()
    {
        await using var app = await ReceiverApp.StartAsync(setup: (builder, webhooks) =>
        {
            builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Receiver:Provider"] = "adyenbalanceplatform",
                ["Receiver:Secrets:0"] = HexKey,
                ["Receiver:BasicAuthenticationUserName"] = "adyen",
                ["Receiver:BasicAuthenticationPassword"] = "pw",
            });
            webhooks.BindConfiguration(builder.Configuration.GetSection("Receiver"));
        });

        var options = app.Services.GetRequiredService<IOptionsMonitor<HooksmithWebhookOptions>>().Get(app.Name);

        Assert.Same(WebhookProviders.AdyenBalancePlatform, options.Provider);
        Assert.Equal(WebhookSignatureScheme.AdyenHmac, options.SignatureScheme);
        Assert.Equal(("adyen", "pw"), (options.BasicAuthenticationUserName, options.BasicAuthenticationPassword));
    }

    [Theory]
    [InlineData("Voucherify", WebhookSignatureScheme.Voucherify)]
    [InlineData("AdyenBalancePlatform", WebhookSignatureScheme.AdyenHmac)]
    [InlineData("AdyenAuthentication", WebhookSignatureScheme.AdyenHmac)]
    [InlineData("AdyenManagement", WebhookSignatureScheme.AdyenHmac)]
    [InlineData("AdyenTokenization", WebhookSignatureScheme.AdyenHmac)]
    [InlineData("AdyenMarketPay", WebhookSignatureScheme.AdyenHmac)]
    [InlineData("AdyenClassic", WebhookSignatureScheme.AdyenItemHmac)]
    public void Every_preset_brings_its_signature_scheme(string preset, WebhookSignatureScheme scheme)
    {
        var provider = (WebhookProvider)typeof(WebhookProviders).GetProperty(preset)!.GetValue(null)!;

        var options = new HooksmithWebhookOptions { SignatureScheme = WebhookSignatureScheme.None }.UseProvider(provider);

        Assert.Same(provider, options.Provider);
        Assert.Equal(scheme, options.SignatureScheme);
    }

    [Theory]
    [InlineData("Provider", "Stripe", "is not one of Voucherify, AdyenBalancePlatform")]
    [InlineData("SignatureScheme", "AdyenItemHmac", "set Provider to a batch provider")]
    [InlineData("BasicAuthenticationUserName", "adyen", "set together or not at all")]
    public async Task Options_that_cannot_work_stop_the_start(string key, string value, string expected)
    {
        var exception = await Assert.ThrowsAsync<OptionsValidationException>(() => ReceiverApp.StartAsync(
            o => o.Secrets = [HexKey],
            (builder, webhooks) =>
            {
                builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Receiver:" + key] = value });
                webhooks.BindConfiguration(builder.Configuration.GetSection("Receiver"));
            }));

        Assert.Contains(expected, exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_Adyen_key_that_is_not_hex_stops_the_start()
    {
        var exception = await Assert.ThrowsAsync<OptionsValidationException>(() => ReceiverApp.StartAsync(o =>
        {
            o.UseProvider(WebhookProviders.AdyenManagement);
            o.Secrets = ["not hex"];
        }));

        Assert.Contains("An Adyen HMAC key is not hex", exception.Message, StringComparison.Ordinal);
    }
}
