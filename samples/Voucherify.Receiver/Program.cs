using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Threading.Tasks;
using Hooksmith.AspNetCore;
using Hooksmith.Redis;
using Hooksmith.Samples.Adyen;
using Hooksmith.Samples.Voucherify;
using Hooksmith.Webhooks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Configuration.Memory;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

// The webhook receiver: an ASP.NET Core app with two Hooksmith endpoints, Voucherify's at /webhooks/voucherify and
// Adyen's classic notifications at /webhooks/adyen, each with its own secret.
//
//   dotnet run --project samples/Voucherify.Receiver                  starts on a free loopback port, posts the signed
//                                                                      seed event to itself, prints what the handler saw
//   dotnet run --project samples/Voucherify.Receiver -- file.json     the same with another webhook body
//   dotnet run --project samples/Voucherify.Receiver -- adyen [file.json]
//                                                                      the same with an Adyen classic batch, each item
//                                                                      signed with the configured HMAC key
//   dotnet run --project samples/Voucherify.Receiver -- serve [--urls http://127.0.0.1:5080]
//                                                                      serves both endpoints until Ctrl+C
//
// Voucherify's secret comes from configuration (Hooksmith:Secrets:0, environment variable Hooksmith__Secrets__0), with
// the demo secret below as the default; so do the endpoint's options (Hooksmith:Acknowledge=AfterEnqueue) and the
// folder that keeps dead letters (Hooksmith:DeadLetterFolder), and the Redis that deduplicates across instances
// (Hooksmith:Redis). Adyen's HMAC key (hex) is Hooksmith:Adyen:HmacKey
// (Hooksmith__Adyen__HmacKey), the demo key below by default; its endpoint's options are under Hooksmith:Adyen.
const string Route = "/webhooks/voucherify";
const string AdyenRoute = "/webhooks/adyen";
const string DemoSecret = "hooksmith-demo-secret";
const string DemoAdyenKey = "6E0A9F3C1B7D42E58C9A0F1E2D3C4B5A69788796A5B4C3D2E1F00F1E2D3C4B5A";

var serve = args.Length > 0 && args[0] == "serve";
var adyen = args.Length > 0 && args[0] == "adyen";
return serve ? await ServeAsync(args[1..]) : adyen ? await AdyenDemoAsync(args[1..]) : await DemoAsync(args);

// Runs until Ctrl+C.
static async Task<int> ServeAsync(string[] args)
{
    await using var app = Build(args, demo: false);
    app.Lifetime.ApplicationStarted.Register(() =>
    {
        foreach (var address in Addresses(app))
        {
            Console.WriteLine($"Receiving Voucherify webhooks at {address.TrimEnd('/')}{Route} and Adyen's at {address.TrimEnd('/')}{AdyenRoute}; Ctrl+C stops.");
        }
    });
    await app.RunAsync();
    return 0;
}

// Starts on a free loopback port, posts one signed delivery to itself over HTTP, prints the answer, and stops.
static async Task<int> DemoAsync(string[] args)
{
    var body = args.Length > 0 ? File.ReadAllBytes(args[0]) : EmbeddedPayload("customer.order.updated.json");
    await using var app = Build([], demo: true);
    await app.StartAsync();
    try
    {
        // Signed as Voucherify signs: the hex HMAC-SHA256 of the body, keyed with the endpoint's secret.
        var secret = app.Configuration["Hooksmith:Secrets:0"] ?? DemoSecret;
        using var client = new HttpClient { BaseAddress = new Uri(Addresses(app).First()) };
        using var request = new HttpRequestMessage(HttpMethod.Post, Route) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.Add(VoucherifySignatureVerifier.SignatureHeaderName, WebhookTestSigner.VoucherifySignature(body, secret));

        Console.WriteLine($"POST {Route} on a loopback Kestrel server: {body.Length} bytes, signed with the configured secret");
        using var response = await client.SendAsync(request);
        using var answer = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var outcome = answer.RootElement.GetProperty("outcome").GetString();
        var detail = answer.RootElement.GetProperty("detail").GetString();
        Console.WriteLine($"Response: {(int)response.StatusCode} {outcome}" + (response.IsSuccessStatusCode || detail is null ? string.Empty : $" ({detail})"));
        return response.IsSuccessStatusCode ? 0 : 1;
    }
    catch (Exception exception) when (exception is HttpRequestException or JsonException or KeyNotFoundException)
    {
        Console.Error.WriteLine($"The delivery failed: {exception.Message}");
        return 1;
    }
    finally
    {
        await app.StopAsync();
    }
}

