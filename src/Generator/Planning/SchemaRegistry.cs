using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Hooksmith.Generator.Json;
using Hooksmith.Generator.Model;
using Hooksmith.Generator.Planning.Validation;
using Hooksmith.Generator.Schema;

namespace Hooksmith.Generator.Planning;

/// <summary>
/// The compilation's schema files as seen from outside: which file defines which URI, and the type at
/// each of their schema locations. Built from every file's small <see cref="DocumentExports"/>, never
/// from the documents themselves, so it changes only when what files export changes.
/// </summary>
internal sealed class SchemaRegistry : IEquatable<SchemaRegistry>
{
    private readonly EquatableArray<DocumentExports> _documents;
    private readonly Dictionary<string, (DocumentExports Document, string Pointer)> _resources = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (DocumentExports Document, string Pointer)> _anchors = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Dictionary<string, TypeRef>> _types = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Dictionary<string, Target>> _validators = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<(DocumentExports Document, DynamicAnchorExport Anchor)>> _dynamicAnchors = new(StringComparer.Ordinal);
    private readonly Dictionary<string, EquatableArray<string>> _vocabularies = new(StringComparer.Ordinal);

    // For each file, the files whose validators refer into it: built once, walked for each dynamic anchor.
    private readonly Dictionary<string, List<string>> _referrers = new(StringComparer.Ordinal);
    // Ignoring case: two types whose full names differ only in case would get hint names that Roslyn
    // (like the file system) treats as the same, so the second is a duplicate all the same.
    private readonly Dictionary<string, string> _typeOwners = new(StringComparer.OrdinalIgnoreCase);

    // Every namespace that generated types live in, with its ancestors ("A.B" gives "A" and "A.B"), and
    // the first file that puts a type there: a type with one of these full names would clash with it.
    private readonly Dictionary<string, string> _namespaceOwners = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _timesListed = new(StringComparer.Ordinal);

    // Names that files in one namespace both claim, told apart by folder (or dropped where nothing can).
    private readonly Dictionary<string, Dictionary<string, TypeRename>> _renames = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<DuplicateType>> _dropped = new(StringComparer.Ordinal);

    public SchemaRegistry(ImmutableArray<DocumentExports> documents)
    {
        // Path order makes "the first definition wins" independent of the order files are listed in.
        _documents = documents.OrderBy(d => d.Path, StringComparer.Ordinal).ToEquatableArray();
        foreach (var document in _documents)
        {
            foreach (var resource in document.Resources)
            {
                if (!_resources.ContainsKey(resource.Uri))
                {
                    _resources.Add(resource.Uri, (document, resource.Pointer));
                }
            }

            foreach (var anchor in document.Anchors)
            {
                if (!_anchors.ContainsKey(anchor.Uri))
                {
                    _anchors.Add(anchor.Uri, (document, anchor.Pointer));
                }
            }

            _timesListed[document.Path] = _timesListed.TryGetValue(document.Path, out var times) ? times + 1 : 1;
            _types[document.Path] = document.Types.ToDictionary(t => t.Pointer, t => t.Type, StringComparer.Ordinal);
            _validators[document.Path] = document.Validation.Validators.ToDictionary(v => v.Pointer, v => v.Target, StringComparer.Ordinal);
            foreach (var vocabularies in document.Validation.Vocabularies)
            {
                if (!_vocabularies.ContainsKey(vocabularies.Resource))
                {
                    _vocabularies.Add(vocabularies.Resource, vocabularies.Vocabularies);
                }
            }

            foreach (var anchor in document.Validation.DynamicAnchors)
            {
                if (!_dynamicAnchors.TryGetValue(anchor.Name, out var list))
                {
                    _dynamicAnchors[anchor.Name] = list = [];
                }

                list.Add((document, anchor));
            }
            foreach (var name in document.TypeNames)
            {
                if (!_typeOwners.ContainsKey(name))
                {
                    _typeOwners.Add(name, document.Path);
                }

                for (var dot = name.LastIndexOf('.'); dot > 0; dot = name.LastIndexOf('.', dot - 1))
                {
                    var @namespace = name.Substring(0, dot);
                    if (!_namespaceOwners.ContainsKey(@namespace))
                    {
                        _namespaceOwners.Add(@namespace, document.Path);
                    }
                }
            }
        }

        IndexReferrers();
        AssignClashingNames();
    }

