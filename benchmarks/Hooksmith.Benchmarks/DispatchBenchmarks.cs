using System;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using BenchmarkDotNet.Attributes;
using Hooksmith.Benchmarks.Adyen;
using Hooksmith.Benchmarks.Dto;
using Hooksmith.Benchmarks.Voucherify;
using Hooksmith.Webhooks;

namespace Hooksmith.Benchmarks;

/// <summary>
/// A whole delivery of the seed webhook without a host (issue 6's (g)): the Voucherify signature over the
/// raw body, the envelope, in-memory deduplication, validation and binding of <c>data</c>, and a handler
/// that does nothing. The baseline is System.Text.Json source-generated deserialization of the same
/// envelope's data, as in <see cref="BindingBenchmarks"/>. The Adyen row receives a classic batch of 10 items
/// (issue 15): 10 item signatures, 10 deduplication claims, 10 validations and bindings, 10 handler calls.
/// </summary>
/// <remarks>
/// Every delivery carries an event id of its own, so that deduplication takes the path of a new event: the
/// bodies are signed once in setup and used in turn, and the store keeps fewer entries than there are bodies,
/// so an id has been evicted by the time its body comes round again. The main row goes through 4,096 bodies
/// (9 MB), so each arrives cold in the processor's caches; the parts and the baseline read one buffer over and
/// over. The warm row goes through 64 bodies (140 KB, which the caches hold), so that it and the parts differ
/// by the joining steps only, and the two delivery rows by memory only.
/// </remarks>
[MemoryDiagnoser]
public class DispatchBenchmarks
{
    private const string Secret = "benchmark-secret";
    private const int Bodies = 4096;
    private const int WarmBodies = 64;
    private const int BatchItems = 10;
    private const string AdyenKey = "6E0A9F3C1B7D42E58C9A0F1E2D3C4B5A69788796A5B4C3D2E1F00F1E2D3C4B5A";

    private byte[][] _bodies = [];
    private DictionaryWebhookHeaders[] _headers = [];
    private byte[] _data = [];
    private WebhookReceiver _receiver = null!;
    private VoucherifySignatureVerifier _verifier = null!;
    private IServiceProvider _services = null!;
    private int _next;
    private WebhookReceiver _warmReceiver = null!;
    private int _nextWarm;
    private byte[][] _batches = [];
    private WebhookReceiver _adyenReceiver = null!;
    private int _nextBatch;

    [GlobalSetup]
    public void Setup()
    {
        var envelope = File.ReadAllText(Path.Combine(Payloads.BaseDirectory, "payloads", "customer.order.updated.json"));
        using var document = JsonDocument.Parse(envelope);
        var eventId = document.RootElement.GetProperty("event").GetProperty("id").GetString()!;
        _data = Encoding.UTF8.GetBytes(document.RootElement.GetProperty("data").GetRawText());
        _bodies = new byte[Bodies][];
        _headers = new DictionaryWebhookHeaders[Bodies];
        for (var i = 0; i < Bodies; i++)
        {
            _bodies[i] = Encoding.UTF8.GetBytes(envelope.Replace(eventId, $"{eventId}_{i:D5}", StringComparison.Ordinal));
            _headers[i] = WebhookTestSigner.VoucherifyHeaders(_bodies[i], Secret);
        }

        _verifier = new VoucherifySignatureVerifier([Secret]);
        _receiver = new WebhookReceiver(VoucherifyEvents.Instance, new WebhookReceiverOptions
        {
            SignatureVerifier = _verifier,
            Deduplication = new InMemoryDeduplicationStore(new InMemoryDeduplicationStoreOptions { MaxEntries = Bodies / 4 }),
        });
        _warmReceiver = new WebhookReceiver(VoucherifyEvents.Instance, new WebhookReceiverOptions
        {
            SignatureVerifier = _verifier,
            Deduplication = new InMemoryDeduplicationStore(new InMemoryDeduplicationStoreOptions { MaxEntries = WarmBodies / 4 }),
        });
        _services = new HandlerOnly();

        // Classic batches of 10 items, each item with a pspReference of its own (a new event for deduplication) and
        // signed; as above, the store keeps fewer keys than there are items.
        var item = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(Path.Combine(Payloads.BaseDirectory, "payloads", "adyen-classic-batch.json")))!;
        var template = item["notificationItems"]![0]!;
        _batches = new byte[Bodies / 8][];
        for (var b = 0; b < _batches.Length; b++)
        {
            var items = new System.Text.Json.Nodes.JsonArray();
            for (var i = 0; i < BatchItems; i++)
            {
                var copy = template.DeepClone();
                copy["NotificationRequestItem"]!["pspReference"] = $"BENCH{b:D5}{i:D2}";
                items.Add(copy);
            }

            item["notificationItems"] = items;
            _batches[b] = WebhookTestSigner.SignAdyenClassicBatch(Encoding.UTF8.GetBytes(item.ToJsonString()), AdyenKey);
        }

