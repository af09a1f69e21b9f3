using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace Hooksmith.Generator.Drift;

/// <summary>The rules, applied to one pair of schemas.</summary>
internal sealed partial class SurfaceComparer
{
    private static readonly string[] LowerBounds = ["minimum", "exclusiveMinimum", "minLength", "minItems", "minProperties", "minContains"];
    private static readonly string[] UpperBounds = ["maximum", "exclusiveMaximum", "maxLength", "maxItems", "maxProperties", "maxContains"];

    /// <summary>
    /// Applicators whose subschema constrains the value (or a part of it) the way a schema does, so a
    /// change inside is judged by the same rules: a tuple's position, a conditional's branches, a
    /// dependent schema.
    /// </summary>
    private static readonly string[] WalkedApplicators = ["prefixItems", "then", "else", "dependentSchemas"];

    /// <summary>Compares a pair once (a pair met again is the same pair: recursion stops there).</summary>
    private Pair Walk(SurfaceNode old, SurfaceNode @new, string label)
    {
        old = Deref(_old, old);
        @new = Deref(_new, @new);
        if (ReferenceEquals(old, @new) && IsQuiet(old))
        {
            // One node on both sides (a lock entry that reads as the current schema) reaching only
            // such nodes: every rule would find the two alike, so none is applied.
            return QuietPair;
        }

        if (_pairs.TryGetValue((old, @new), out var known))
        {
            return known;
        }

        var pair = new Pair();
        _pairs.Add((old, @new), pair);

        label = @new.CSharpType ?? old.CSharpType ?? label;
        var at = new Site(this, pair, old, @new, label);

        // One node on both sides reaching a schema that changed: its own facets are alike, and only what
        // goes through references (subschemas, allOf members, a referenced schema's properties) is compared.
        var same = ReferenceEquals(old, @new);
        if (!same)
        {
            CompareOwnFacets(at);
        }

        CompareProperties(at);
        CompareItems(at);
        CompareAdditionalProperties(at);
        CompareVariants(at);
        CompareMembers(at);
        CompareApplicators(at);
        if (!same && !old.Deprecated && @new.Deprecated)
        {
            at.Add(DriftKind.DeprecatedAdded, "deprecated", $"{label} is now deprecated");
        }
        else if (!same && old.Deprecated && !@new.Deprecated)
        {
            at.Add(DriftKind.DeprecatedRemoved, "deprecated", $"{label} is no longer deprecated");
        }

        return pair;
    }

    /// <summary>The rules on what is written at the pair itself: documentation, types, nullability, format, values and bounds.</summary>
    private void CompareOwnFacets(Site at)
    {
        var (old, @new, label) = (at.Old, at.New, at.Label);
        if (_options.IncludeDocs && old.Docs != @new.Docs)
        {
            at.Add(DriftKind.DocsChanged, "docs", "the title, description or examples changed");
        }

        CompareTypes(at);
        if (!old.Nullable && @new.Nullable)
        {
            at.Add(DriftKind.NullableAdded, "null", $"{label} may now be null");
        }
        else if (old.Nullable && !@new.Nullable)
        {
            at.Add(DriftKind.NullableRemoved, "null", $"{label} is no longer null");
        }

        CompareFormats(at);

        CompareEnums(at);
        CompareBounds(at);
    }

    /// <summary>
    /// A format that changes the generated C# type (<c>date-time</c> binds to <c>DateTimeOffset</c>, <c>date</c> to
    /// <c>DateOnly</c>), or one format swapped for another, is <c>format-changed</c>: code meets a type or values of a
    /// shape it never got. A format that binds like plain text (<c>email</c>, <c>uuid</c>, <c>int32</c>) only narrows
    /// or widens the values: added, it is a tightened constraint; dropped, a loosened one, like a <c>pattern</c>.
    /// </summary>
    private static void CompareFormats(Site at)
    {
        var (old, @new, label) = (at.Old.Format, at.New.Format, at.Label);
        if (old == @new)
        {
            return;
        }

        var sameBinding = Planning.TypePlanner.StringTypeOf(old) == Planning.TypePlanner.StringTypeOf(@new);
        if (sameBinding && old is null)
        {
            at.Add(DriftKind.ConstraintTightened, "format", $"{label} must now be of the format {Quote(@new)}");
        }
        else if (sameBinding && @new is null)
        {
            at.Add(DriftKind.ConstraintLoosened, "format", $"{label} is no longer of the format {Quote(old)}");
        }
        else
        {
            at.Add(DriftKind.FormatChanged, "format", $"the format of {label} changed from {Quote(old)} to {Quote(@new)}");
        }
    }

