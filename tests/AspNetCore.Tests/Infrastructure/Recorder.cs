using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Hooksmith.AspNetCore.Tests.Voucherify;
using Hooksmith.Validation;
using Hooksmith.Webhooks;

namespace Hooksmith.AspNetCore.Tests.Infrastructure;

/// <summary>
/// What the handlers of a test app saw, kept across requests (handlers are scoped; this is a singleton). Everything a
/// handler is given is copied while the request is alive.
/// </summary>
public sealed class Recorder
{
    /// <summary>The headers a handler writes down when present.</summary>
    public static readonly string[] RecordedHeaders = [VoucherifySignatureVerifier.SignatureHeaderName, "x-test-delivery", "content-type"];

    private readonly SemaphoreSlim _handled = new(0);
    private int _attempts;
    private int _failuresLeft;

    /// <summary>Deliveries that reached a typed handler (or the exhaustive one) and were handled.</summary>
    public ConcurrentQueue<Seen> Calls { get; } = new();

    /// <summary>Deliveries that reached the unknown-event handler.</summary>
    public ConcurrentQueue<Seen> Unknown { get; } = new();

    /// <summary>Every time a handler started, failed attempts included.</summary>
    public int Attempts => Volatile.Read(ref _attempts);

    /// <summary>Makes the next <paramref name="count"/> attempts throw.</summary>
    public void FailNext(int count) => Volatile.Write(ref _failuresLeft, count);

    /// <summary>Set when a handler starts for the first time.</summary>
    public TaskCompletionSource Entered { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Set with the first delivery handled.</summary>
    public TaskCompletionSource<Seen> FirstCall { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>When set, handlers wait for it before they finish.</summary>
    public TaskCompletionSource? Gate { get; set; }

    internal async Task HandleAsync(string via, CustomerOrderUpdated? payload, WebhookContext context, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _attempts);
        var seen = Seen.Of(via, payload, context);
        Entered.TrySetResult();
        if (Gate is { } gate)
        {
            await gate.Task.WaitAsync(cancellationToken);
        }

        if (Interlocked.Decrement(ref _failuresLeft) >= 0)
        {
            throw new InvalidOperationException("the database is down");
        }

        (payload is null ? Unknown : Calls).Enqueue(seen);
        FirstCall.TrySetResult(seen);
        _handled.Release();
    }

    /// <summary>Waits until <paramref name="count"/> deliveries in all were handled; fails after a generous timeout.</summary>
    public async Task WaitForHandledAsync(int count)
    {
        for (var i = 0; i < count; i++)
        {
            Assert.True(await _handled.WaitAsync(TimeSpan.FromSeconds(60)), $"Only {i} of {count} deliveries were handled.");
        }
    }
}

/// <summary>One delivery as a handler saw it.</summary>
public sealed record Seen(
    string Via,
    CustomerOrderUpdated? Payload,
    string EventType,
    string? EventId,
    string? DeliveryId,
    byte[] Body,
    byte[] PayloadBytes,
    IReadOnlyDictionary<string, string> Headers,
    ValidationResult Validation)
{
    public static Seen Of(string via, CustomerOrderUpdated? payload, WebhookContext context)
    {
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var name in Recorder.RecordedHeaders)
        {
            if (context.Headers.TryGetValue(name, out var value))
            {
                headers[name] = value;
            }
        }

        return new Seen(via, payload, context.EventType, context.EventId, context.DeliveryId, context.Body.ToArray(), context.Payload.ToArray(), headers, context.Validation);
    }
}

/// <summary>The typed handler of <c>customer.order.updated</c>.</summary>
public sealed class RecordingHandler(Recorder recorder) : IWebhookHandler<CustomerOrderUpdated>
{
    public Task HandleAsync(CustomerOrderUpdated payload, WebhookContext context, CancellationToken cancellationToken)
        => recorder.HandleAsync("handler", payload, context, cancellationToken);
}

/// <summary>The generated exhaustive interface, implemented.</summary>
public sealed class RecordingEventHandlers(Recorder recorder) : IVoucherifyEventHandlers
{
    public Task OnCustomerOrderUpdatedAsync(CustomerOrderUpdated payload, WebhookContext context, CancellationToken cancellationToken)
        => recorder.HandleAsync("exhaustive", payload, context, cancellationToken);
}

/// <summary>An unknown-event handler that writes down what it got.</summary>
public sealed class RecordingUnknownHandler(Recorder recorder) : IUnknownWebhookHandler
{
    public Task HandleAsync(WebhookContext context, CancellationToken cancellationToken)
        => recorder.HandleAsync("unknown", null, context, cancellationToken);
}