        _adyenReceiver = new WebhookReceiver(AdyenEvents.Instance, new WebhookReceiverOptions
        {
            Provider = WebhookProviders.AdyenClassic,
            ItemSignatureVerifier = new AdyenItemSignatureVerifier([AdyenKey]),
            Deduplication = new InMemoryDeduplicationStore(new InMemoryDeduplicationStoreOptions { MaxEntries = _batches.Length * BatchItems / 4 }),
        });
    }

    [Benchmark(Baseline = true, Description = "STJ source-gen deserialize of data (no validation)")]
    public CustomerOrderUpdatedDto? StjSourceGen() => BindingBenchmarks.DeserializeDto(_data);

    [Benchmark(Description = "Hooksmith receive: signature, envelope, dedup, validate, bind, no-op handler")]
    public Task<WebhookOutcome> HooksmithReceive() => Receive(_receiver, Next(ref _next, Bodies));

    [Benchmark(Description = "Hooksmith receive, as above, 64 bodies in turn (warm in the caches, as the parts)")]
    public Task<WebhookOutcome> HooksmithReceiveWarm() => Receive(_warmReceiver, Next(ref _nextWarm, WarmBodies));

    private static int Next(ref int next, int count)
    {
        var i = next;
        next = (i + 1) % count;
        return i;
    }

    private async Task<WebhookOutcome> Receive(WebhookReceiver receiver, int body)
    {
        var receipt = await receiver.ReceiveAsync(_bodies[body], _headers[body], _services).ConfigureAwait(false);
        return receipt.Outcome;
    }

    // The parts of a delivery, each alone, so that the table says where a delivery's time goes.
    [Benchmark(Description = "part: Voucherify signature (HMAC-SHA256 over the whole body)")]
    public bool SignatureOnly() => _verifier.Verify(_bodies[0], _headers[0]).IsValid;

    [Benchmark(Description = "part: envelope (one reader pass over the whole body)")]
    public EnvelopeReadResult EnvelopeOnly() => VoucherifyEnvelopeFormat.Instance.TryRead(_bodies[0], out _);

    [Benchmark(Description = "part: parse + validate + bind of data")]
    public bool ParseOnly() => CustomerOrderUpdated.TryParse(_data, out _, out _);

    [Benchmark(Description = "Hooksmith receive: Adyen classic batch of 10 items, each verified, deduplicated, validated, bound, handled")]
    public async Task<WebhookOutcome> HooksmithReceiveAdyenBatch()
    {
        var i = _nextBatch;
        _nextBatch = (i + 1) % _batches.Length;
        var receipt = await _adyenReceiver.ReceiveAsync(_batches[i], NoHeaders, _services).ConfigureAwait(false);
        return receipt.Items is { Count: BatchItems } items && items.All(r => r.Outcome == WebhookOutcome.Handled) ? receipt.Outcome : WebhookOutcome.Rejected;
    }

    private static readonly DictionaryWebhookHeaders NoHeaders = new();

    /// <summary>Receives every body once and says whether each was handled: the benchmark measures what it claims.</summary>
    public static int Check()
    {
        var bench = new DispatchBenchmarks();
        bench.Setup();
        if (!bench.SignatureOnly() || bench.EnvelopeOnly() != EnvelopeReadResult.Read || !bench.ParseOnly())
        {
            Console.WriteLine("Dispatch: a part of the delivery (signature, envelope, parse of data) did not succeed alone");
            return 1;
        }

        for (var round = 0; round < 2; round++)
        {
            for (var i = 0; i < Bodies; i++)
            {
                var outcome = bench.HooksmithReceive().GetAwaiter().GetResult();
                if (outcome != WebhookOutcome.Handled)
                {
                    Console.WriteLine($"Dispatch: delivery {i} of round {round} was {outcome}, not Handled");
                    return 1;
                }
            }
        }

        Console.WriteLine($"Dispatch: {2 * Bodies} deliveries of {Bodies} signed bodies, each handled once per round");

        for (var i = 0; i < 4 * WarmBodies; i++)
        {
            var outcome = bench.HooksmithReceiveWarm().GetAwaiter().GetResult();
            if (outcome != WebhookOutcome.Handled)
            {
                Console.WriteLine($"Dispatch: warm delivery {i} was {outcome}, not Handled");
                return 1;
            }
        }

        Console.WriteLine($"Dispatch: {4 * WarmBodies} deliveries of {WarmBodies} signed bodies, each handled once per round");

        for (var round = 0; round < 2; round++)
        {
            for (var i = 0; i < bench._batches.Length; i++)
            {
                var outcome = bench.HooksmithReceiveAdyenBatch().GetAwaiter().GetResult();
                if (outcome != WebhookOutcome.Handled)
                {
                    Console.WriteLine($"Dispatch: Adyen batch {i} of round {round} was {outcome}, not 10 items handled");
                    return 1;
                }
            }
        }

        Console.WriteLine($"Dispatch: {2 * bench._batches.Length} Adyen classic batches of {BatchItems} signed items, every item handled once per round");
        return 0;
    }

    /// <summary>The services the receiver asks for: a handler for the one event, nothing else.</summary>
    private sealed class HandlerOnly : IServiceProvider
    {
        private static readonly NoOpHandler Handler = new();

        private static readonly NoOpAdyenHandler AdyenHandler = new();

        public object? GetService(Type serviceType)
            => serviceType == typeof(IWebhookHandler<CustomerOrderUpdated>) ? Handler : serviceType == typeof(IWebhookHandler<Notification>) ? AdyenHandler : null;
    }

    private sealed class NoOpAdyenHandler : IWebhookHandler<Notification>
    {
        public Task HandleAsync(Notification payload, WebhookContext context, CancellationToken cancellationToken) => Task.CompletedTask;
    }

    private sealed class NoOpHandler : IWebhookHandler<CustomerOrderUpdated>
    {
        public Task HandleAsync(CustomerOrderUpdated payload, WebhookContext context, CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