    /// <summary>
    /// Where something of the old schema is written, for a removal: in the old file for <c>diff</c>. A lock has
    /// no lines; the nodes it shares with the current surface (its entries that read as the current
    /// schema) are the current file's, and a removal is reported where the object now is, as for the rest of the lock.
    /// </summary>
    private SurfaceLocation? OldLocation(SurfaceLocation? location) => _old.IsLock ? null : location;

    private static string Quote(string? text) => text is null ? "none" : "'" + text + "'";

    private static SurfaceNode Deref(SchemaSurface surface, SurfaceNode node)
    {
        for (var hops = 0; hops < 64 && node.IsPureRef && surface.Schemas.TryGetValue(node.Ref!, out var target); hops++)
        {
            node = target.Node;
        }

        return node;
    }

    private static void CompareTypes(Site at)
    {
        var old = at.Old.Types;
        var @new = at.New.Types;
        if (old is null && @new is null)
        {
            return;
        }

        string Text(List<string>? types) => types is null ? "any type" : types.Count == 0 ? "nothing" : string.Join(" or ", types);
        var widened = old is not null && (@new is null || @new.Any(t => !Covers(old, t)));
        var narrowed = @new is not null && (old is null || old.Any(t => !Covers(@new, t)));
        if (widened)
        {
            at.Add(DriftKind.TypeChanged, "type", $"{at.Label} was {Text(old)} and may now be {Text(@new)}");
        }
        else if (narrowed)
        {
            at.Add(DriftKind.TypeNarrowed, "type", $"{at.Label} was {Text(old)} and is now only {Text(@new)}");
        }
    }

    private static bool Covers(List<string> types, string type) => types.Contains(type) || (type == "integer" && types.Contains("number"));

    private static void CompareEnums(Site at)
    {
        var old = at.Old.Enum;
        var @new = at.New.Enum;
        var target = at.New.CSharpType is { } type ? type + ".Kind" : at.Label;
        if (old is not null && @new is not null)
        {
            foreach (var value in @new.Except(old, StringComparer.Ordinal))
            {
                at.Add(DriftKind.EnumValueAdded, "enum:" + value, $"{at.Label} may now be {value}: code that switches on it meets a value it does not know (Kind.Unknown)", target);
            }

            foreach (var value in old.Except(@new, StringComparer.Ordinal))
            {
                at.Add(DriftKind.EnumValueRemoved, "enum:" + value, $"{at.Label} is no longer {value}", target);
            }
        }
        else if (old is not null)
        {
            at.Add(DriftKind.ConstraintLoosened, "enum", $"{at.Label} is no longer limited to {old.Count} value(s): any value of its type may come", target);
        }
        else if (@new is not null)
        {
            at.Add(DriftKind.ConstraintTightened, "enum", $"{at.Label} is now limited to {@new.Count} value(s)", target);
        }
    }

    private static void CompareBounds(Site at)
    {
        var old = at.Old.BoundsOrEmpty;
        var @new = at.New.BoundsOrEmpty;
        if (old.Count == 0 && @new.Count == 0)
        {
            return;
        }

        foreach (var keyword in old.Keys.Union(@new.Keys).OrderBy(k => k, StringComparer.Ordinal))
        {
            old.TryGetValue(keyword, out var before);
            @new.TryGetValue(keyword, out var after);
            if (before == after)
            {
                continue;
            }

            var looser = Loosens(keyword, before, after);
            var text = $"{keyword} of {at.Label} changed from {before ?? "none"} to {after ?? "none"}";
            at.Add(looser ? DriftKind.ConstraintLoosened : DriftKind.ConstraintTightened, keyword, text);
        }
    }

