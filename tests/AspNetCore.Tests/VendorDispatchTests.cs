using System;
using System.Collections.Concurrent;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Reflection;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Hooksmith.AspNetCore.Tests.Infrastructure;
using Hooksmith.Webhooks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
#if VENDOR_CORPUS
using Hooksmith.AspNetCore.Tests.Vendor;
#endif

namespace Hooksmith.AspNetCore.Tests;

/// <summary>
/// Every example payload of Voucherify's published OpenAPI file, wrapped in the v2024-01-01 envelope and
/// signed, goes through the real endpoint to the handler of its own generated type (issue 5's dispatch).
/// </summary>
public sealed class VendorDispatchTests
{
#if VENDOR_CORPUS
    private const string Secret = "vendor-dispatch-secret";

    [Fact]
    public async Task Every_vendor_example_reaches_the_handler_of_its_type_through_the_endpoint()
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { EnvironmentName = "Testing" });
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton<Deliveries>();
        builder.Services.AddHooksmithWebhooks<VendorEvents>(o =>
        {
            o.Secrets = [Secret];
            o.AssertFormats = true;  // as the reference validator did
        });

        // One open generic handler serves all 72 payload types: the dispatcher asks DI for IWebhookHandler<T>.
        builder.Services.AddScoped(typeof(IWebhookHandler<>), typeof(AnyEventHandler<>));
        await using var app = builder.Build();
        app.MapHooksmithWebhooks<VendorEvents>("/webhooks/voucherify");
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        using var client = new HttpClient { BaseAddress = new Uri(address) };
        var deliveries = app.Services.GetRequiredService<Deliveries>();

        var spec = typeof(VendorDispatchTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "VoucherifyVendorSpec").Value!;
        using var document = JsonDocument.Parse(File.ReadAllBytes(spec));
        using var reference = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(Path.GetDirectoryName(spec)!, "expected-validation.json")));
        var verdicts = reference.RootElement.GetProperty("results").EnumerateArray()
            .ToDictionary(r => r.GetProperty("webhook").GetString() + "#" + r.GetProperty("example").GetString(), r => r.GetProperty("valid").GetBoolean());
        var dispatched = 0;
        foreach (var webhook in document.RootElement.GetProperty("webhooks").EnumerateObject())
        {
            var descriptor = VendorEvents.Instance.Events.Single(e => e.Key == webhook.Name);
            var examples = webhook.Value.GetProperty("post").GetProperty("requestBody").GetProperty("content").GetProperty("application/json").GetProperty("examples");
            foreach (var example in examples.EnumerateObject())
            {
                var eventId = TestPayloads.NewEventId();
                var body = TestPayloads.Envelope(descriptor.EventType, eventId, example.Value.GetProperty("value").GetRawText());
                using var request = new HttpRequestMessage(HttpMethod.Post, "/webhooks/voucherify") { Content = new ByteArrayContent(body) };
                request.Headers.TryAddWithoutValidation(VoucherifySignatureVerifier.SignatureHeaderName, WebhookTestSigner.VoucherifySignature(body, Secret));

                using var response = await client.SendAsync(request);

                var answer = await response.Content.ReadAsStringAsync();
                Assert.True(response.StatusCode == HttpStatusCode.OK, $"{webhook.Name}: {(int)response.StatusCode} {answer}");
                Assert.True(deliveries.ByEventId.TryGetValue(eventId, out var seen), $"{webhook.Name}: no handler saw event {eventId}");
                Assert.Equal((descriptor.EventType, descriptor.PayloadType), (seen.EventType, seen.PayloadType));

                // The default policy hands invalid payloads over too, with the verdict the reference gave.
                Assert.True(verdicts[webhook.Name + "#" + example.Name] == seen.Valid, $"{webhook.Name}: handler saw valid={seen.Valid}, the reference says {verdicts[webhook.Name + "#" + example.Name]}");
                dispatched++;
            }
        }

        Assert.Equal(72, dispatched);
        Assert.Equal(72, deliveries.ByEventId.Count);
        await app.StopAsync();
    }

    /// <summary>What the handlers saw, by event id.</summary>
    private sealed class Deliveries
    {
        public ConcurrentDictionary<string, (string EventType, Type PayloadType, bool Valid)> ByEventId { get; } = new(StringComparer.Ordinal);
    }

    private sealed class AnyEventHandler<TEvent>(Deliveries deliveries) : IWebhookHandler<TEvent>
    {
        public Task HandleAsync(TEvent payload, WebhookContext context, CancellationToken cancellationToken)
        {
            Assert.NotNull(payload);
            deliveries.ByEventId[context.EventId!] = (context.EventType, typeof(TEvent), context.Validation.IsValid);
            return Task.CompletedTask;
        }
    }
#else
    [Fact]
    public void The_vendor_spec_is_needed()
        => Assert.Fail("../shared/corpus/voucherify/OpenAPIWebhooks.json was not beside the repository when this project was built; these tests need ../shared.");
#endif
}
