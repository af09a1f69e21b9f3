using System;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.CompilerServices;

namespace Hooksmith.Generator.Drift;

/// <summary>
/// Compares two surfaces as a receiver would: walks each event's old and new payload side by side,
/// following references, so a change is found where it is written (a shared component's change
/// once) and then credited to every event whose payload reaches it. Reordering, formatting and
/// moving a schema into a component change nothing, since only the surface's facets are compared.
/// </summary>
internal sealed partial class SurfaceComparer
{
    private readonly SchemaSurface _old;
    private readonly SchemaSurface _new;
    private readonly DriftOptions _options;
    /// <summary>The pair of every node with itself that reaches no changed schema: nothing is found there, so one stands for all.</summary>
    private static readonly Pair QuietPair = new();

    private readonly Dictionary<(SurfaceNode Old, SurfaceNode New), Pair> _pairs = new(PairComparer.Instance);
    private readonly Dictionary<SurfaceNode, string> _fingerprints = new(ReferenceEqualityComparer<SurfaceNode>.Instance);
    private readonly Dictionary<SurfaceNode, HashSet<string>> _refsWithin = new(ReferenceEqualityComparer<SurfaceNode>.Instance);
    private readonly Dictionary<SurfaceNode, bool> _quiet = new(ReferenceEqualityComparer<SurfaceNode>.Instance);
    private HashSet<string>? _stale;

    private SurfaceComparer(SchemaSurface old, SchemaSurface @new, DriftOptions options)
    {
        _old = old;
        _new = @new;
        _options = options;
    }

    /// <summary>The changes from <paramref name="old"/> to <paramref name="new"/>.</summary>
    public static DriftReport Compare(SchemaSurface old, SchemaSurface @new, DriftOptions? options = null)
        => new SurfaceComparer(old, @new, options ?? DriftOptions.Default).Run();

    private DriftReport Run()
    {
        var found = new List<Pending>();
        var hasEvents = _old.Events.Count > 0 || _new.Events.Count > 0;
        var roots = new List<(Pair Pair, string? Event)>();
        foreach (var entry in _old.Events)
        {
            if (_new.Events.TryGetValue(entry.Key, out var current))
            {
                roots.Add((Walk(entry.Value.Payload, current.Payload, current.CSharpType ?? entry.Value.CSharpType ?? entry.Key), entry.Key));
            }
            else
            {
                found.Add(new Pending(DriftKind.EventRemoved, entry.Value.Payload.Pointer, null, entry.Value.Location, entry.Value.CSharpType, $"event '{entry.Key}' was removed: the provider no longer documents it", entry.Key) { Events = { entry.Key } });
            }
        }

        foreach (var entry in _new.Events)
        {
            if (!_old.Events.ContainsKey(entry.Key))
            {
                found.Add(new Pending(DriftKind.EventAdded, null, entry.Value.Payload.Pointer, entry.Value.Location, entry.Value.CSharpType, $"event '{entry.Key}' was added: a receiver that does not handle it gets it as an unknown event", entry.Key) { Events = { entry.Key } });
            }
        }

        var reachedOld = ReachableKeys(_old, _old.Events.Values.Select(e => e.Payload));
        var reachedNew = ReachableKeys(_new, _new.Events.Values.Select(e => e.Payload));
        foreach (var entry in _old.Schemas)
        {
            if (!entry.Value.IsNamed)
            {
                continue;
            }

            if (_new.Schemas.TryGetValue(entry.Key, out var current))
            {
                // A schema no event reaches, before or after, is compared for what it is (at most info);
                // one that becomes reachable is judged through the events that now carry it.
                if (!hasEvents || (!reachedOld.Contains(entry.Key) && !reachedNew.Contains(entry.Key)))
                {
                    roots.Add((Walk(entry.Value.Node, current.Node, current.Node.CSharpType ?? entry.Key), null));
                }
            }
            else
            {
                found.Add(new Pending(DriftKind.SchemaRemoved, entry.Value.Node.Pointer, null, entry.Value.Node.Location, entry.Value.Node.CSharpType, $"schema '{KeyName(entry.Key)}' was removed", entry.Key) { Events = EventsReaching(_old, entry.Key, reachedOld) });
            }
        }

        foreach (var entry in _new.Schemas)
        {
            if (entry.Value.IsNamed && !_old.Schemas.ContainsKey(entry.Key))
            {
                found.Add(new Pending(DriftKind.SchemaAdded, null, entry.Value.Node.Pointer, entry.Value.Node.Location, entry.Value.Node.CSharpType, $"schema '{KeyName(entry.Key)}' was added", entry.Key) { Events = EventsReaching(_new, entry.Key, reachedNew) });
            }
        }

        // Credit each change to the events whose payload reaches it: up from the pairs that changed,
        // so that comparing surfaces that agree costs no walk at all.
        var eventsOfRoot = new Dictionary<Pair, List<string>>(ReferenceEqualityComparer<Pair>.Instance);
        foreach (var (pair, eventName) in roots)
        {
            if (eventName is null)
            {
                continue;
            }

            if (!eventsOfRoot.TryGetValue(pair, out var names))
            {
                eventsOfRoot.Add(pair, names = []);
            }

            names.Add(eventName);
        }

        foreach (var changed in _pairs.Values)
        {
            if (changed.Changes.Count == 0)
            {
                continue;
            }

            var reaching = EventsAbove(changed, eventsOfRoot);
            foreach (var change in changed.Changes)
            {
                change.Events.UnionWith(reaching);
            }
        }

        foreach (var pair in _pairs.Values)
        {
            found.AddRange(pair.Changes);
        }

        return new DriftReport(Finish(found, hasEvents));
    }

