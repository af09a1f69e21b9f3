using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using Hooksmith.AspNetCore.Tests.Infrastructure;
using Hooksmith.Webhooks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Hooksmith.AspNetCore.Tests;

/// <summary>
/// Anyone without the secret can send forged deliveries as fast as the network allows: the endpoint answers each one
/// 401, but logs one warning per interval with the count held back, so a flood cannot fill the disk.
/// </summary>
public sealed class LogFloodingTests
{
    private static readonly TimeSpan Interval = TimeSpan.FromMinutes(1);

    private static Task<ReceiverApp> Start(SteppedTimeProvider clock, TimeSpan interval)
        => ReceiverApp.StartAsync(
            options: o => o.LogAggregationInterval = interval,
            setup: (builder, _) => builder.Services.AddSingleton<TimeProvider>(clock));

    private static async Task Forge(ReceiverApp app, int count)
    {
        for (var i = 0; i < count; i++)
        {
            var delivery = await app.PostAsync(TestPayloads.Envelope(), [new(VoucherifySignatureVerifier.SignatureHeaderName, new string('0', 64))]);
            Assert.Equal((HttpStatusCode.Unauthorized, "SignatureRejected"), (delivery.Status, delivery.Outcome));
        }
    }

    private static List<LogEntry> SignatureWarnings(ReceiverApp app)
        => app.EndpointLogs.Where(e => e.EventId.Id == 3).ToList();

    [Theory]
    [InlineData(2)]
    [InlineData(17)]
    [InlineData(60)]
    public async Task A_flood_of_forged_deliveries_is_logged_once_per_interval_with_the_count_held_back(int flood)
    {
        var clock = new SteppedTimeProvider();
        await using var app = await Start(clock, Interval);

        await Forge(app, flood);
        var first = Assert.Single(SignatureWarnings(app));
        Assert.Equal(LogLevel.Warning, first.Level);
        Assert.Contains("(0 more rejected", first.Message, StringComparison.Ordinal);

        clock.Advance(Interval - TimeSpan.FromSeconds(1));
        await Forge(app, 1);
        Assert.Single(SignatureWarnings(app));

        clock.Advance(TimeSpan.FromSeconds(1));
        await Forge(app, 1);
        var warnings = SignatureWarnings(app);
        Assert.Equal(2, warnings.Count);
        Assert.Equal(flood, HeldBack(warnings[1]));
    }

    [Fact]
    public async Task A_zero_interval_logs_every_forged_delivery()
    {
        var clock = new SteppedTimeProvider();
        await using var app = await Start(clock, TimeSpan.Zero);

        await Forge(app, 12);

        Assert.Equal(12, SignatureWarnings(app).Count);
        Assert.All(SignatureWarnings(app), w => Assert.Equal(0, HeldBack(w)));
    }

    [Fact]
    public async Task A_valid_delivery_is_still_handled_and_logged_during_a_flood()
    {
        var clock = new SteppedTimeProvider();
        await using var app = await Start(clock, Interval);

        await Forge(app, 20);
        var handled = await app.PostSignedAsync(TestPayloads.Envelope());

        Assert.Equal((HttpStatusCode.OK, "Handled"), (handled.Status, handled.Outcome));
        Assert.Single(app.EndpointLogs, e => e.EventId.Id == 2);
        Assert.Single(SignatureWarnings(app));
    }

    private static long HeldBack(LogEntry entry)
        => long.Parse(Regex.Match(entry.Message, @"\((\d+) more rejected").Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
}