    /// <summary>True when the new bound admits a value the old one did not.</summary>
    private static bool Loosens(string keyword, string? before, string? after)
    {
        if (after is null)
        {
            return true;
        }

        if (before is null)
        {
            return false;
        }

        var lower = Array.IndexOf(LowerBounds, keyword) >= 0;
        var upper = Array.IndexOf(UpperBounds, keyword) >= 0;
        if ((lower || upper) && TryNumber(before, out var b) && TryNumber(after, out var a))
        {
            return lower ? a < b : a > b;
        }

        if ((lower || upper) && bool.TryParse(before, out var wasExclusive) && bool.TryParse(after, out var isExclusive))
        {
            // draft-04's boolean exclusiveMinimum/exclusiveMaximum: dropping exclusivity admits the bound itself.
            return wasExclusive && !isExclusive;
        }

        if (keyword.StartsWith("dependentRequired/", StringComparison.Ordinal))
        {
            // Loosened when a member once required alongside the key may now be left out.
            var now = after.Split([", "], StringSplitOptions.RemoveEmptyEntries);
            return before.Split([", "], StringSplitOptions.RemoveEmptyEntries).Any(name => Array.IndexOf(now, name) < 0);
        }

        switch (keyword)
        {
            case "uniqueItems":
                return before == "true";
            case "multipleOf":
                // A multiple of the old step only admits values the old one did.
                return !(TryNumber(before, out var oldStep) && TryNumber(after, out var newStep) && oldStep != 0 && newStep % oldStep == 0);
            default:
                // A changed pattern may admit strings the old one did not.
                return true;
        }
    }