    private static HashSet<string> EventsAbove(Pair pair, Dictionary<Pair, List<string>> eventsOfRoot)
    {
        var events = new HashSet<string>(StringComparer.Ordinal);
        var visited = new HashSet<Pair>(ReferenceEqualityComparer<Pair>.Instance);
        var stack = new Stack<Pair>();
        stack.Push(pair);
        while (stack.Count > 0)
        {
            var current = stack.Pop();
            if (!visited.Add(current))
            {
                continue;
            }

            if (eventsOfRoot.TryGetValue(current, out var names))
            {
                events.UnionWith(names);
            }

            foreach (var parent in current.Parents)
            {
                stack.Push(parent);
            }
        }

        return events;
    }

    private List<DriftChange> Finish(List<Pending> found, bool hasEvents)
    {
        var merged = new Dictionary<string, Pending>(StringComparer.Ordinal);
        var order = new List<Pending>();
        foreach (var change in found)
        {
            var key = change.Kind.Name + "|" + change.OldPointer + "|" + change.NewPointer + "|" + change.Subject;
            if (merged.TryGetValue(key, out var first))
            {
                first.Events.UnionWith(change.Events);
            }
            else
            {
                merged.Add(key, change);
                order.Add(change);
            }
        }

        var changes = new List<DriftChange>();
        foreach (var change in order)
        {
            var severity = _options.Severities[change.Kind];
            if (hasEvents && change.Events.Count == 0 && severity > DriftSeverity.Info)
            {
                // No event reaches it: no receiver can be sent it.
                severity = DriftSeverity.Info;
            }

            if (severity == DriftSeverity.None)
            {
                continue;
            }

            changes.Add(new DriftChange(change.Kind, severity, change.OldPointer, change.NewPointer, change.Location, change.Events.OrderBy(e => e, StringComparer.Ordinal).ToList(), change.CSharp, change.Message));
        }

        changes.Sort(static (a, b) =>
        {
            var bySeverity = b.Severity.CompareTo(a.Severity);
            if (bySeverity != 0)
            {
                return bySeverity;
            }

            var byFile = string.CompareOrdinal(a.Location?.File, b.Location?.File);
            if (byFile != 0)
            {
                return byFile;
            }

            var byLine = (a.Location?.Line ?? 0).CompareTo(b.Location?.Line ?? 0);
            if (byLine != 0)
            {
                return byLine;
            }

            var byColumn = (a.Location?.Column ?? 0).CompareTo(b.Location?.Column ?? 0);
            return byColumn != 0 ? byColumn : string.CompareOrdinal(a.Kind.Name + a.Message, b.Kind.Name + b.Message);
        });
        return changes;
    }

    private static string KeyName(string key)
    {
        var slash = key.LastIndexOf('/');
        return slash < 0 ? key : key.Substring(slash + 1);
    }

