using System;
using System.Collections.Generic;

namespace Hooksmith.Generator.Drift;

/// <summary>
/// Everything a receiver of a set of schema files can be sent: its events (by routing name) and the
/// schemas they, or references, name. What a lock records and what the comparer compares.
/// </summary>
internal sealed class SchemaSurface
{
    /// <summary>Events by routing name (<c>customer.order.updated</c>).</summary>
    public SortedDictionary<string, SurfaceEvent> Events { get; } = new(StringComparer.Ordinal);

    /// <summary>Schemas by key (<c>#/components/schemas/Order</c>, or <c>common.json#/$defs/Order</c> in a folder).</summary>
    public SortedDictionary<string, SurfaceSchema> Schemas { get; } = new(StringComparer.Ordinal);

    /// <summary>
    /// Whether documentation (<c>title</c>, <c>description</c>, examples) was fingerprinted (<see cref="SurfaceNode.Docs"/>):
    /// read with <c>--include-docs</c>, or a lock written so.
    /// </summary>
    public bool IncludesDocs { get; set; }

    /// <summary>
    /// Read from a lock: what it records has no place in a file. (The entries a build finds written exactly as
    /// the current schemas are the current surface's own nodes, whose places are the current file's.)
    /// </summary>
    public bool IsLock { get; set; }
}

/// <summary>An event: its key as written and its payload.</summary>
/// <param name="Key">The key in the document (<c>EVENTS.CUSTOMER.ORDER.UPDATED</c>).</param>
/// <param name="Payload">The payload's schema.</param>
/// <param name="CSharpType">The payload's generated type.</param>
/// <param name="Location">Where the event is written (null from a lock).</param>
internal sealed record SurfaceEvent(string Key, SurfaceNode Payload, string? CSharpType, SurfaceLocation? Location);

/// <summary>A schema with a key: named where it is defined (a component, a definition, a file), or a <c>$ref</c>'s target.</summary>
/// <param name="Node">The schema.</param>
/// <param name="IsNamed">Named by its place (a component or definition), so its appearing or going is reported.</param>
internal sealed record SurfaceSchema(SurfaceNode Node, bool IsNamed);
