using System;
using System.Threading;
using Hooksmith.Generator.Json;

namespace Hooksmith.Generator.Schema;

/// <summary>The outcome of resolving a reference from inside one document.</summary>
internal readonly struct RefTarget
{
    private RefTarget(SchemaNodeInfo? local, string? externalUri, string? error)
    {
        Local = local;
        ExternalUri = externalUri;
        Error = error;
    }

    /// <summary>The target, when it is in the same document.</summary>
    public SchemaNodeInfo? Local { get; }

    /// <summary>The absolute URI, when the target is in another document.</summary>
    public string? ExternalUri { get; }

    /// <summary>Why the reference cannot be resolved, when it cannot.</summary>
    public string? Error { get; }

    public static RefTarget InDocument(SchemaNodeInfo target) => new(target, null, null);

    public static RefTarget InOtherDocument(string uri) => new(null, uri, null);

    public static RefTarget Unresolved(string error) => new(null, null, error);
}

/// <summary>
/// The second half of the Resolve stage: resolves <c>$ref</c> values against base URIs, to a schema
/// in the same document or to an absolute URI that the registry resolves across files.
/// </summary>
internal sealed class RefResolver
{
    private readonly SchemaIndex _index;
    private readonly CancellationToken _cancellationToken;

    public RefResolver(SchemaIndex index, CancellationToken cancellationToken)
    {
        _index = index;
        _cancellationToken = cancellationToken;
    }

    public RefTarget Resolve(SchemaNodeInfo from, string reference)
    {
        if (!UriReference.TryResolve(from.BaseUri, reference, out var absolute))
        {
            return RefTarget.Unresolved($"it is not a URI reference that can be resolved against '{from.BaseUri}'");
        }

        return ResolveAbsolute(absolute);
    }

    public RefTarget ResolveAbsolute(string absolute)
    {
        var body = UriReference.WithoutFragment(absolute);
        var fragment = UriReference.FragmentOf(absolute) ?? string.Empty;
        if (_index.Resources.TryGetValue(body, out var resourcePointer))
        {
            if (fragment.Length == 0)
            {
                return At(resourcePointer, absolute);
            }

            if (fragment.StartsWith("/", StringComparison.Ordinal))
            {
                if (!JsonPointer.TryUnescapeUriFragment(fragment, out var pointer))
                {
                    return RefTarget.Unresolved($"the fragment '#{fragment}' is not a valid JSON Pointer");
                }

                return At(resourcePointer + pointer, absolute);
            }
        }

        if (_index.Anchors.TryGetValue(absolute, out var anchored))
        {
            return At(anchored, absolute);
        }

        if (_index.Resources.ContainsKey(body))
        {
            return RefTarget.Unresolved($"no anchor '{fragment}' is defined in '{body}'");
        }

        return RefTarget.InOtherDocument(absolute);
    }

    private RefTarget At(string pointer, string absolute)
    {
        if (_index.Schemas.TryGetValue(pointer, out var known))
        {
            return RefTarget.InDocument(known);
        }

        var root = _index.Document.Root;
        var node = root is null ? null : JsonPointer.Resolve(root, pointer);
        if (node is null)
        {
            return RefTarget.Unresolved($"'{absolute}' points to nothing in '{_index.Document.Path}'");
        }

        if (!node.IsObject && !node.IsBoolean)
        {
            return RefTarget.Unresolved($"'{absolute}' points to a {node.Kind.ToString().ToLowerInvariant()}, not a schema");
        }

        // A schema reached only by pointer (under an unknown keyword, say): index it with the rules of the
        // nearest enclosing schema, so its own references resolve too.
        var enclosing = EnclosingSchema(pointer);
        return RefTarget.InDocument(SchemaIndexer.IndexLate(_index, node, enclosing, _cancellationToken));
    }

    private SchemaNodeInfo EnclosingSchema(string pointer)
    {
        var current = pointer;
        while (current.Length > 0)
        {
            current = current.Substring(0, current.LastIndexOf('/'));
            if (_index.Schemas.TryGetValue(current, out var info))
            {
                return info;
            }
        }

        return new SchemaNodeInfo(_index.Document.Root!, _index.Document.Dialect, _index.Document.BaseUri, _index.Document.IsOpenApi);
    }

    /// <summary>Meta-schemas may be referred to without being part of the compilation: they accept any schema.</summary>
    public static bool IsWellKnownMetaSchema(string uri)
        => uri.StartsWith("http://json-schema.org/", StringComparison.Ordinal)
        || uri.StartsWith("https://json-schema.org/", StringComparison.Ordinal)
        || uri.StartsWith("https://spec.openapis.org/", StringComparison.Ordinal);
}
