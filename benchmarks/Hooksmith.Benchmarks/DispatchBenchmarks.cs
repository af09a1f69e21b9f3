using System;
using System.IO;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using BenchmarkDotNet.Attributes;
using Hooksmith.Benchmarks.Dto;
using Hooksmith.Benchmarks.Voucherify;
using Hooksmith.Webhooks;

namespace Hooksmith.Benchmarks;

/// <summary>
/// A whole delivery of the seed webhook without a host (issue 6's (g)): the Voucherify signature over the
/// raw body, the envelope, in-memory deduplication, validation and binding of <c>data</c>, and a handler
/// that does nothing. The baseline is System.Text.Json source-generated deserialization of the same
/// envelope's data, as in <see cref="BindingBenchmarks"/>.
/// </summary>
/// <remarks>
/// Every delivery carries an event id of its own, so that deduplication takes the path of a new event: the
/// bodies are signed once in setup and used in turn, and the store keeps fewer entries than there are bodies,
/// so an id has been evicted by the time its body comes round again.
/// </remarks>
[MemoryDiagnoser]
public class DispatchBenchmarks
{
    private const string Secret = "benchmark-secret";
    private const int Bodies = 4096;

    private byte[][] _bodies = [];
    private DictionaryWebhookHeaders[] _headers = [];
    private byte[] _data = [];
    private WebhookReceiver _receiver = null!;
    private IServiceProvider _services = null!;
    private int _next;

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

        _receiver = new WebhookReceiver(VoucherifyEvents.Instance, new WebhookReceiverOptions
        {
            SignatureVerifier = new VoucherifySignatureVerifier([Secret]),
            Deduplication = new InMemoryDeduplicationStore(new InMemoryDeduplicationStoreOptions { MaxEntries = Bodies / 4 }),
        });
        _services = new HandlerOnly();
    }

    [Benchmark(Baseline = true, Description = "STJ source-gen deserialize of data (no validation)")]
    public CustomerOrderUpdatedDto? StjSourceGen() => BindingBenchmarks.DeserializeDto(_data);

    [Benchmark(Description = "Hooksmith receive: signature, envelope, dedup, validate, bind, no-op handler")]
    public async Task<WebhookOutcome> HooksmithReceive()
    {
        var i = _next;
        _next = (i + 1) % Bodies;
        var receipt = await _receiver.ReceiveAsync(_bodies[i], _headers[i], _services).ConfigureAwait(false);
        return receipt.Outcome;
    }

    /// <summary>Receives every body once and says whether each was handled: the benchmark measures what it claims.</summary>
    public static int Check()
    {
        var bench = new DispatchBenchmarks();
        bench.Setup();
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
        return 0;
    }

    /// <summary>The services the receiver asks for: a handler for the one event, nothing else.</summary>
    private sealed class HandlerOnly : IServiceProvider
    {
        private static readonly NoOpHandler Handler = new();

        public object? GetService(Type serviceType) => serviceType == typeof(IWebhookHandler<CustomerOrderUpdated>) ? Handler : null;
    }

    private sealed class NoOpHandler : IWebhookHandler<CustomerOrderUpdated>
    {
        public Task HandleAsync(CustomerOrderUpdated payload, WebhookContext context, CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
