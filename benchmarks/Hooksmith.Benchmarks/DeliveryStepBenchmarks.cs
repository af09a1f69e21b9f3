using System;
using System.Diagnostics;
using System.IO;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using BenchmarkDotNet.Attributes;
using Hooksmith.Benchmarks.Dto;
using Hooksmith.Benchmarks.Voucherify;
using Hooksmith.Serialization;
using Hooksmith.Validation;
using Hooksmith.Webhooks;
using WebhookEnvelope = Hooksmith.Webhooks.WebhookEnvelope;

namespace Hooksmith.Benchmarks;

/// <summary>
/// The seed delivery of <see cref="DispatchBenchmarks"/> taken apart: each step the receiver takes, on its own, through
/// the public API the receiver itself calls, so that the whole delivery's time can be laid out step by step. The baseline
/// is the same as the delivery's: System.Text.Json source-generated deserialization of the envelope's <c>data</c>.
/// </summary>
/// <remarks>
/// The steps do not add up exactly to the delivery: the delivery also pays for what joins them (its async methods, the
/// telemetry calls, the receipt), which <see cref="DispatchBenchmarks"/> measures as a whole.
/// </remarks>
[MemoryDiagnoser]
public class DeliveryStepBenchmarks
{
    private const string Secret = "benchmark-secret";
    private const int Keys = 4096;

    private byte[] _body = [];
    private byte[] _data = [];
    private DictionaryWebhookHeaders _headers = null!;
    private VoucherifySignatureVerifier _verifier = null!;
    private InMemoryDeduplicationStore _store = null!;
    private string[] _keys = [];
    private int _nextKey;
    private WebhookEnvelope _envelope;
    private WebhookEventDescriptor _descriptor = null!;
    private CustomerOrderUpdated _payload = null!;
    private IWebhookHandler<CustomerOrderUpdated> _handler = null!;
    private IServiceProvider _services = null!;

    [GlobalSetup]
    public void Setup()
    {
        _body = File.ReadAllBytes(Path.Combine(Payloads.BaseDirectory, "payloads", "customer.order.updated.json"));
        using (var document = JsonDocument.Parse(_body))
        {
            _data = Encoding.UTF8.GetBytes(document.RootElement.GetProperty("data").GetRawText());
        }

        _headers = WebhookTestSigner.VoucherifyHeaders(_body, Secret);
        _verifier = new VoucherifySignatureVerifier([Secret]);
        _store = new InMemoryDeduplicationStore(new InMemoryDeduplicationStoreOptions { MaxEntries = Keys / 4 });
        _keys = new string[Keys];
        for (var i = 0; i < Keys; i++)
        {
            _keys[i] = $"evt_benchmark_{i:D5}";
        }

        VoucherifyEnvelopeFormat.Instance.TryRead(_body, out _envelope);
        VoucherifyEvents.Instance.TryGet(_envelope.EventType, out var descriptor);
        _descriptor = descriptor!;
        CustomerOrderUpdated.TryParse(_envelope.PayloadOf(_body), out var payload, out _);
        _payload = payload!;
        _handler = new NoOpHandler();
        _services = new HandlerOnly(_handler);
    }

    [Benchmark(Baseline = true, Description = "STJ source-gen deserialize of data (no validation)")]
    public CustomerOrderUpdatedDto? StjSourceGen() => BindingBenchmarks.DeserializeDto(_data);

    [Benchmark(Description = "step: Voucherify signature (HMAC-SHA256 over the 2 KB body)")]
    public SignatureStatus Signature() => _verifier.Verify(_body, _headers).Status;

    [Benchmark(Description = "step: envelope read (event type, ids, created_at, data's location)")]
    public int Envelope()
    {
        VoucherifyEnvelopeFormat.Instance.TryRead(_body, out var envelope);
        return envelope.PayloadLength;
    }

    [Benchmark(Description = "step: event lookup")]
    public WebhookEventDescriptor? EventLookup()
    {
        VoucherifyEvents.Instance.TryGet(_envelope.EventType, out var descriptor);
        return descriptor;
    }

    [Benchmark(Description = "step: dedup claim + complete (in memory, a new key each time)")]
    public DeduplicationStatus Deduplication()
    {
        var i = _nextKey;
        _nextKey = (i + 1) % Keys;
        var claim = _store.TryBeginAsync(_keys[i]).GetAwaiter().GetResult();
        _store.CompleteAsync(claim).GetAwaiter().GetResult();
        return claim.Status;
    }

    [Benchmark(Description = "step: parse + validate + bind of data")]
    public bool ParseValidateBind() => JsonModel.TryParse<CustomerOrderUpdated>(_envelope.PayloadOf(_body), ValidationOptions.Default, out _, out _);

    [Benchmark(Description = "step: handler lookup and call (context, no-op handler)")]
    public Task HandlerCall()
    {
        var handler = (IWebhookHandler<CustomerOrderUpdated>)_services.GetService(typeof(IWebhookHandler<CustomerOrderUpdated>))!;
        return handler.HandleAsync(_payload, new WebhookContext(_envelope, _body, _headers, ValidationResult.Valid), CancellationToken.None);
    }

    [Benchmark(Description = "step: receipt")]
    public WebhookReceipt Receipt()
        => new() { Outcome = WebhookOutcome.Handled, EventType = _envelope.EventType, EventId = _envelope.DeduplicationKey, Validation = ValidationResult.Valid, Signature = SignatureResult.Valid(0) };

    [Benchmark(Description = "step: telemetry (activity, counters, handler duration; nothing listening)")]
    public long Telemetry()
    {
        using var activity = WebhookTelemetry.ActivitySource.StartActivity("webhook receive", ActivityKind.Server);
        var started = Stopwatch.GetTimestamp();
        return Stopwatch.GetTimestamp() - started + (activity is null ? 0 : 1);
    }

    [Benchmark(Description = "steps joined: the receiver without signature and validation (no verifier, descriptor's dispatch)")]
    public async Task<WebhookOutcome> Dispatch()
    {
        var receipt = await _descriptorReceiver.ProcessVerifiedAsync(_body, _headers, _services).ConfigureAwait(false);
        return receipt.Outcome;
    }

    private WebhookReceiver _descriptorReceiver = new(VoucherifyEvents.Instance);

    private sealed class HandlerOnly(IWebhookHandler<CustomerOrderUpdated> handler) : IServiceProvider
    {
        public object? GetService(Type serviceType) => serviceType == typeof(IWebhookHandler<CustomerOrderUpdated>) ? handler : null;
    }

    private sealed class NoOpHandler : IWebhookHandler<CustomerOrderUpdated>
    {
        public Task HandleAsync(CustomerOrderUpdated payload, WebhookContext context, CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
