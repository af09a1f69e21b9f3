using System;

namespace Hooksmith.Generator.Schema;

/// <summary>Where an OpenAPI document's webhook events are read from.</summary>
[Flags]
internal enum EventSources
{
    /// <summary>The <c>webhooks</c> section (and the older <c>x-webhooks</c> extension): the default.</summary>
    Webhooks = 1,

    /// <summary>
    /// <c>paths</c> whose <c>post</c> operation documents an event, as vendors wrote webhooks before
    /// OpenAPI 3.1 had a section for them: the request body's schema, or lacking one, a 2xx response's.
    /// </summary>
    Paths = 2,

    /// <summary>Both sections.</summary>
    Both = Webhooks | Paths,
}

/// <summary>Reads and writes <see cref="EventSources"/> as the CLI option and item metadata spell it.</summary>
internal static class EventSourceNames
{
    /// <summary>Parses <c>webhooks</c>, <c>paths</c> or <c>both</c> (any case).</summary>
    public static bool TryParse(string? text, out EventSources sources)
    {
        switch (text?.Trim().ToLowerInvariant())
        {
            case "webhooks":
                sources = EventSources.Webhooks;
                return true;
            case "paths":
                sources = EventSources.Paths;
                return true;
            case "both":
                sources = EventSources.Both;
                return true;
            default:
                sources = EventSources.Webhooks;
                return false;
        }
    }
}
