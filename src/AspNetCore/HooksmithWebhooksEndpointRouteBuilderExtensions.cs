using System;
using System.Diagnostics.CodeAnalysis;
using Hooksmith.Webhooks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Hooksmith.AspNetCore;

/// <summary>Maps Hooksmith webhook endpoints.</summary>
public static class HooksmithWebhooksEndpointRouteBuilderExtensions
{
    /// <summary>
    /// Maps a POST endpoint that receives the webhooks of <typeparamref name="TEvents"/>: it reads the body (at most
    /// <see cref="HooksmithWebhookOptions.MaxBodyBytes"/>), verifies its signature, routes on the event type,
    /// deduplicates, validates and binds the payload, runs the handler, and answers with the status code of the
    /// outcome and a small JSON body: <c>{"outcome": "Handled", "eventType": "…", "detail": …}</c>.
    /// </summary>
    /// <typeparam name="TEvents">The generated event table, registered with <c>AddHooksmithWebhooks&lt;TEvents&gt;()</c>.</typeparam>
    /// <param name="endpoints">The application's routes.</param>
    /// <param name="pattern">The route, such as <c>/webhooks/voucherify</c>.</param>
    /// <returns>The endpoint's convention builder (add authorization, rate limiting, host filters… to it).</returns>
    /// <exception cref="InvalidOperationException">The endpoint was not registered with <c>AddHooksmithWebhooks&lt;TEvents&gt;()</c>.</exception>
    public static IEndpointConventionBuilder MapHooksmithWebhooks<TEvents>(this IEndpointRouteBuilder endpoints, [StringSyntax("Route")] string pattern)
        where TEvents : WebhookEventTable, IWebhookEventTable<TEvents>
        => endpoints.MapHooksmithWebhooks<TEvents>(pattern, HooksmithWebhooksBuilder<TEvents>.DefaultName);

    /// <summary>Maps the webhook endpoint registered under <paramref name="name"/> (see <c>AddHooksmithWebhooks&lt;TEvents&gt;(name, …)</c>).</summary>
    /// <typeparam name="TEvents">The generated event table.</typeparam>
    /// <param name="endpoints">The application's routes.</param>
    /// <param name="pattern">The route.</param>
    /// <param name="name">The endpoint's name.</param>
    /// <returns>The endpoint's convention builder.</returns>
    /// <exception cref="InvalidOperationException">No endpoint of that name is registered for <typeparamref name="TEvents"/>.</exception>
    public static IEndpointConventionBuilder MapHooksmithWebhooks<TEvents>(this IEndpointRouteBuilder endpoints, [StringSyntax("Route")] string pattern, string name)
        where TEvents : WebhookEventTable, IWebhookEventTable<TEvents>
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        ArgumentNullException.ThrowIfNull(pattern);
        ArgumentException.ThrowIfNullOrEmpty(name);

        var endpoint = endpoints.ServiceProvider.GetKeyedService<HooksmithWebhookEndpoint>(name);
        if (endpoint is null || endpoint.Events is not TEvents)
        {
            throw new InvalidOperationException(
                $"No Hooksmith webhook endpoint '{name}' is registered for {typeof(TEvents).Name}: call services.AddHooksmithWebhooks<{typeof(TEvents).Name}>() first.");
        }

        RequestDelegate handle = endpoint.HandleAsync;
        return endpoints.MapPost(pattern, handle).WithDisplayName($"Hooksmith webhooks {typeof(TEvents).Name} ({name})");
    }
}