    private static bool TryNumber(string text, out decimal value)
        => decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value);

    private void CompareProperties(Site at)
    {
        var old = at.Old;
        var @new = at.New;
        var oldAll = EffectiveProperties(_old, old);
        var newAll = EffectiveProperties(_new, @new);
        var oldRequired = EffectiveRequired(_old, old);
        var newRequired = EffectiveRequired(_new, @new);
        foreach (var entry in old.PropertiesOrEmpty)
        {
            var member = at.Label + "." + entry.Value.Member;
            if (newAll.TryGetValue(entry.Key, out var current))
            {
                at.Child(Walk(entry.Value.Node, current.Node, member));
            }
            else
            {
                at.AddAt(DriftKind.PropertyRemoved, "property:" + entry.Key, entry.Value.Node.Pointer, null, OldLocation(entry.Value.NameLocation) ?? @new.Location, member,
                    $"property '{entry.Key}' was removed from {at.Label}: the generated member {member} goes away");
            }
        }

        foreach (var entry in @new.PropertiesOrEmpty)
        {
            var member = at.Label + "." + entry.Value.Member;
            if (oldAll.TryGetValue(entry.Key, out var before))
            {
                at.Child(Walk(before.Node, entry.Value.Node, member));
            }
            else
            {
                at.AddAt(DriftKind.PropertyAdded, "property:" + entry.Key, null, entry.Value.Node.Pointer, entry.Value.NameLocation ?? @new.Location, member,
                    $"property '{entry.Key}' was added to {at.Label}" + (newRequired.Contains(entry.Key) ? " (required)" : string.Empty));
            }
        }

        foreach (var name in old.RequiredOrEmpty)
        {
            if (!newRequired.Contains(name) && newAll.TryGetValue(name, out var current))
            {
                at.AddAt(DriftKind.PropertyBecameOptional, "required:" + name, current.Node.Pointer == string.Empty ? null : at.Old.Pointer + "/required", current.Node.Pointer, current.NameLocation ?? @new.Location, at.Label + "." + current.Member,
                    $"'{name}' is no longer required in {at.Label}: the provider may leave it out, and {at.Label}.{current.Member} may be null");
            }
        }

        foreach (var name in @new.RequiredOrEmpty)
        {
            if (!oldRequired.Contains(name) && oldAll.ContainsKey(name) && newAll.TryGetValue(name, out var current))
            {
                at.AddAt(DriftKind.PropertyBecameRequired, "required:" + name, at.Old.Pointer + "/required", current.Node.Pointer, current.NameLocation ?? @new.Location, at.Label + "." + current.Member,
                    $"'{name}' is now required in {at.Label}");
            }
        }
    }

    /// <summary>
    /// <c>not</c>, <c>if</c>/<c>then</c>/<c>else</c>, <c>contains</c>, <c>propertyNames</c>, tuples, pattern
    /// and dependent schemas. A subschema added is a constraint tightened and one removed a constraint
    /// loosened (members matching a pattern are extra members typed differently). Where a subschema
    /// changes, a tuple position, a branch or a dependent schema is compared by the rules; a change to
    /// <c>not</c>, <c>if</c>, <c>contains</c> or <c>propertyNames</c> cannot be judged by walking it (what
    /// <c>not</c> excludes widens as its schema narrows; <c>if</c> moves values between branches), so it is
    /// reported as loosened, the conservative reading.
    /// </summary>
    private void CompareApplicators(Site at)
    {
        var old = at.Old.ApplicatorsOrEmpty;
        var @new = at.New.ApplicatorsOrEmpty;
        if (old.Count == 0 && @new.Count == 0)
        {
            return;
        }

        foreach (var key in old.Keys.Union(@new.Keys).OrderBy(k => k, StringComparer.Ordinal).ToList())
        {
            old.TryGetValue(key, out var before);
            @new.TryGetValue(key, out var after);
            var keyword = Applicator.KeywordOf(key);
            var patterned = keyword == "patternProperties";
            var named = Applicator.NameOf(key);
            var what = named.Length == 0 ? $"'{keyword}' of {at.Label}" : $"'{keyword}' '{named}' of {at.Label}";
            if (before is not null && after is not null)
            {
                if (Array.IndexOf(WalkedApplicators, keyword) >= 0)
                {
                    at.Child(Walk(before, after, at.Label));
                }
                else if (DeepFingerprint(_old, before) != DeepFingerprint(_new, after))
                {
                    at.AddAt(patterned ? DriftKind.AdditionalPropertiesChanged : DriftKind.ConstraintLoosened, "applicator:" + key, before.Pointer, after.Pointer, after.Location ?? at.New.Location, at.Label,
                        patterned
                            ? $"the members of {at.Label} named like '{named}' are typed differently"
                            : $"the schema of {what} changed: it may admit values it did not (a change here is not judged finer)");
                }
            }
            else if (before is not null)
            {
                at.AddAt(patterned ? DriftKind.AdditionalPropertiesChanged : DriftKind.ConstraintLoosened, "applicator:" + key, before.Pointer, null, at.New.Location, at.Label,
                    patterned
                        ? $"the members of {at.Label} named like '{named}' are no longer described: any value may come"
                        : keyword == "prefixItems" ? $"position {named} of {at.Label} is no longer described: any value may come" : $"{what} was removed: values it excluded may come");
            }
            else
            {
                at.AddAt(patterned ? DriftKind.AdditionalPropertiesChanged : DriftKind.ConstraintTightened, "applicator:" + key, null, after!.Pointer, after.Location ?? at.New.Location, at.Label,
                    patterned
                        ? $"the members of {at.Label} named like '{named}' are now typed"
                        : keyword == "prefixItems" ? $"position {named} of {at.Label} is now described" : $"{what} was added");
            }
        }
    }

    /// <summary>
    /// A subschema as written, with every schema it references as written, so a change behind a <c>$ref</c>
    /// counts; without the generated C# names, so a type renamed by a change elsewhere does not.
    /// </summary>
    private static string DeepFingerprint(SchemaSurface surface, SurfaceNode node)
    {
        var text = new System.Text.StringBuilder(LockFileWriter.SchemaFingerprint(node));
        foreach (var key in Reachable(surface, [node]).OrderBy(k => k, StringComparer.Ordinal))
        {
            text.Append('\n').Append(key).Append('=');
            if (surface.Schemas.TryGetValue(key, out var target))
            {
                text.Append(LockFileWriter.SchemaFingerprint(target.Node));
            }
        }

        return text.ToString();
    }

    private void CompareItems(Site at)
    {
        if (at.Old.Items is { } before && at.New.Items is { } after)
        {
            at.Child(Walk(before, after, at.Label));
        }
        else if (at.Old.Items is not null)
        {
            at.Add(DriftKind.ConstraintLoosened, "items", $"the items of {at.Label} are no longer described: any value may come");
        }
        else if (at.New.Items is not null)
        {
            at.Add(DriftKind.ConstraintTightened, "items", $"the items of {at.Label} are now described");
        }
    }

    private void CompareAdditionalProperties(Site at)
    {
        var old = at.Old;
        var @new = at.New;
        if (old.AdditionalProperties is { } before && @new.AdditionalProperties is { } after)
        {
            at.Child(Walk(before, after, at.Label));
            return;
        }

        string Text(SurfaceNode node) => node.NoAdditionalProperties ? "none" : node.AdditionalProperties is not null ? "typed" : "any";
        var was = Text(old);
        var now = Text(@new);
        if (was == now)
        {
            return;
        }

        // Extra members newly allowed, or typed differently (the generated map's type changes);
        // only forbidding them is a promise of less.
        var kind = now == "none" ? DriftKind.ConstraintTightened : DriftKind.AdditionalPropertiesChanged;
        at.Add(kind, "additionalProperties", $"extra members of {at.Label} were {was} and are now {now}");
    }

    private void CompareVariants(Site at)
    {
        Match(at, at.Old.VariantsOrEmpty, at.New.VariantsOrEmpty, (before, after) => at.Child(Walk(before, after, at.Label)),
            added => at.AddAt(DriftKind.VariantAdded, "variant:" + VariantName(_new, added), null, added.Pointer, added.Location ?? at.New.Location, at.Label,
                $"{at.Label} gained the variant {VariantName(_new, added)}: code that matches on its variants meets one it does not handle"),
            removed => at.AddAt(DriftKind.VariantRemoved, "variant:" + VariantName(_old, removed), removed.Pointer, null, OldLocation(removed.Location) ?? at.New.Location, at.Label,
                $"{at.Label} lost the variant {VariantName(_old, removed)}"));
    }

    private static string VariantName(SchemaSurface surface, SurfaceNode node)
        => Deref(surface, node).CSharpType ?? (node.Ref is { } key ? KeyName(key) : node.Types is { } types ? string.Join("|", types) : "(inline)");

    private void CompareMembers(Site at)
    {
        if (!at.Old.HasAllOf && at.Old.Ref is null && !at.New.HasAllOf && at.New.Ref is null)
        {
            return;
        }

        var oldMembers = MembersOf(at.Old);
        var newMembers = MembersOf(at.New);
        var oldAll = EffectiveProperties(_old, at.Old);
        var newAll = EffectiveProperties(_new, at.New);
        Match(at, oldMembers, newMembers, (before, after) => at.Child(Walk(before, after, at.Label)),
            added =>
            {
                foreach (var entry in EffectiveProperties(_new, added))
                {
                    if (!oldAll.ContainsKey(entry.Key))
                    {
                        at.AddAt(DriftKind.PropertyAdded, "property:" + entry.Key, null, entry.Value.Node.Pointer, entry.Value.NameLocation ?? at.New.Location, at.Label + "." + entry.Value.Member,
                            $"property '{entry.Key}' was added to {at.Label}");
                    }
                }
            },
            removed =>
            {
                foreach (var entry in EffectiveProperties(_old, removed))
                {
                    if (!newAll.ContainsKey(entry.Key))
                    {
                        at.AddAt(DriftKind.PropertyRemoved, "property:" + entry.Key, entry.Value.Node.Pointer, null, OldLocation(entry.Value.NameLocation) ?? at.New.Location, at.Label + "." + entry.Value.Member,
                            $"property '{entry.Key}' was removed from {at.Label}: the generated member goes away");
                    }
                }
            });
    }

    /// <summary>The schemas that apply alongside a node's own facets: its <c>allOf</c> members and the target of a <c>$ref</c> with siblings.</summary>
    private static List<SurfaceNode> MembersOf(SurfaceNode node)
    {
        var members = new List<SurfaceNode>(node.AllOfOrEmpty);
        if (node.Ref is not null)
        {
            members.Insert(0, new SurfaceNode { Ref = node.Ref, Pointer = node.Pointer, Location = node.Location });
        }

        return members;
    }

    /// <summary>Pairs up branches: those naming the same schema first, then the rest in order.</summary>
    private static void Match(Site at, List<SurfaceNode> old, List<SurfaceNode> @new, Action<SurfaceNode, SurfaceNode> both, Action<SurfaceNode> added, Action<SurfaceNode> removed)
    {
        var unmatchedNew = new List<SurfaceNode>(@new);
        var unmatchedOld = new List<SurfaceNode>();
        foreach (var before in old)
        {
            var index = before.Ref is null ? -1 : unmatchedNew.FindIndex(n => n.Ref == before.Ref);
            if (index >= 0)
            {
                both(before, unmatchedNew[index]);
                unmatchedNew.RemoveAt(index);
            }
            else
            {
                unmatchedOld.Add(before);
            }
        }

        // Branches written alike are the same branch wherever they stand (a lock keeps them sorted).
        for (var i = unmatchedOld.Count - 1; i >= 0; i--)
        {
            var fingerprint = at.Fingerprint(unmatchedOld[i]);
            var index = unmatchedNew.FindIndex(n => at.Fingerprint(n) == fingerprint);
            if (index >= 0)
            {
                both(unmatchedOld[i], unmatchedNew[index]);
                unmatchedNew.RemoveAt(index);
                unmatchedOld.RemoveAt(i);
            }
        }

        var common = Math.Min(unmatchedOld.Count, unmatchedNew.Count);
        for (var i = 0; i < common; i++)
        {
            both(unmatchedOld[i], unmatchedNew[i]);
        }

        for (var i = common; i < unmatchedNew.Count; i++)
        {
            added(unmatchedNew[i]);
        }

        for (var i = common; i < unmatchedOld.Count; i++)
        {
            removed(unmatchedOld[i]);
        }
    }

    /// <summary>The properties a node's values may have: its own, its <c>allOf</c> members' and its reference's.</summary>
    private static IReadOnlyDictionary<string, SurfaceProperty> EffectiveProperties(SchemaSurface surface, SurfaceNode node)
    {
        if (!node.HasAllOf && node.Ref is null)
        {
            // Most schemas: their own properties are all there is, and need no copy.
            return node.PropertiesOrEmpty;
        }

        var result = new Dictionary<string, SurfaceProperty>(StringComparer.Ordinal);
        Collect(surface, node, new HashSet<SurfaceNode>(ReferenceEqualityComparer<SurfaceNode>.Instance), n =>
        {
            foreach (var entry in n.PropertiesOrEmpty)
            {
                if (!result.ContainsKey(entry.Key))
                {
                    result.Add(entry.Key, entry.Value);
                }
            }
        });
        return result;
    }

    private static ISet<string> EffectiveRequired(SchemaSurface surface, SurfaceNode node)
    {
        if (!node.HasAllOf && node.Ref is null)
        {
            return node.RequiredOrEmpty;
        }

        var result = new HashSet<string>(StringComparer.Ordinal);
        Collect(surface, node, new HashSet<SurfaceNode>(ReferenceEqualityComparer<SurfaceNode>.Instance), n => result.UnionWith(n.RequiredOrEmpty));
        return result;
    }

    private static void Collect(SchemaSurface surface, SurfaceNode node, HashSet<SurfaceNode> seen, Action<SurfaceNode> visit)
    {
        if (!seen.Add(node))
        {
            return;
        }

        visit(node);
        if (node.Ref is { } key && surface.Schemas.TryGetValue(key, out var target))
        {
            Collect(surface, target.Node, seen, visit);
        }

        foreach (var member in node.AllOfOrEmpty)
        {
            Collect(surface, member, seen, visit);
        }
    }

    /// <summary>Where the rules are applied: the pair, its schemas and the C# name reports use for it.</summary>
    private sealed class Site
    {
        private readonly SurfaceComparer _comparer;

        public Site(SurfaceComparer comparer, Pair pair, SurfaceNode old, SurfaceNode @new, string label)
        {
            _comparer = comparer;
            Pair = pair;
            Old = old;
            New = @new;
            Label = label;
        }

        public Pair Pair { get; }

        public SurfaceNode Old { get; }

        public SurfaceNode New { get; }

        public string Label { get; }

        public void Child(Pair child)
        {
            // The quiet pair has no changes to credit to events, so it needs no parents.
            if (!ReferenceEquals(child, QuietPair))
            {
                child.Parents.Add(Pair);
            }
        }

        public string Fingerprint(SurfaceNode node)
        {
            if (!_comparer._fingerprints.TryGetValue(node, out var fingerprint))
            {
                fingerprint = LockFileWriter.Fingerprint(node);
                _comparer._fingerprints.Add(node, fingerprint);
            }

            return fingerprint;
        }

        /// <summary>A change of the schema itself, at its new location.</summary>
        public void Add(DriftKind kind, string subject, string message, string? csharp = null)
            => AddAt(kind, subject, Old.Pointer, New.Pointer, New.Location, csharp ?? Label, message);

        public void AddAt(DriftKind kind, string subject, string? oldPointer, string? newPointer, SurfaceLocation? location, string? csharp, string message)
        {
            Pair.Changes.Add(new Pending(kind, oldPointer, newPointer, location, csharp, message, subject));
        }
    }
}
