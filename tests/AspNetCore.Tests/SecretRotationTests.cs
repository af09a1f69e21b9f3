using System.Collections.Generic;
using System.Net;
using System.Threading.Tasks;
using Hooksmith.AspNetCore.Tests.Infrastructure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Hooksmith.AspNetCore.Tests;

/// <summary>Secret rotation on a running server: both secrets while both are configured, then only the new one.</summary>
public sealed class SecretRotationTests
{
    private const string OldSecret = "rotation-old-secret";
    private const string NewSecret = "rotation-new-secret";

    [Fact]
    public async Task A_secret_removed_from_reloaded_configuration_is_refused_without_a_restart()
    {
        var configuration = new ReloadableConfigurationSource(new Dictionary<string, string?>
        {
            ["Hooksmith:Secrets:0"] = NewSecret,
            ["Hooksmith:Secrets:1"] = OldSecret,
        });
        await using var app = await ReceiverApp.StartAsync(setup: (builder, webhooks) =>
        {
            ((IConfigurationBuilder)builder.Configuration).Add(configuration);
            webhooks.BindConfiguration(builder.Configuration.GetSection("Hooksmith"));
        });

        var withOld = await app.PostSignedAsync(TestPayloads.Envelope(), OldSecret);
        var withNew = await app.PostSignedAsync(TestPayloads.Envelope(), NewSecret);
        configuration.Replace(new Dictionary<string, string?> { ["Hooksmith:Secrets:0"] = NewSecret });
        var withOldAfter = await app.PostSignedAsync(TestPayloads.Envelope(), OldSecret);
        var withNewAfter = await app.PostSignedAsync(TestPayloads.Envelope(), NewSecret);

        Assert.Equal((HttpStatusCode.OK, "Handled"), (withOld.Status, withOld.Outcome));
        Assert.Equal((HttpStatusCode.OK, "Handled"), (withNew.Status, withNew.Outcome));
        Assert.Equal((HttpStatusCode.Unauthorized, "SignatureRejected"), (withOldAfter.Status, withOldAfter.Outcome));
        Assert.Equal((HttpStatusCode.OK, "Handled"), (withNewAfter.Status, withNewAfter.Outcome));
        Assert.Equal(3, app.Recorder.Calls.Count);
        Assert.Equal(3, app.Recorder.Attempts);
    }

    [Fact]
    public async Task Options_rebuilt_through_the_options_monitor_cache_take_effect_on_the_next_request()
    {
        string[] secrets = [NewSecret, OldSecret];
        await using var app = await ReceiverApp.StartAsync(options: o => o.Secrets = [.. secrets]);

        var withOld = await app.PostSignedAsync(TestPayloads.Envelope(), OldSecret);
        secrets = [NewSecret];
        app.Services.GetRequiredService<IOptionsMonitorCache<HooksmithWebhookOptions>>().TryRemove(app.Name);
        var withOldAfter = await app.PostSignedAsync(TestPayloads.Envelope(), OldSecret);
        var withNewAfter = await app.PostSignedAsync(TestPayloads.Envelope(), NewSecret);

        Assert.Equal((HttpStatusCode.OK, "Handled"), (withOld.Status, withOld.Outcome));
        Assert.Equal((HttpStatusCode.Unauthorized, "SignatureRejected"), (withOldAfter.Status, withOldAfter.Outcome));
        Assert.Equal((HttpStatusCode.OK, "Handled"), (withNewAfter.Status, withNewAfter.Outcome));
        Assert.Equal(2, app.Recorder.Calls.Count);
    }

    [Fact]
    public async Task A_reload_that_makes_the_options_invalid_is_answered_503_until_it_is_fixed()
    {
        var configuration = new ReloadableConfigurationSource(new Dictionary<string, string?> { ["Hooksmith:Secrets:0"] = NewSecret });
        await using var app = await ReceiverApp.StartAsync(setup: (builder, webhooks) =>
        {
            ((IConfigurationBuilder)builder.Configuration).Add(configuration);
            webhooks.BindConfiguration(builder.Configuration.GetSection("Hooksmith"));
        });

        configuration.Replace(new Dictionary<string, string?> { ["Hooksmith:Secrets:0"] = NewSecret, ["Hooksmith:MaxBodyBytes"] = "a lot" });
        var broken = await app.PostSignedAsync(TestPayloads.Envelope(), NewSecret);
        configuration.Replace(new Dictionary<string, string?> { ["Hooksmith:Secrets:0"] = NewSecret });
        var fixedAgain = await app.PostSignedAsync(TestPayloads.Envelope(), NewSecret);

        Assert.Equal((HttpStatusCode.ServiceUnavailable, "Unavailable"), (broken.Status, broken.Outcome));
        Assert.Contains(app.EndpointLogs, e => e.EventId.Id == 16 && e.Message.Contains("Hooksmith:MaxBodyBytes is not a number of bytes", System.StringComparison.Ordinal));
        Assert.Equal((HttpStatusCode.OK, "Handled"), (fixedAgain.Status, fixedAgain.Outcome));
        Assert.Single(app.Recorder.Calls);
    }
}
