using System.Linq;
using System.Net;
using System.Threading.Tasks;
using Hooksmith.AspNetCore.Tests.Infrastructure;

namespace Hooksmith.AspNetCore.Tests;

/// <summary>The body size limit, with a declared <c>Content-Length</c> and with chunked transfer.</summary>
public sealed class BodySizeTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_body_one_byte_over_the_limit_is_answered_413_and_reaches_no_handler(bool chunked)
    {
        var body = TestPayloads.Seed;
        await using var app = await ReceiverApp.StartAsync(o => o.MaxBodyBytes = body.Length - 1);

        var delivery = await app.PostSignedAsync(body, chunked: chunked);

        Assert.Equal((HttpStatusCode.RequestEntityTooLarge, "PayloadTooLarge"), (delivery.Status, delivery.Outcome));
        Assert.Equal(0, app.Recorder.Attempts);
        Assert.Contains(app.EndpointLogs, e => e.EventId.Id == 12);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_body_exactly_at_the_limit_is_handled(bool chunked)
    {
        var body = TestPayloads.Seed;
        await using var app = await ReceiverApp.StartAsync(o => o.MaxBodyBytes = body.Length);

        var delivery = await app.PostSignedAsync(body, chunked: chunked);

        Assert.Equal((HttpStatusCode.OK, "Handled"), (delivery.Status, delivery.Outcome));
        Assert.Equal(body, Assert.Single(app.Recorder.Calls).Body);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_body_far_over_the_limit_is_answered_413(bool chunked)
    {
        // Half a megabyte of whitespace after the envelope, against a 4 KiB limit; chunked bodies are cut off after the limit.
        var body = TestPayloads.Seed.Concat(Enumerable.Repeat((byte)' ', 512 * 1024)).ToArray();
        await using var app = await ReceiverApp.StartAsync(o => o.MaxBodyBytes = 4096);

        var delivery = await app.PostSignedAsync(body, chunked: chunked);

        Assert.Equal((HttpStatusCode.RequestEntityTooLarge, "PayloadTooLarge"), (delivery.Status, delivery.Outcome));
        Assert.Equal(0, app.Recorder.Attempts);
    }

    [Fact]
    public async Task The_default_limit_is_one_mebibyte()
    {
        var body = TestPayloads.Seed.Concat(Enumerable.Repeat((byte)' ', (1024 * 1024) - TestPayloads.Seed.Length + 1)).ToArray();
        await using var app = await ReceiverApp.StartAsync();

        var delivery = await app.PostSignedAsync(body);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, delivery.Status);
        Assert.Equal(1024 * 1024, new HooksmithWebhookOptions().MaxBodyBytes);
    }
}
