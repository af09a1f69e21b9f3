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
        await RecoverPendingAsync().ConfigureAwait(false);
        await foreach (var delivery in endpoint.Queue.Reader.ReadAllAsync(CancellationToken.None).ConfigureAwait(false))
        {
            if (_abort.IsCancellationRequested)
            {
                // Its pending letter stays: the next start processes it.
                HooksmithWebhookLog.QueueAbandoned(endpoint.Logger, endpoint.Name);
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
                if (receipt.IsAcknowledged)
                {
                    await ForgetPendingAsync(delivery).ConfigureAwait(false);
                }
                else if (receipt.Outcome != WebhookOutcome.InProgress)
                {
                    HooksmithWebhookLog.QueuedDeliveryNotProcessed(endpoint.Logger, endpoint.Name, receipt.EventType ?? "-", receipt.EventId ?? "-", receipt.Outcome);
                    await KeepAsync(delivery, receipt.Detail ?? receipt.Outcome.ToString()).ConfigureAwait(false);
                }

                // InProgress: another delivery of the event is being processed and will finish it. The pending letter
                // stays until the next start, which processes it again and finds it a duplicate.
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
    /// Keeps a delivery that was acknowledged but not processed in the dead-letter store (the provider will not send it
    /// again), then drops its pending letter, in that order: a crash in between leaves both, never neither. A store
    /// that fails leaves the pending letter, processed again at the next start, and the error in the log.
    /// </summary>
    private async Task KeepAsync(QueuedDelivery delivery, string detail)
    {
        try
        {
            var receiver = delivery.Receiver;
            receiver.Options.EnvelopeFormat.TryRead(delivery.Body, out var envelope);
            var eventType = envelope.EventType.Length == 0 ? null : envelope.EventType;
            var letter = new DeadLetter(Guid.NewGuid().ToString("N"), DateTimeOffset.UtcNow, DeadLetterReason.ProcessingFailed, detail, eventType, envelope.DeduplicationKey, delivery.Body);
            if (await receiver.Options.DeadLetters.StoreAsync(letter, CancellationToken.None).ConfigureAwait(false))
            {
                await receiver.Options.DeadLetters.RemoveAsync(delivery.PendingLetterId, CancellationToken.None).ConfigureAwait(false);
            }
        }
        catch (Exception exception)
        {
            HooksmithWebhookLog.QueuedDeliveryFailed(endpoint.Logger, endpoint.Name, exception);
        }
    }

    private async Task ForgetPendingAsync(QueuedDelivery delivery)
    {
        try
        {
            await delivery.Receiver.Options.DeadLetters.RemoveAsync(delivery.PendingLetterId, CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception exception)
        {
            // Left behind, it is processed again at the next start and found a duplicate.
            HooksmithWebhookLog.QueuedDeliveryFailed(endpoint.Logger, endpoint.Name, exception);
        }
    }

    /// <summary>
    /// Processes the deliveries a previous run acknowledged and did not finish (a crash, a shutdown that timed out):
    /// their pending letters are still in the store. They go through deduplication like any delivery, so one that
    /// was handled just before the crash is found a duplicate when the deduplication store outlived the process too.
    /// Their headers were not kept.
    /// </summary>
    private async Task RecoverPendingAsync()
    {
        try
        {
            if (endpoint.CurrentReceiver() is not { } receiver)
            {
                return;
            }

            var letters = await receiver.Options.DeadLetters.ListAsync(CancellationToken.None).ConfigureAwait(false);
            foreach (var letter in letters)
            {
                if (letter.Reason != DeadLetterReason.Pending || _abort.IsCancellationRequested)
                {
                    continue;
                }

                HooksmithWebhookLog.PendingDeliveryRecovered(endpoint.Logger, endpoint.Name, letter.EventType ?? "-", letter.EventId ?? "-", letter.Id);
                await ProcessOneAsync(new QueuedDelivery(receiver, letter.Body.ToArray(), new DictionaryWebhookHeaders(), letter.Id)).ConfigureAwait(false);
            }
        }
        catch (Exception exception)
        {
            HooksmithWebhookLog.QueuedDeliveryFailed(endpoint.Logger, endpoint.Name, exception);
        }
    }
}