    private HashSet<string> EventsReaching(SchemaSurface surface, string key, HashSet<string> reachedByAny)
    {
        var events = new HashSet<string>(StringComparer.Ordinal);
        if (!reachedByAny.Contains(key))
        {
            return events;
        }

        foreach (var entry in surface.Events)
        {
            if (ReachableKeys(surface, [entry.Value.Payload]).Contains(key))
            {
                events.Add(entry.Key);
            }
        }

        return events;
    }

    /// <summary>
    /// The keys of the schemas that <paramref name="roots"/> reach through references, from each keyed
    /// schema's references (found once per node, and shared by the two surfaces where they share a node).
    /// </summary>
    private HashSet<string> ReachableKeys(SchemaSurface surface, IEnumerable<SurfaceNode> roots)
    {
        var keys = new HashSet<string>(StringComparer.Ordinal);
        var stack = new Stack<string>();
        foreach (var root in roots)
        {
            foreach (var key in RefsWithin(root))
            {
                if (keys.Add(key))
                {
                    stack.Push(key);
                }
            }
        }

        while (stack.Count > 0)
        {
            if (!surface.Schemas.TryGetValue(stack.Pop(), out var target))
            {
                continue;
            }

            foreach (var key in RefsWithin(target.Node))
            {
                if (keys.Add(key))
                {
                    stack.Push(key);
                }
            }
        }

        return keys;
    }

    /// <summary>The keys <paramref name="node"/> and the schemas written inside it name, not following them.</summary>
    private HashSet<string> RefsWithin(SurfaceNode node)
    {
        if (_refsWithin.TryGetValue(node, out var known))
        {
            return known;
        }

        var keys = new HashSet<string>(StringComparer.Ordinal);
        var stack = new Stack<SurfaceNode>();
        stack.Push(node);
        while (stack.Count > 0)
        {
            var current = stack.Pop();
            if (current.Ref is { } key)
            {
                keys.Add(key);
            }

            PushChildren(stack, current);
        }

        _refsWithin.Add(node, keys);
        return keys;
    }

    /// <summary>
    /// True when a pair of one and the same node (a lock entry written exactly as the current schema, see
    /// <see cref="LockFileReader.ReadAgainst"/>) can hold no change: no schema it reaches differs either.
    /// </summary>
    private bool IsQuiet(SurfaceNode node)
    {
        if (_quiet.TryGetValue(node, out var quiet))
        {
            return quiet;
        }

        // Bottom up, each node once: quiet when it names no stale schema and its subschemas are quiet.
        quiet = (node.Ref is not { } key || !Stale().Contains(key)) && ChildrenAreQuiet(node);
        _quiet[node] = quiet;
        return quiet;
    }