    /// <summary>
    /// Gives every full name that more than one file claims (a type, or a file's validator class) to one
    /// file at most. Each claimant is renamed after what tells its file apart from the others, its folders
    /// (<c>CheckRun</c> + <c>CreatedEvent</c>); where folders cannot (files side by side), the first file in
    /// path order keeps the name, the others' types are dropped (HSM0008) and their validator classes numbered.
    /// Path order and ordinal comparisons keep the outcome independent of the order files are listed in.
    /// </summary>
    private void AssignClashingNames()
    {
        var claims = new Dictionary<string, List<(string Path, string Name, bool IsClass)>>(StringComparer.OrdinalIgnoreCase);
        foreach (var document in _documents)
        {
            var names = document.TypeNames.Select(n => (Name: n, IsClass: false)).ToList();
            if (document.Validation.ClassFullName.Length > 0)
            {
                names.Add((document.Validation.ClassFullName, true));
            }

            foreach (var (name, isClass) in names)
            {
                if (!claims.TryGetValue(name, out var list))
                {
                    claims[name] = list = [];
                }

                if (!list.Any(c => c.Path == document.Path))
                {
                    list.Add((document.Path, name, isClass));
                }
            }
        }

        var taken = new HashSet<string>(claims.Keys, StringComparer.OrdinalIgnoreCase);
        foreach (var group in claims.Where(c => c.Value.Count > 1).OrderBy(c => c.Key, StringComparer.Ordinal).Select(c => c.Value))
        {
            var prefixes = FolderNames.DistinguishingPrefixes(group.Select(c => c.Path).ToList());
            var others = group.Select(c => c.Path).ToList();
            var kept = new List<(string Path, string Name, bool IsClass)>();
            foreach (var claim in group)
            {
                var dot = claim.Name.LastIndexOf('.');
                var @namespace = dot < 0 ? string.Empty : claim.Name.Substring(0, dot + 1);
                var renamed = prefixes is null ? null : @namespace + prefixes[claim.Path] + claim.Name.Substring(dot + 1);
                if (renamed is not null && !taken.Contains(renamed) && !_namespaceOwners.ContainsKey(renamed))
                {
                    taken.Add(renamed);
                    AddRename(claim.Path, new TypeRename(claim.Name, renamed, string.Join(", ", others.Where(p => p != claim.Path)), ByFolder: true));
                }
                else
                {
                    kept.Add(claim);
                }
            }

            // Nothing told these apart: the first type keeps the name. Validator classes never do, so that
            // references to a dropped type still reach a type.
            var keeper = kept.FirstOrDefault(c => !c.IsClass);
            if (keeper.Path is null && kept.Count > 0)
            {
                keeper = kept[0];
            }

            foreach (var claim in kept.Where(c => c != keeper))
            {
                if (claim.IsClass)
                {
                    // A validator class is not the user's to name: a number is as good as any.
                    var numbered = Enumerable.Range(2, int.MaxValue - 2).Select(i => claim.Name + i.ToString(System.Globalization.CultureInfo.InvariantCulture)).First(n => !taken.Contains(n));
                    taken.Add(numbered);
                    AddRename(claim.Path, new TypeRename(claim.Name, numbered, keeper.Path ?? string.Empty, ByFolder: false));
                }
                else
                {
                    if (!_dropped.TryGetValue(claim.Path, out var dropped))
                    {
                        _dropped[claim.Path] = dropped = [];
                    }

                    dropped.Add(new DuplicateType(claim.Name, keeper.Path ?? string.Empty));
                }
            }
        }
    }

    private void AddRename(string path, TypeRename rename)
    {
        if (!_renames.TryGetValue(path, out var renames))
        {
            _renames[path] = renames = new Dictionary<string, TypeRename>(StringComparer.Ordinal);
        }

        renames[rename.FullName] = rename;
    }

    /// <summary>The names of <paramref name="path"/>'s types (and validator class) that clash with another file's, and what they become.</summary>
    public IEnumerable<TypeRename> RenamesOf(string path)
        => _renames.TryGetValue(path, out var renames) ? renames.Values.OrderBy(r => r.FullName, StringComparer.Ordinal) : [];

    /// <summary>The types of <paramref name="path"/> that another file generates under the same name, where nothing tells the files apart.</summary>
    public IEnumerable<DuplicateType> DroppedOf(string path)
        => _dropped.TryGetValue(path, out var dropped) ? dropped : [];

    /// <summary>A type as another file sees it: with the names its owner's clashes gave it.</summary>
    private TypeRef Renamed(TypeRef type, string ownerPath)
        => _renames.TryGetValue(ownerPath, out var renames) ? TypeRenaming.Apply(type, renames) : type;

