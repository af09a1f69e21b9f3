using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Reflection;
using System.Threading;
using System.Threading.Tasks;
using Hooksmith.AspNetCore;
using Hooksmith.AspNetCore.Tests.Infrastructure;
using Hooksmith.Webhooks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Hooksmith.Adyen.Tests;

/// <summary>One handled item or delivery, as a handler saw it.</summary>
public sealed record HandledEvent(Type PayloadType, string EventType, string? EventId, byte[] Body);

/// <summary>Records what reached the handlers.</summary>
public sealed class Recorder
{
    public ConcurrentQueue<HandledEvent> Events { get; } = new();
}

/// <summary>The handler of one payload type: records the delivery with the type it was bound to.</summary>
public sealed class RecordingHandler<TEvent>(Recorder recorder) : IWebhookHandler<TEvent>
{
    public Task HandleAsync(TEvent payload, WebhookContext context, CancellationToken cancellationToken)
    {
        recorder.Events.Enqueue(new HandledEvent(typeof(TEvent), context.EventType, context.EventId, context.Body.ToArray()));
        return Task.CompletedTask;
    }
}

/// <summary>
/// A Kestrel server on a free loopback port with one endpoint per Adyen spec file (<c>/webhooks/adyen/{file}</c>), each
/// with its provider preset and the HMAC key <see cref="HmacKey"/>, and a recording handler for every payload type.
/// </summary>
public sealed class AdyenApp : IAsyncDisposable
{
    public const string HmacKey = "3B1F0A2C4D6E8F90A1B2C3D4E5F60718293A4B5C6D7E8F900112233445566778";

    private readonly WebApplication _app;

    private readonly IReadOnlyList<ResettableDeduplicationStore> _stores;

    private AdyenApp(WebApplication app, Recorder recorder, CapturingLoggerProvider logs, IReadOnlyList<ResettableDeduplicationStore> stores)
    {
        _app = app;
        _stores = stores;
        Recorder = recorder;
        Logs = logs;
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
        Client = new HttpClient { BaseAddress = new Uri(address), Timeout = TimeSpan.FromMinutes(2) };
    }

    public HttpClient Client { get; }

    public Recorder Recorder { get; }

    /// <summary>What the endpoints logged.</summary>
    internal IEnumerable<LogEntry> EndpointLogs => Logs.Of("Hooksmith.AspNetCore.Webhooks");

    internal CapturingLoggerProvider Logs { get; }

    /// <summary>Makes every endpoint's deduplication store forget what it has seen: the next delivery is a first one.</summary>
    public void ForgetDeliveries()
    {
        foreach (var store in _stores)
        {
            store.Forget();
        }
    }

    public static async Task<AdyenApp> StartAsync(Action<HooksmithWebhookOptions>? options = null)
    {
        var recorder = new Recorder();
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { EnvironmentName = "Testing" });
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var logs = new CapturingLoggerProvider();
        builder.Logging.ClearProviders();
        builder.Logging.SetMinimumLevel(LogLevel.Debug);
        builder.Logging.AddProvider(logs);
        builder.Services.AddSingleton(recorder);

        var add = typeof(HooksmithWebhooksServiceCollectionExtensions).GetMethods()
            .Single(m => m.Name == nameof(HooksmithWebhooksServiceCollectionExtensions.AddHooksmithWebhooks) && m.GetParameters().Length == 3);
        var stores = new List<ResettableDeduplicationStore>();
        foreach (var endpoint in AdyenCorpus.Endpoints)
        {
            Action<HooksmithWebhookOptions> configure = o =>
            {
                o.UseProvider(endpoint.Provider);
                // The typed classic webhooks' providers are no preset: their scheme is said here.
                o.SignatureScheme = endpoint.IsClassic ? WebhookSignatureScheme.AdyenItemHmac : WebhookSignatureScheme.AdyenHmac;
                o.Secrets = [HmacKey];
                options?.Invoke(o);
            };
            // Registered before the endpoint's own (which is only added when none is).
            var store = new ResettableDeduplicationStore();
            stores.Add(store);
            builder.Services.AddKeyedSingleton<IWebhookDeduplicationStore>(endpoint.Name, store);
            add.MakeGenericMethod(endpoint.File.Table.GetType()).Invoke(null, [builder.Services, endpoint.Name, configure]);
        }

        foreach (var payloadType in AdyenCorpus.Files.SelectMany(f => f.Table.Events).Select(e => e.PayloadType).Distinct())
        {
            var handlerType = typeof(RecordingHandler<>).MakeGenericType(payloadType);
            builder.Services.AddScoped(typeof(IWebhookHandler<>).MakeGenericType(payloadType), handlerType);
        }

        var app = builder.Build();
        try
        {
            var map = typeof(HooksmithWebhooksEndpointRouteBuilderExtensions).GetMethods()
                .Single(m => m.Name == nameof(HooksmithWebhooksEndpointRouteBuilderExtensions.MapHooksmithWebhooks) && m.GetParameters().Length == 3);
            foreach (var endpoint in AdyenCorpus.Endpoints)
            {
                map.MakeGenericMethod(endpoint.File.Table.GetType()).Invoke(null, [(IEndpointRouteBuilder)app, endpoint.Route, endpoint.Name]);
            }

            await app.StartAsync();
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }

        return new AdyenApp(app, recorder, logs, stores);
    }

    /// <summary>Posts a body to a file's endpoint as Adyen sends it (see the other overload).</summary>
    public Task<(int Status, string Body, byte[] Sent)> PostAsync(AdyenCorpus.SpecFile file, byte[] body, bool sign = true)
        => PostAsync(AdyenCorpus.Endpoints.First(e => e.File == file), body, sign);

    /// <summary>Posts a body as Adyen sends it: classic items signed each, other bodies with the <c>HmacSignature</c> header.</summary>
    public async Task<(int Status, string Body, byte[] Sent)> PostAsync(AdyenCorpus.Endpoint endpoint, byte[] body, bool sign = true)
    {
        var sent = sign && endpoint.IsClassic ? WebhookTestSigner.SignAdyenClassicBatch(body, HmacKey) : body;
        using var request = new HttpRequestMessage(HttpMethod.Post, endpoint.Route) { Content = new ByteArrayContent(sent) };
        request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        if (sign && !endpoint.IsClassic)
        {
            request.Headers.TryAddWithoutValidation(AdyenHmacSignatureVerifier.SignatureHeaderName, WebhookTestSigner.AdyenHmacSignature(sent, HmacKey));
        }

        using var response = await Client.SendAsync(request);
        return ((int)response.StatusCode, await response.Content.ReadAsStringAsync(), sent);
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
