using System;
using System.Collections.Generic;
using System.Linq;

namespace Hooksmith.Validation;

/// <summary>
/// A catalog look-up by event name found several events, in different files: the name alone does not say
/// which one is meant, so none is picked. <see cref="Candidates"/> lists them; look up by file or namespace.
/// </summary>
public sealed class AmbiguousEventException : InvalidOperationException
{
    /// <summary>Creates the exception for a look-up and the events it found.</summary>
    /// <param name="lookup">What was looked up, for the message.</param>
    /// <param name="candidates">The events that match.</param>
    public AmbiguousEventException(string lookup, IReadOnlyList<EventCatalogEntry> candidates)
        : base(MessageOf(lookup, candidates))
    {
        Candidates = candidates;
    }

    /// <summary>Every event that matched, in catalog order.</summary>
    public IReadOnlyList<EventCatalogEntry> Candidates { get; }

    private static string MessageOf(string lookup, IReadOnlyList<EventCatalogEntry> candidates)
    {
        ArgumentNullException.ThrowIfNull(candidates);
        var listed = string.Join(", ", candidates.Take(10).Select(c => $"{c.Key} in {c.SourceFile} ({c.Namespace})"));
        var more = candidates.Count > 10 ? $" and {candidates.Count - 10} more" : string.Empty;
        return $"{candidates.Count} events match {lookup}: {listed}{more}. Look it up in its file (FindEvent(sourceFile, name)) or namespace (FindEventInNamespace).";
    }
}