    private void IndexReferrers()
    {
        foreach (var document in _documents)
        {
            foreach (var uri in document.Validation.ReferencedResources)
            {
                if (_resources.TryGetValue(uri, out var owner) && owner.Document.Path != document.Path)
                {
                    if (!_referrers.TryGetValue(owner.Document.Path, out var list))
                    {
                        _referrers[owner.Document.Path] = list = [];
                    }

                    list.Add(document.Path);
                }
            }
        }
    }

    /// <summary>The file that generates the type named <paramref name="fullName"/> (the first in path order).</summary>
    public string? OwnerOf(string fullName) => _typeOwners.TryGetValue(fullName, out var path) ? path : null;

    /// <summary>The file (the first in path order) and pointer of the resource with URI <paramref name="uri"/>.</summary>
    public (string Path, string Pointer)? ResourceOwnerOf(string uri)
        => _resources.TryGetValue(uri, out var resource) ? (resource.Document.Path, resource.Pointer) : null;

    /// <summary>The first file (in path order) whose types live in the namespace <paramref name="name"/> or below it.</summary>
    public string? NamespaceOwnerOf(string name) => _namespaceOwners.TryGetValue(name, out var path) ? path : null;

    /// <summary>
    /// How many times a file is among the schema files. More than once (the same item included twice)
    /// would generate every type twice, which the driver rejects.
    /// </summary>
    public int TimesListed(string path) => _timesListed.TryGetValue(path, out var times) ? times : 0;

    /// <summary>The type of the schema at an absolute URI, or why there is none.</summary>
    public TypeRef Resolve(string uri, out string? error)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var current = uri;
        while (seen.Add(current))
        {
            var type = ResolveOnce(current, out error);
            if (type is null)
            {
                return TypeRef.Any;
            }

            if (type.Kind != TypeRefKind.External)
            {
                return type;
            }

            current = type.FullName!;
        }

