using System.Threading;
using Hooksmith.Generator.Schema;

namespace Hooksmith.Generator.Drift;

/// <summary>Reads schema text into <see cref="DriftInput"/>s, as the generator's Read stage does.</summary>
internal static class DriftInputs
{
    /// <summary>Reads one file. Its problems are in the document's diagnostics.</summary>
    /// <param name="path">The file's full path (its file URI is its base URI unless <paramref name="baseUri"/> says otherwise).</param>
    /// <param name="text">The file's content.</param>
    /// <param name="displayPath">The path reports show.</param>
    /// <param name="keyPrefix">"" for a lone file; its path in the folder otherwise.</param>
    /// <param name="eventsFrom">Where an OpenAPI document's events are listed.</param>
    /// <param name="baseUri">The URI the file is published at, or null.</param>
    /// <param name="dialect">The dialect of a schema without <c>$schema</c>, or null.</param>
    /// <param name="eventName">For a JSON Schema file whose root is an event's payload, the event (the item's <c>Event</c> metadata).</param>
    public static DriftInput Read(string path, string text, string displayPath, string keyPrefix, EventSources eventsFrom, string? baseUri = null, string? dialect = null, string? eventName = null)
    {
        var input = new SchemaFileInput(path, text, "Hooksmith.Drift", dialect, baseUri) { EventsFrom = eventsFrom, EventName = eventName };
        return new DriftInput(SchemaDocumentReader.Read(input, CancellationToken.None), displayPath, keyPrefix);
    }
}
