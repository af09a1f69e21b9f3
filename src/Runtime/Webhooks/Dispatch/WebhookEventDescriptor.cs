using System;
using System.Threading;
using System.Threading.Tasks;
using Hooksmith.Serialization;
using Hooksmith.Validation;

namespace Hooksmith.Webhooks;

/// <summary>One event type: its name and how to bind its payload and hand it to a handler.</summary>
public abstract class WebhookEventDescriptor
{
    private protected WebhookEventDescriptor(string eventType, string key, Type payloadType)
    {
        ArgumentException.ThrowIfNullOrEmpty(eventType);
        ArgumentNullException.ThrowIfNull(key);
        EventType = eventType;
        Key = key;
        PayloadType = payloadType;
    }

    /// <summary>The event type, such as <c>customer.order.updated</c>.</summary>
    public string EventType { get; }

    /// <summary>The event's key in its schema file (<c>EVENTS.CUSTOMER.ORDER.UPDATED</c>), or the event type for tagged schema files.</summary>
    public string Key { get; }

    /// <summary>The payload's model type.</summary>
    public Type PayloadType { get; }

    /// <summary>Validates a payload against its schema without binding it.</summary>
    public abstract ValidationResult Validate(ReadOnlySpan<byte> payload, ValidationOptions? options = null);

    /// <summary>
    /// Validates and binds a payload, then, when it is valid or <paramref name="deliverInvalid"/> says so,
    /// hands it to its handler: an <see cref="IWebhookHandler{TEvent}"/> from <paramref name="services"/>,
    /// else the table's exhaustive handler.
    /// </summary>
    /// <param name="envelope">What the envelope format read from the body.</param>
    /// <param name="body">The raw body.</param>
    /// <param name="headers">The request headers.</param>
    /// <param name="services">Where handlers are resolved.</param>
    /// <param name="exhaustiveHandlerType">The table's exhaustive handler interface.</param>
    /// <param name="options">How the payload is validated.</param>
    /// <param name="deliverInvalid">Whether a payload that does not match its schema still goes to the handler.</param>
    /// <param name="cancellationToken">Cancels the handling.</param>
    internal abstract ValueTask<DispatchStep> DispatchAsync(WebhookEnvelope envelope, ReadOnlyMemory<byte> body, IWebhookHeaders headers, IServiceProvider services, Type exhaustiveHandlerType, ValidationOptions options, bool deliverInvalid, CancellationToken cancellationToken);

    /// <inheritdoc/>
    public override string ToString() => $"{EventType} → {PayloadType.Name}";
}

/// <summary>An event type whose payload binds to <typeparamref name="TEvent"/>.</summary>
/// <typeparam name="TEvent">The generated payload model.</typeparam>
public sealed class WebhookEventDescriptor<TEvent> : WebhookEventDescriptor
    where TEvent : ISchemaModel<TEvent>
{
    private readonly Func<object, TEvent, WebhookContext, CancellationToken, Task> _exhaustive;

    /// <summary>Creates the descriptor (generated code does this).</summary>
    /// <param name="eventType">The event type.</param>
    /// <param name="key">The event's key in its schema file.</param>
    /// <param name="exhaustive">Calls this event's method of the table's exhaustive handler interface.</param>
    public WebhookEventDescriptor(string eventType, string key, Func<object, TEvent, WebhookContext, CancellationToken, Task> exhaustive)
        : base(eventType, key, typeof(TEvent))
    {
        ArgumentNullException.ThrowIfNull(exhaustive);
        _exhaustive = exhaustive;
    }

    /// <inheritdoc/>
    public override ValidationResult Validate(ReadOnlySpan<byte> payload, ValidationOptions? options = null) => JsonModel.Validate<TEvent>(payload, options);

    internal override async ValueTask<DispatchStep> DispatchAsync(WebhookEnvelope envelope, ReadOnlyMemory<byte> body, IWebhookHeaders headers, IServiceProvider services, Type exhaustiveHandlerType, ValidationOptions options, bool deliverInvalid, CancellationToken cancellationToken)
    {
        if (!JsonModel.TryParse<TEvent>(envelope.PayloadOf(body.Span), options, out var payload, out var validation))
        {
            return new DispatchStep(DispatchStatus.NotBound, validation);
        }

        if (!validation.IsValid && !deliverInvalid)
        {
            return new DispatchStep(DispatchStatus.Withheld, validation);
        }

        var delivered = new WebhookContext(envelope, body, headers, validation);

        if (services.GetService(typeof(IWebhookHandler<TEvent>)) is IWebhookHandler<TEvent> handler)
        {
            await handler.HandleAsync(payload, delivered, cancellationToken).ConfigureAwait(false);
            return new DispatchStep(DispatchStatus.Handled, validation);
        }

        if (services.GetService(exhaustiveHandlerType) is { } handlers)
        {
            await _exhaustive(handlers, payload, delivered, cancellationToken).ConfigureAwait(false);
            return new DispatchStep(DispatchStatus.Handled, validation);
        }

        return new DispatchStep(DispatchStatus.NoHandler, validation);
    }
}

/// <summary>What <see cref="WebhookEventDescriptor.DispatchAsync"/> did.</summary>
internal readonly record struct DispatchStep(DispatchStatus Status, ValidationResult Validation);

internal enum DispatchStatus
{
    Handled = 1,
    NoHandler = 2,
    NotBound = 3,
    Withheld = 4,
}
