using System;
using System.Threading;
using System.Threading.Tasks;
using Hooksmith.Webhooks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Hooksmith.AspNetCore.Queue;

/// <summary>
/// Processes the deliveries one endpoint queued (<see cref="WebhookAcknowledgement.AfterEnqueue"/>), one at a time,
/// each in its own service scope, through <see cref="WebhookReceiver.ProcessVerifiedAsync"/>.
/// </summary>
/// <remarks>
/// Its start also checks the endpoint's options: a problem stops the host from starting.
/// On shutdown the queue is closed (new deliveries are answered 503) and what it holds is still processed; when the
/// host's shutdown timeout passes first, the running handler is cancelled and what remains is dropped, each with an
/// error in the log.
/// </remarks>
internal sealed class WebhookQueueWorker(HooksmithWebhookEndpoint endpoint, IServiceScopeFactory scopes) : IHostedService, IDisposable
{
    private readonly CancellationTokenSource _abort = new();
    private Task? _processing;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        // The endpoint's options are checked here, so that a configuration problem stops the start.
        endpoint.EnsureValid();
        _processing = Task.Run(ProcessAsync, CancellationToken.None);
        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        endpoint.Queue.Writer.TryComplete();
        if (_processing is null)
        {
            return;
        }

        using (cancellationToken.Register(static state => ((CancellationTokenSource)state!).Cancel(), _abort))
        {
            // Once aborted, what is left drains at once (each delivery is logged as dropped).
            await _processing.ConfigureAwait(false);
        }
    }

    public void Dispose() => _abort.Dispose();

    private async Task ProcessAsync()
    {
        await foreach (var delivery in endpoint.Queue.Reader.ReadAllAsync(CancellationToken.None).ConfigureAwait(false))
        {
            if (_abort.IsCancellationRequested)
            {
                HooksmithWebhookLog.QueueAbandoned(endpoint.Logger, endpoint.Name);
                await KeepAsync(delivery, "the host stopped before the delivery was processed").ConfigureAwait(false);
                continue;
            }

            await ProcessOneAsync(delivery).ConfigureAwait(false);
        }
    }

    private async Task ProcessOneAsync(QueuedDelivery delivery)
    {
        try
        {
            var scope = scopes.CreateAsyncScope();
            await using (scope.ConfigureAwait(false))
            {
                var receipt = await delivery.Receiver.ProcessVerifiedAsync(delivery.Body, delivery.Headers, scope.ServiceProvider, _abort.Token).ConfigureAwait(false);
                HooksmithWebhookLog.Receipt(endpoint.Logger, endpoint.Name, receipt);
                if (!receipt.IsAcknowledged && receipt.Outcome != WebhookOutcome.InProgress)
                {
                    // InProgress means another delivery of the event is being processed: that one will finish it.
                    HooksmithWebhookLog.QueuedDeliveryNotProcessed(endpoint.Logger, endpoint.Name, receipt.EventType ?? "-", receipt.EventId ?? "-", receipt.Outcome);
                    await KeepAsync(delivery, receipt.Detail ?? receipt.Outcome.ToString()).ConfigureAwait(false);
                }
            }
        }
        catch (Exception exception)
        {
            // A store that cannot be reached, a cancelled shutdown: the worker goes on with the next delivery.
            HooksmithWebhookLog.QueuedDeliveryFailed(endpoint.Logger, endpoint.Name, exception);
            await KeepAsync(delivery, $"{exception.GetType().Name}: {exception.Message}").ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Keeps a delivery that was acknowledged but not processed in the dead-letter store: the provider
    /// will not send it again. A store that fails too leaves only the error in the log.
    /// </summary>
    private async Task KeepAsync(QueuedDelivery delivery, string detail)
    {
        try
        {
            var receiver = delivery.Receiver;
            receiver.Options.EnvelopeFormat.TryRead(delivery.Body, out var envelope);
            var eventType = envelope.EventType.Length == 0 ? null : envelope.EventType;
            var letter = new DeadLetter(Guid.NewGuid().ToString("N"), DateTimeOffset.UtcNow, DeadLetterReason.ProcessingFailed, detail, eventType, envelope.DeduplicationKey, delivery.Body);
            await receiver.Options.DeadLetters.StoreAsync(letter, CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception exception)
        {
            HooksmithWebhookLog.QueuedDeliveryFailed(endpoint.Logger, endpoint.Name, exception);
        }
    }
}
