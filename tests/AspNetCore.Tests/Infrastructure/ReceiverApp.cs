using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using Hooksmith.AspNetCore.Tests.Voucherify;
using Hooksmith.Webhooks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Hooksmith.AspNetCore.Tests.Infrastructure;

/// <summary>
/// A receiver application on a real Kestrel server bound to a free loopback port, with a real HttpClient pointed at it.
/// </summary>
public sealed class ReceiverApp : IAsyncDisposable
{
    public const string Secret = "aspnetcore-test-secret";
    public const string Route = "/webhooks/voucherify";

    private readonly WebApplication _app;

    private ReceiverApp(WebApplication app, Uri address, Recorder recorder, CapturingLoggerProvider logs, string name)
    {
        _app = app;
        Address = address;
        Recorder = recorder;
        Logs = logs;
        Name = name;
        Client = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromMinutes(2) };
    }

    public Uri Address { get; }

    public HttpClient Client { get; }

    public Recorder Recorder { get; }

    internal CapturingLoggerProvider Logs { get; }

    /// <summary>The endpoint's name (its options name and the key of its stores).</summary>
    public string Name { get; }

    public IServiceProvider Services => _app.Services;

    /// <summary>The endpoint's log entries.</summary>
    internal IEnumerable<LogEntry> EndpointLogs => Logs.Of("Hooksmith.AspNetCore.Webhooks");

    /// <summary>Starts an app with the endpoint at <see cref="Route"/>, the secret <see cref="Secret"/> and, unless told otherwise, <see cref="RecordingHandler"/>.</summary>
    /// <param name="options">Changes the endpoint's options after the defaults.</param>
    /// <param name="setup">Registers more: handlers, stores, configuration.</param>
    /// <param name="typedHandler">Whether to register <see cref="RecordingHandler"/>.</param>
    /// <param name="recorder">A recorder shared with other apps; a new one when omitted.</param>
    public static async Task<ReceiverApp> StartAsync(
        Action<HooksmithWebhookOptions>? options = null,
        Action<WebApplicationBuilder, HooksmithWebhooksBuilder<VoucherifyEvents>>? setup = null,
        bool typedHandler = true,
        Recorder? recorder = null)
    {
        recorder ??= new Recorder();
        var logs = new CapturingLoggerProvider();
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { EnvironmentName = "Testing" });
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        builder.Logging.SetMinimumLevel(LogLevel.Debug);
        builder.Logging.AddProvider(logs);
        builder.Services.AddSingleton(recorder);

        var webhooks = builder.Services.AddHooksmithWebhooks<VoucherifyEvents>(o =>
        {
            o.Secrets = [Secret];
            options?.Invoke(o);
        });
        if (typedHandler)
        {
            webhooks.AddHandler<CustomerOrderUpdated, RecordingHandler>();
        }

        setup?.Invoke(builder, webhooks);

        var app = builder.Build();
        try
        {
            app.MapHooksmithWebhooks<VoucherifyEvents>(Route);
            await app.StartAsync();
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }

        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
        return new ReceiverApp(app, new Uri(address), recorder, logs, webhooks.Name);
    }

    /// <summary>Posts a body signed with <paramref name="secret"/> (Voucherify's scheme).</summary>
    public Task<Delivery> PostSignedAsync(byte[] body, string secret = Secret, bool chunked = false)
        => PostAsync(body, new Dictionary<string, string> { [VoucherifySignatureVerifier.SignatureHeaderName] = WebhookTestSigner.VoucherifySignature(body, secret) }, chunked);

    /// <summary>Posts a body with the given headers, with a <c>Content-Length</c> or chunked.</summary>
    public async Task<Delivery> PostAsync(byte[] body, IEnumerable<KeyValuePair<string, string>>? headers = null, bool chunked = false)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, Route)
        {
            Content = chunked ? new ChunkedContent(body) : new ByteArrayContent(body),
        };
        request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        foreach (var (name, value) in headers ?? [])
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        using var response = await Client.SendAsync(request);
        return await Delivery.ReadAsync(response);
    }

    public async ValueTask DisposeAsync()
    {
        Recorder.Gate?.TrySetResult();
        Client.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

/// <summary>The endpoint's answer: the status code and the JSON body.</summary>
public sealed record Delivery(HttpStatusCode Status, string? Outcome, string? EventType, string? Detail, string Body)
{
    public int Code => (int)Status;

    public static async Task<Delivery> ReadAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        using var document = JsonDocument.Parse(text);
        var root = document.RootElement;
        return new Delivery(response.StatusCode, root.GetProperty("outcome").GetString(), root.GetProperty("eventType").GetString(), root.GetProperty("detail").GetString(), text);
    }

    public override string ToString() => $"{Code} {Body}";
}

/// <summary>Text helpers.</summary>
internal static class Utf8
{
    public static byte[] Bytes(string text) => Encoding.UTF8.GetBytes(text);
}