    private bool ChildrenAreQuiet(SurfaceNode node)
    {
        if (node.HasProperties)
        {
            foreach (var property in node.Properties.Values)
            {
                if (!IsQuiet(property.Node))
                {
                    return false;
                }
            }
        }

        if ((node.Items is { } items && !IsQuiet(items)) || (node.AdditionalProperties is { } additional && !IsQuiet(additional)))
        {
            return false;
        }

        foreach (var child in node.VariantsOrEmpty)
        {
            if (!IsQuiet(child))
            {
                return false;
            }
        }

        foreach (var child in node.AllOfOrEmpty)
        {
            if (!IsQuiet(child))
            {
                return false;
            }
        }

        foreach (var child in node.ApplicatorsOrEmpty.Values)
        {
            if (!IsQuiet(child))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The keys whose schema differs between the surfaces, or reaches one that does.</summary>
    private HashSet<string> Stale()
    {
        if (_stale is not null)
        {
            return _stale;
        }

        var stale = new HashSet<string>(StringComparer.Ordinal);
        foreach (var entry in _old.Schemas)
        {
            if (!_new.Schemas.TryGetValue(entry.Key, out var current) || !ReferenceEquals(entry.Value.Node, current.Node))
            {
                stale.Add(entry.Key);
            }
        }

        foreach (var entry in _new.Schemas)
        {
            if (!_old.Schemas.ContainsKey(entry.Key))
            {
                stale.Add(entry.Key);
            }
        }

        if (stale.Count > 0)
        {
            // Up the references: a schema that names a stale one is stale.
            var namedBy = new Dictionary<string, List<string>>(StringComparer.Ordinal);
            foreach (var entry in _new.Schemas)
            {
                if (stale.Contains(entry.Key))
                {
                    continue;
                }

                foreach (var key in RefsWithin(entry.Value.Node))
                {
                    if (!namedBy.TryGetValue(key, out var list))
                    {
                        namedBy.Add(key, list = []);
                    }

                    list.Add(entry.Key);
                }
            }

            var stack = new Stack<string>(stale);
            while (stack.Count > 0)
            {
                if (namedBy.TryGetValue(stack.Pop(), out var parents))
                {
                    foreach (var parent in parents)
                    {
                        if (stale.Add(parent))
                        {
                            stack.Push(parent);
                        }
                    }
                }
            }
        }

        return _stale = stale;
    }

    /// <summary>The keys of the schemas that <paramref name="roots"/> reach through references.</summary>
    internal static HashSet<string> Reachable(SchemaSurface surface, IEnumerable<SurfaceNode> roots)
    {
        var keys = new HashSet<string>(StringComparer.Ordinal);
        var stack = new Stack<SurfaceNode>(roots);
        while (stack.Count > 0)
        {
            var node = stack.Pop();
            if (node.Ref is { } key && keys.Add(key) && surface.Schemas.TryGetValue(key, out var target))
            {
                stack.Push(target.Node);
            }

            PushChildren(stack, node);
        }

        return keys;
    }

    private static void PushChildren(Stack<SurfaceNode> stack, SurfaceNode node)
    {
        if (node.HasProperties)
        {
            foreach (var property in node.Properties.Values)
            {
                stack.Push(property.Node);
            }
        }

        if (node.Items is { } items)
        {
            stack.Push(items);
        }

        if (node.AdditionalProperties is { } additional)
        {
            stack.Push(additional);
        }

        if (node.HasVariants)
        {
            foreach (var variant in node.Variants)
            {
                stack.Push(variant);
            }
        }

        if (node.HasAllOf)
        {
            foreach (var member in node.AllOf)
            {
                stack.Push(member);
            }
        }

        if (node.HasApplicators)
        {
            foreach (var applicator in node.Applicators.Values)
            {
                stack.Push(applicator);
            }
        }
    }

    /// <summary>A change found at one pair, credited to events afterwards.</summary>
    private sealed class Pending
    {
        public Pending(DriftKind kind, string? oldPointer, string? newPointer, SurfaceLocation? location, string? csharp, string message, string subject)
        {
            Kind = kind;
            OldPointer = oldPointer;
            NewPointer = newPointer;
            Location = location;
            CSharp = csharp;
            Message = message;
            Subject = subject;
        }

        public DriftKind Kind { get; }

        public string? OldPointer { get; }

        public string? NewPointer { get; }

        public SurfaceLocation? Location { get; }

        public string? CSharp { get; }

        public string Message { get; }

        /// <summary>What the change is about at its location (a property, a value, a keyword), so two changes of a kind there stay apart.</summary>
        public string Subject { get; }

        public HashSet<string> Events { get; set; } = new(StringComparer.Ordinal);
    }

    /// <summary>An old and a new schema compared: what changed right there, and the pairs above it.</summary>
    private sealed class Pair
    {
        public List<Pending> Changes { get; } = [];

        /// <summary>The pairs whose comparison reached this one (a shared schema's pair has several).</summary>
        public List<Pair> Parents { get; } = [];
    }

    private sealed class PairComparer : IEqualityComparer<(SurfaceNode Old, SurfaceNode New)>
    {
        public static readonly PairComparer Instance = new();

        public bool Equals((SurfaceNode Old, SurfaceNode New) x, (SurfaceNode Old, SurfaceNode New) y)
            => ReferenceEquals(x.Old, y.Old) && ReferenceEquals(x.New, y.New);

        public int GetHashCode((SurfaceNode Old, SurfaceNode New) pair)
            => unchecked((RuntimeHelpers.GetHashCode(pair.Old) * 397) ^ RuntimeHelpers.GetHashCode(pair.New));
    }

    private sealed class ReferenceEqualityComparer<T> : IEqualityComparer<T>
        where T : class
    {
        public static readonly ReferenceEqualityComparer<T> Instance = new();

        public bool Equals(T? x, T? y) => ReferenceEquals(x, y);

        public int GetHashCode(T obj) => RuntimeHelpers.GetHashCode(obj);
    }
}