        error = $"the references starting at '{uri}' form a cycle";
        return TypeRef.Any;
    }

    /// <summary>
    /// The discriminating property of the record at an absolute URI (following references into further
    /// files), so a union in another file can tell that variant apart; null when it has none.
    /// </summary>
    public PointerDiscriminator? DiscriminatorOf(string uri)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var current = uri;
        while (seen.Add(current) && Locate(current, out _) is { } found)
        {
            if (found.Document.Discriminators.FirstOrDefault(d => d.Pointer == found.Pointer) is { } discriminator)
            {
                return discriminator;
            }

            if (!_types[found.Document.Path].TryGetValue(found.Pointer, out var type) || type.Kind != TypeRefKind.External)
            {
                return null;
            }

            current = type.FullName!;
        }

        return null;
    }

    /// <summary>
    /// The validator of the schema at an absolute URI, qualified with its class unless it is in the file
    /// <paramref name="fromPath"/>; an unresolved target (with the reason) when there is none.
    /// </summary>
    public Target ResolveValidator(string uri, string fromPath)
    {
        var location = Locate(uri, out var error);
        if (location is not { } found)
        {
            return error is null ? Target.AlwaysValid : Target.ToNothing(uri, error);
        }

        if (!_validators[found.Document.Path].TryGetValue(found.Pointer, out var target))
        {
            return Target.ToNothing(uri, $"'{found.Document.Path}#{found.Pointer}' is not a schema that its file validates");
        }

        return Qualify(target, found.Document, fromPath);
    }

    /// <summary>The vocabularies a meta-schema of the compilation declares with <c>$vocabulary</c>; null when it declares none or is not in the compilation.</summary>
    public EquatableArray<string>? VocabulariesOf(string metaSchemaUri)
        => _vocabularies.TryGetValue(metaSchemaUri, out var vocabularies) ? vocabularies : null;

    /// <summary>Whether the schema at an absolute URI declares the dynamic anchor <paramref name="name"/>.</summary>
    public bool DeclaresDynamicAnchor(string uri, string name)
        => Locate(uri, out _) is { } found
        && _dynamicAnchors.TryGetValue(name, out var anchors)
        && anchors.Any(a => a.Document.Path == found.Document.Path && a.Anchor.Pointer == found.Pointer);

    /// <summary>
    /// The schema resources that declare the dynamic anchor <paramref name="name"/> and can be in the dynamic
    /// scope when evaluation reaches the file <paramref name="fromPath"/>: those of files whose references
    /// lead (directly or through other files) to it, and of the file itself.
    /// </summary>
    public IEnumerable<DynamicCandidate> DynamicAnchorsNamed(string name, string fromPath)
    {
        if (!_dynamicAnchors.TryGetValue(name, out var anchors))
        {
            yield break;
        }

        var callers = FilesLeadingTo(fromPath);
        foreach (var (document, anchor) in anchors)
        {
            if (callers.Contains(document.Path) && _validators[document.Path].TryGetValue(anchor.Pointer, out var target))
            {
                yield return new DynamicCandidate(anchor.Resource, Qualify(target, document, fromPath));
            }
        }
    }

    /// <summary>The files from which evaluation can reach <paramref name="path"/> through references, the file itself included.</summary>
    private HashSet<string> FilesLeadingTo(string path)
    {
        var found = new HashSet<string>(StringComparer.Ordinal) { path };
        var pending = new Stack<string>();
        pending.Push(path);
        while (pending.Count > 0)
        {
            if (!_referrers.TryGetValue(pending.Pop(), out var referrers))
            {
                continue;
            }

            foreach (var referrer in referrers)
            {
                if (found.Add(referrer))
                {
                    pending.Push(referrer);
                }
            }
        }

        return found;
    }

    private Target Qualify(Target target, DocumentExports document, string fromPath)
        => document.Path == fromPath ? target : target.Kind switch
        {
            TargetKind.Method => target with { Method = "global::" + ClassFullNameOf(document) + "." + target.Method },
            TargetKind.Through => target with { Inner = Qualify(target.Inner!, document, fromPath) },
            _ => target,
        };

    private string ClassFullNameOf(DocumentExports document)
        => _renames.TryGetValue(document.Path, out var renames) && renames.TryGetValue(document.Validation.ClassFullName, out var renamed)
            ? renamed.NewFullName
            : document.Validation.ClassFullName;

    /// <summary>The file and pointer of an absolute URI; null with an error when nothing has it, null without one for a meta-schema outside the compilation.</summary>
    private (DocumentExports Document, string Pointer)? Locate(string uri, out string? error)
    {
        error = null;
        var body = UriReference.WithoutFragment(uri);
        var fragment = UriReference.FragmentOf(uri) ?? string.Empty;
        if (_resources.TryGetValue(body, out var resource) && !IsAnchor(fragment))
        {
            if (!JsonPointer.TryUnescapeUriFragment(fragment, out var pointer))
            {
                error = $"the fragment '#{fragment}' is not a valid JSON Pointer";
                return null;
            }

            return (resource.Document, resource.Pointer + pointer);
        }

        if (_anchors.TryGetValue(uri, out var anchor))
        {
            return anchor;
        }

        if (!RefResolver.IsWellKnownMetaSchema(body))
        {
            error = _resources.ContainsKey(body)
                ? $"no anchor '{fragment}' is defined in '{body}'"
                : $"no schema file of the compilation has the URI '{body}'";
        }

        return null;
    }

    private TypeRef? ResolveOnce(string uri, out string? error)
    {
        error = null;
        var body = UriReference.WithoutFragment(uri);
        var fragment = UriReference.FragmentOf(uri) ?? string.Empty;
        (DocumentExports Document, string Pointer) target;
        if (_resources.TryGetValue(body, out var resource) && !IsAnchor(fragment))
        {
            if (!JsonPointer.TryUnescapeUriFragment(fragment, out var pointer))
            {
                error = $"the fragment '#{fragment}' is not a valid JSON Pointer";
                return null;
            }

            target = (resource.Document, resource.Pointer + pointer);
        }
        else if (_anchors.TryGetValue(uri, out var anchor))
        {
            target = anchor;
        }
        else if (RefResolver.IsWellKnownMetaSchema(body))
        {
            // A meta-schema accepts any schema document: the value is kept as raw JSON.
            return TypeRef.Any;
        }
        else
        {
            error = _resources.ContainsKey(body)
                ? $"no anchor '{fragment}' is defined in '{body}'"
                : $"no schema file of the compilation has the URI '{body}'";
            return null;
        }

        if (_types[target.Document.Path].TryGetValue(target.Pointer, out var type))
        {
            return Renamed(type, target.Document.Path);
        }

        // The location exists but holds no typed schema (a subschema under 'not', say): keep it raw.
        return TypeRef.Any;
    }

    private static bool IsAnchor(string fragment) => fragment.Length > 0 && !fragment.StartsWith("/", StringComparison.Ordinal);

    public bool Equals(SchemaRegistry? other) => other is not null && _documents.Equals(other._documents);

    public override bool Equals(object? obj) => Equals(obj as SchemaRegistry);

    public override int GetHashCode() => _documents.GetHashCode();
}