// Starts on a free loopback port, posts one classic Adyen batch to itself with every item signed, prints the answer.
static async Task<int> AdyenDemoAsync(string[] args)
{
    var unsigned = args.Length > 0 ? File.ReadAllBytes(args[0]) : EmbeddedPayload("adyen-classic-batch.json");
    await using var app = Build([], demo: true);
    await app.StartAsync();
    try
    {
        // Signed as Adyen signs: each item's additionalData.hmacSignature over its colon-joined fields, hex key.
        var body = WebhookTestSigner.SignAdyenClassicBatch(unsigned, AdyenHmacKey(app.Configuration));
        using var client = new HttpClient { BaseAddress = new Uri(Addresses(app).First()) };
        using var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");

        Console.WriteLine($"POST {AdyenRoute} on a loopback Kestrel server: {body.Length} bytes, each item signed with the configured HMAC key");
        using var response = await client.PostAsync(AdyenRoute, content);
        Console.WriteLine($"Response: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return response.IsSuccessStatusCode ? 0 : 1;
    }
    catch (Exception exception) when (exception is HttpRequestException or ArgumentException)
    {
        Console.Error.WriteLine($"The delivery failed: {exception.Message}");
        return 1;
    }
    finally
    {
        await app.StopAsync();
    }
}

static string AdyenHmacKey(IConfiguration configuration)
    => configuration["Hooksmith:Adyen:HmacKey"] is { Length: > 0 } key ? key : DemoAdyenKey;

static WebApplication Build(string[] args, bool demo)
{
    var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });

    // Embedded defaults, under everything else (appsettings.json, environment variables, the command line).
    builder.Configuration.Sources.Insert(0, new MemoryConfigurationSource
    {
        InitialData = new Dictionary<string, string?>
        {
            ["Hooksmith:Secrets:0"] = DemoSecret,
            ["urls"] = "http://127.0.0.1:5080",
        },
    });

    if (demo)
    {
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.AddFilter("Microsoft", LogLevel.Error).AddFilter("Hooksmith", LogLevel.Warning);
    }
    else
    {
        // Hooksmith's own lines (received, handled, rejected…) and the host's; not every request of ASP.NET Core.
        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
    }

    builder.Services.AddSingleton(Console.Out);
    var webhooks = builder.Services.AddHooksmithWebhooks<VoucherifyEvents>()
        .BindConfiguration(builder.Configuration.GetSection("Hooksmith"))
        .AddHandler<CustomerOrderUpdated, OrderUpdatedHandler>()
        .AddUnknownEventHandler<UnknownEventPrinter>();

    // Dead letters (and, with Hooksmith:Acknowledge=AfterEnqueue, deliveries acknowledged but not yet processed) kept
    // in a folder, so that they outlive the process: Hooksmith:DeadLetterFolder=/var/lib/receiver/dead-letters.
    if (builder.Configuration["Hooksmith:DeadLetterFolder"] is { Length: > 0 } folder)
    {
        webhooks.UseDeadLetterStore(new FileSystemDeadLetterStore(folder));
    }

    // Deduplication shared by every instance that names the same Redis (Hooksmith:Redis=127.0.0.1:6379), instead of
    // each instance's memory. The connection keeps retrying while Redis is away; deliveries meanwhile are answered 503.
    if (builder.Configuration["Hooksmith:Redis"] is { Length: > 0 } redis)
    {
        var connection = StackExchange.Redis.ConnectionMultiplexer.Connect(redis + ",abortConnect=false");
        builder.Services.AddSingleton<StackExchange.Redis.IConnectionMultiplexer>(connection);
        webhooks.UseDeduplicationStore(new RedisDeduplicationStore(connection));
    }
    // The second endpoint: Adyen's classic notifications, a batch per delivery, each item signed on its own with the
    // HMAC key and answered [accepted]. Its own name, secret and stores; its options under Hooksmith:Adyen.
    var adyen = builder.Configuration.GetSection("Hooksmith:Adyen");
    builder.Services.AddHooksmithWebhooks<AdyenEvents>("Adyen", options => options.UseProvider(WebhookProviders.AdyenClassic))
        .BindConfiguration(adyen)
        .Configure(options => options.Secrets = [AdyenHmacKey(builder.Configuration)])
        .AddHandler<Notification, AdyenNotificationHandler>();

    var app = builder.Build();
    app.MapHooksmithWebhooks<VoucherifyEvents>(Route);
    app.MapHooksmithWebhooks<AdyenEvents>(AdyenRoute, "Adyen");
    return app;
}

static IEnumerable<string> Addresses(WebApplication app)
    => app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];

static byte[] EmbeddedPayload(string name)
{
    using var stream = typeof(VoucherifyEvents).Assembly.GetManifestResourceStream(name)
        ?? throw new InvalidOperationException($"The sample payload '{name}' is not embedded.");
    using var buffer = new MemoryStream();
    stream.CopyTo(buffer);
    return buffer.ToArray();
}
