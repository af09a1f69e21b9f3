using System;
using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;

namespace Hooksmith.Webhooks;

/// <summary>
/// The events one provider sends, each with the model its payload binds to. The generator writes one
/// per namespace that has events (<c>VoucherifyEvents</c>), from an OpenAPI document's <c>webhooks</c> or
/// from schema files tagged with an event name.
/// </summary>
public abstract class WebhookEventTable
{
    /// <summary>Every event, in a stable order.</summary>
    public abstract IReadOnlyList<WebhookEventDescriptor> Events { get; }

    /// <summary>
    /// The generated interface with one method per event (<c>IVoucherifyEventHandlers</c>): a service of
    /// this type handles every event that has no <see cref="IWebhookHandler{TEvent}"/> of its own.
    /// </summary>
    public abstract Type ExhaustiveHandlerType { get; }

    /// <summary>The event with a given type name, such as <c>customer.order.updated</c>.</summary>
    public abstract bool TryGet(string eventType, [NotNullWhen(true)] out WebhookEventDescriptor? descriptor);
}

/// <summary>A generated event table, reachable through its type (<c>AddHooksmithWebhooks&lt;VoucherifyEvents&gt;()</c>).</summary>
/// <typeparam name="TSelf">The table's type.</typeparam>
public interface IWebhookEventTable<TSelf>
    where TSelf : WebhookEventTable, IWebhookEventTable<TSelf>
{
    /// <summary>The table.</summary>
    static abstract TSelf Instance { get; }
}
