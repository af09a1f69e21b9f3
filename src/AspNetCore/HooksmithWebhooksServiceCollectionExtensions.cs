using System;
using System.Linq;
using Hooksmith.AspNetCore.Queue;
using Hooksmith.Webhooks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Hooksmith.AspNetCore;

/// <summary>Registers Hooksmith webhook endpoints.</summary>
public static class HooksmithWebhooksServiceCollectionExtensions
{
    /// <summary>
    /// Registers the webhook endpoint of the events of <typeparamref name="TEvents"/>, with its options named
    /// <see cref="HooksmithWebhooksBuilder{TEvents}.DefaultName"/>; map it with
    /// <see cref="HooksmithWebhooksEndpointRouteBuilderExtensions.MapHooksmithWebhooks{TEvents}(Microsoft.AspNetCore.Routing.IEndpointRouteBuilder, string)"/>.
    /// </summary>
    /// <typeparam name="TEvents">The generated event table, such as <c>VoucherifyEvents</c>.</typeparam>
    /// <param name="services">The application's services.</param>
    /// <param name="configure">Sets the endpoint's options (secrets first of all).</param>
    /// <returns>A builder that registers handlers and stores.</returns>
    /// <remarks>
    /// Registers: the options (checked when the host starts, and at each change), an <see cref="InMemoryDeduplicationStore"/> and an
    /// <see cref="InMemoryDeadLetterStore"/> as keyed singletons under the endpoint's name, a default unknown-event
    /// handler that logs, and the background worker of <see cref="WebhookAcknowledgement.AfterEnqueue"/>. Calling it
    /// again for the same endpoint adds the configuration step and returns a builder for the same endpoint.
    /// </remarks>
    public static HooksmithWebhooksBuilder<TEvents> AddHooksmithWebhooks<TEvents>(this IServiceCollection services, Action<HooksmithWebhookOptions>? configure = null)
        where TEvents : WebhookEventTable, IWebhookEventTable<TEvents>
        => services.AddHooksmithWebhooks<TEvents>(HooksmithWebhooksBuilder<TEvents>.DefaultName, configure);

    /// <summary>
    /// Registers a webhook endpoint of the events of <typeparamref name="TEvents"/> under a name of its own, for an
    /// application with several endpoints of the same events (one per Voucherify project, an enveloped one and a raw
    /// one); map it with the same name.
    /// </summary>
    /// <typeparam name="TEvents">The generated event table.</typeparam>
    /// <param name="services">The application's services.</param>
    /// <param name="name">The endpoint's name: the name of its options and the key of its stores.</param>
    /// <param name="configure">Sets the endpoint's options.</param>
    /// <returns>A builder that registers handlers and stores.</returns>
    /// <exception cref="InvalidOperationException">An endpoint of that name exists for another event table.</exception>
    public static HooksmithWebhooksBuilder<TEvents> AddHooksmithWebhooks<TEvents>(this IServiceCollection services, string name, Action<HooksmithWebhookOptions>? configure)
        where TEvents : WebhookEventTable, IWebhookEventTable<TEvents>
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentException.ThrowIfNullOrEmpty(name);

        var existing = services.FirstOrDefault(d => d.IsKeyedService && d.ServiceType == typeof(EndpointRegistration) && Equals(d.ServiceKey, name));
        if (existing is null)
        {
            services.AddKeyedSingleton(name, new EndpointRegistration(typeof(TEvents)));
            services.AddLogging();
            services.AddOptions<HooksmithWebhookOptions>(name);
            services.TryAddKeyedSingleton<IWebhookDeduplicationStore>(name, (provider, _) => InMemoryStoreFor(provider, name));
            services.TryAddKeyedSingleton<IWebhookDeadLetterStore>(name, (_, _) => new InMemoryDeadLetterStore());
            services.TryAddScoped<IUnknownWebhookHandler, LoggingUnknownWebhookHandler>();
            services.AddKeyedSingleton(name, (provider, _) => new HooksmithWebhookEndpoint(
                name,
                TEvents.Instance,
                provider.GetRequiredService<IOptionsMonitor<HooksmithWebhookOptions>>(),
                provider,
                provider.GetRequiredService<ILoggerFactory>()));

            // Added, not tried: one worker per endpoint, all of the same type. Its start checks the options.
            services.AddSingleton<IHostedService>(provider => new WebhookQueueWorker(
                provider.GetRequiredKeyedService<HooksmithWebhookEndpoint>(name),
                provider.GetRequiredService<IServiceScopeFactory>()));
        }
        else if (existing.KeyedImplementationInstance is EndpointRegistration { Events: var events } && events != typeof(TEvents))
        {
            throw new InvalidOperationException($"The webhook endpoint '{name}' is registered for {events.Name} already, not for {typeof(TEvents).Name}.");
        }

        if (configure is not null)
        {
            services.Configure(name, configure);
        }

        return new HooksmithWebhooksBuilder<TEvents>(services, name);
    }

    // The default store: in memory, with its early evictions logged (aggregated like signature failures), since each
    // one is a retry that would be handled again.
    private static InMemoryDeduplicationStore InMemoryStoreFor(IServiceProvider provider, string name)
    {
        var logger = provider.GetRequiredService<ILoggerFactory>().CreateLogger(HooksmithWebhookLog.Category);
        var options = provider.GetRequiredService<IOptionsMonitor<HooksmithWebhookOptions>>();
        var time = provider.GetService<TimeProvider>() ?? TimeProvider.System;
        var gate = new IntervalLogGate(time);
        return new InMemoryDeduplicationStore(
            new InMemoryDeduplicationStoreOptions
            {
                Evicted = eviction =>
                {
                    if (gate.TryPass(options.Get(name).LogAggregationInterval, out var heldBack))
                    {
                        HooksmithWebhookLog.DeduplicationKeyEvicted(logger, name, eviction.Capacity, eviction.Key, eviction.TimeLeft, heldBack);
                    }
                },
            },
            time);
    }
}

/// <summary>Marks an endpoint name as taken, and by which event table.</summary>
/// <param name="Events">The event table's type.</param>
internal sealed record EndpointRegistration(Type Events);
