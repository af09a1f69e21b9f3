using System;
using System.Diagnostics.CodeAnalysis;
using System.Linq;
using Hooksmith.AspNetCore.Configuration;
using Hooksmith.Webhooks;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Hooksmith.AspNetCore;

/// <summary>
/// Registers the handlers and stores of the webhook endpoint for <typeparamref name="TEvents"/>; returned by
/// <see cref="HooksmithWebhooksServiceCollectionExtensions.AddHooksmithWebhooks{TEvents}(IServiceCollection, Action{HooksmithWebhookOptions}?)"/>.
/// </summary>
/// <typeparam name="TEvents">The generated event table, such as <c>VoucherifyEvents</c>.</typeparam>
/// <example>
/// <code>
/// builder.Services.AddHooksmithWebhooks&lt;VoucherifyEvents&gt;(o =&gt; o.Secrets = ["…"])
///     .AddHandler&lt;CustomerOrderUpdated, OrderUpdatedHandler&gt;()
///     .AddUnknownEventHandler&lt;LogUnknown&gt;();
/// </code>
/// </example>
public sealed class HooksmithWebhooksBuilder<TEvents>
    where TEvents : WebhookEventTable, IWebhookEventTable<TEvents>
{
    internal HooksmithWebhooksBuilder(IServiceCollection services, string name)
    {
        Services = services;
        Name = name;
    }

    /// <summary>The name of the endpoint's options when none is given: the full name of <typeparamref name="TEvents"/>.</summary>
    public static string DefaultName { get; } = typeof(TEvents).FullName ?? typeof(TEvents).Name;

    /// <summary>The services being configured.</summary>
    public IServiceCollection Services { get; }

    /// <summary>
    /// The endpoint's name: the name of its <see cref="HooksmithWebhookOptions"/> (for <c>IOptionsMonitor.Get</c>,
    /// <c>services.Configure(name, …)</c>) and the key of its keyed services (<see cref="IWebhookDeduplicationStore"/>,
    /// <see cref="IWebhookDeadLetterStore"/>).
    /// </summary>
    public string Name { get; }

    /// <summary>Adds a step that sets the endpoint's options (run each time the options are built).</summary>
    /// <param name="configure">Sets options.</param>
    public HooksmithWebhooksBuilder<TEvents> Configure(Action<HooksmithWebhookOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        Services.Configure(Name, configure);
        return this;
    }

    /// <summary>
    /// Reads the endpoint's options from a configuration section (such as <c>Configuration.GetSection("Hooksmith")</c>)
    /// and again whenever it reloads, so a secret rotated in configuration takes effect without a restart.
    /// </summary>
    /// <remarks>
    /// Keys: <c>Secrets</c> (<c>Secrets:0</c>, <c>Secrets:1</c>, … — environment variable <c>Hooksmith__Secrets__0</c>),
    /// <c>SignatureScheme</c>, <c>SignatureTolerance</c>, <c>SignatureHeaderName</c>, <c>InvalidPayloads</c>,
    /// <c>RejectMalformedBodies</c>, <c>MaxBodyBytes</c>, <c>Acknowledge</c>, <c>QueueCapacity</c>, and
    /// <c>RawPayloadEventType</c> (a raw-payload endpoint for that event type), <c>Provider</c> (<c>AdyenClassic</c>…, a preset of
    /// <see cref="WebhookProviders"/> with its signature scheme), <c>BasicAuthenticationUserName</c>,
    /// <c>BasicAuthenticationPassword</c>. Keys that are absent leave the options
    /// as they are; a value that cannot be read makes the options invalid (reported at startup, and answered 503 after
    /// a reload). Read without reflection.
    /// </remarks>
    /// <param name="section">The section to read.</param>
    public HooksmithWebhooksBuilder<TEvents> BindConfiguration(IConfiguration section)
    {
        ArgumentNullException.ThrowIfNull(section);
        Services.AddSingleton<IOptionsChangeTokenSource<HooksmithWebhookOptions>>(new ConfigurationChangeTokenSource<HooksmithWebhookOptions>(Name, section));
        Services.Configure<HooksmithWebhookOptions>(Name, options => HooksmithWebhookConfiguration.Apply(section, options));
        return this;
    }

    /// <summary>
    /// Registers the handler of one event (scoped: a new instance per delivery, with the delivery's services). An event
    /// with a handler of its own goes to it rather than to the exhaustive handler (<see cref="AddHandlers{THandlers}"/>).
    /// </summary>
    /// <typeparam name="TEvent">The event's payload type, such as <c>CustomerOrderUpdated</c>.</typeparam>
    /// <typeparam name="THandler">The handler.</typeparam>
    /// <exception cref="ArgumentException"><typeparamref name="TEvent"/> is not the payload of an event of <typeparamref name="TEvents"/>.</exception>
    public HooksmithWebhooksBuilder<TEvents> AddHandler<TEvent, [DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)] THandler>()
        where THandler : class, IWebhookHandler<TEvent>
    {
        if (!TEvents.Instance.Events.Any(e => e.PayloadType == typeof(TEvent)))
        {
            throw new ArgumentException(
                $"{typeof(TEvent).Name} is not the payload of any event of {typeof(TEvents).Name} ({string.Join(", ", TEvents.Instance.Events.Select(e => e.PayloadType.Name))}).",
                nameof(TEvent));
        }

        Services.AddScoped<IWebhookHandler<TEvent>, THandler>();
        return this;
    }

    /// <summary>
    /// Registers an implementation of the generated exhaustive interface (<c>IVoucherifyEventHandlers</c>, the table's
    /// <see cref="WebhookEventTable.ExhaustiveHandlerType"/>): one method per event, so the class stops compiling when
    /// the provider's schema gains an event. Scoped. Events with a handler of their own
    /// (<see cref="AddHandler{TEvent, THandler}"/>) go to that handler instead.
    /// </summary>
    /// <typeparam name="THandlers">The class implementing the interface.</typeparam>
    /// <exception cref="ArgumentException"><typeparamref name="THandlers"/> does not implement the table's exhaustive interface.</exception>
    public HooksmithWebhooksBuilder<TEvents> AddHandlers<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)] THandlers>()
        where THandlers : class
    {
        var exhaustive = TEvents.Instance.ExhaustiveHandlerType;
        if (!exhaustive.IsAssignableFrom(typeof(THandlers)))
        {
            throw new ArgumentException($"{typeof(THandlers).Name} does not implement {exhaustive.Name}, the handler interface of {typeof(TEvents).Name}.", nameof(THandlers));
        }

        Services.TryAddScoped<THandlers>();
        Services.AddScoped(exhaustive, static services => services.GetRequiredService<THandlers>());
        return this;
    }

    /// <summary>
    /// Registers the handler of deliveries whose event type the schemas do not know (scoped), in place of the default,
    /// which logs them and lets them be acknowledged. One for the whole application: the last registered wins.
    /// </summary>
    /// <typeparam name="THandler">The handler.</typeparam>
    public HooksmithWebhooksBuilder<TEvents> AddUnknownEventHandler<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)] THandler>()
        where THandler : class, IUnknownWebhookHandler
    {
        Services.RemoveAll<IUnknownWebhookHandler>();
        Services.AddScoped<IUnknownWebhookHandler, THandler>();
        return this;
    }

    /// <summary>
    /// Uses a deduplication store of your own (one shared by several instances, say) instead of the default
    /// <see cref="InMemoryDeduplicationStore"/>. The store is not disposed by the container.
    /// </summary>
    /// <param name="store">The store.</param>
    public HooksmithWebhooksBuilder<TEvents> UseDeduplicationStore(IWebhookDeduplicationStore store)
    {
        ArgumentNullException.ThrowIfNull(store);
        Services.RemoveAllKeyed<IWebhookDeduplicationStore>(Name);
        Services.AddKeyedSingleton(Name, store);
        return this;
    }

    /// <summary>
    /// Uses a deduplication store made from the application's services (once, as a singleton), such as
    /// <c>services =&gt; new RedisDeduplicationStore(services.GetRequiredService&lt;IConnectionMultiplexer&gt;())</c>.
    /// </summary>
    /// <param name="factory">Makes the store.</param>
    public HooksmithWebhooksBuilder<TEvents> UseDeduplicationStore(Func<IServiceProvider, IWebhookDeduplicationStore> factory)
    {
        ArgumentNullException.ThrowIfNull(factory);
        Services.RemoveAllKeyed<IWebhookDeduplicationStore>(Name);
        Services.AddKeyedSingleton(Name, (services, _) => factory(services));
        return this;
    }

    /// <summary>
    /// Uses a dead-letter store of your own instead of the default <see cref="InMemoryDeadLetterStore"/>. The store is
    /// not disposed by the container. Resolve the endpoint's store with
    /// <c>GetRequiredKeyedService&lt;IWebhookDeadLetterStore&gt;(builder.Name)</c>.
    /// </summary>
    /// <param name="store">The store.</param>
    public HooksmithWebhooksBuilder<TEvents> UseDeadLetterStore(IWebhookDeadLetterStore store)
    {
        ArgumentNullException.ThrowIfNull(store);
        Services.RemoveAllKeyed<IWebhookDeadLetterStore>(Name);
        Services.AddKeyedSingleton(Name, store);
        return this;
    }

    /// <summary>Uses a dead-letter store made from the application's services (once, as a singleton).</summary>
    /// <param name="factory">Makes the store.</param>
    public HooksmithWebhooksBuilder<TEvents> UseDeadLetterStore(Func<IServiceProvider, IWebhookDeadLetterStore> factory)
    {
        ArgumentNullException.ThrowIfNull(factory);
        Services.RemoveAllKeyed<IWebhookDeadLetterStore>(Name);
        Services.AddKeyedSingleton(Name, (services, _) => factory(services));
        return this;
    }
}
