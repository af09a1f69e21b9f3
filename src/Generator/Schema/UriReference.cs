using System;

namespace Hooksmith.Generator.Schema;

/// <summary>
/// URI-reference resolution (RFC 3986) for <c>$id</c> and <c>$ref</c>, done on strings so that
/// fragments keep their exact spelling and non-hierarchical URIs (<c>urn:</c>) work. Never throws.
/// </summary>
internal static class UriReference
{
    /// <summary>Resolves <paramref name="reference"/> against <paramref name="baseUri"/>.</summary>
    public static bool TryResolve(string baseUri, string reference, out string absolute)
    {
        absolute = string.Empty;
        if (reference.StartsWith("#", StringComparison.Ordinal))
        {
            absolute = WithoutFragment(baseUri) + reference;
            return true;
        }

        var (referenceBody, referenceFragment) = Split(reference);
        if (HasScheme(referenceBody))
        {
            absolute = Normalize(referenceBody) + referenceFragment;
            return true;
        }

        var baseBody = WithoutFragment(baseUri);
        if (referenceBody.Length == 0)
        {
            absolute = baseBody + referenceFragment;
            return true;
        }

        try
        {
            if (Uri.TryCreate(baseBody, UriKind.Absolute, out var baseParsed)
                && !baseParsed.Scheme.Equals("urn", StringComparison.OrdinalIgnoreCase)
                && Uri.TryCreate(baseParsed, referenceBody, out var resolved))
            {
                absolute = resolved.AbsoluteUri + referenceFragment;
                return true;
            }
        }
        catch (UriFormatException)
        {
            // Falls through: not resolvable.
        }

        return false;
    }

    /// <summary>The URI as a file URI, for files without a configured base URI.</summary>
    public static string FromFilePath(string path)
    {
        // '#', '?' and '%' are plain characters in a file name but delimiters in a URI: escaped first,
        // or "a#b.json" would become "a" with the fragment "b.json".
        var slashed = path.Replace('\\', '/').Replace("%", "%25").Replace("#", "%23").Replace("?", "%3F");
        var text = slashed.StartsWith("/", StringComparison.Ordinal) ? "file://" + slashed : "file:///" + slashed;
        try
        {
            return Uri.TryCreate(text, UriKind.Absolute, out var uri) ? uri.AbsoluteUri : "urn:hooksmith:file:" + Uri.EscapeDataString(slashed);
        }
        catch (UriFormatException)
        {
            return "urn:hooksmith:file:" + Uri.EscapeDataString(slashed);
        }
    }

    public static string WithoutFragment(string uri)
    {
        var hash = uri.IndexOf('#');
        return hash < 0 ? uri : uri.Substring(0, hash);
    }

    /// <summary>The fragment without its '#', or null when there is none.</summary>
    public static string? FragmentOf(string uri)
    {
        var hash = uri.IndexOf('#');
        return hash < 0 ? null : uri.Substring(hash + 1);
    }

    public static (string Body, string Fragment) Split(string uri)
    {
        var hash = uri.IndexOf('#');
        return hash < 0 ? (uri, string.Empty) : (uri.Substring(0, hash), uri.Substring(hash));
    }

    private static bool HasScheme(string text)
    {
        if (text.Length == 0 || !IsAsciiLetter(text[0]))
        {
            return false;
        }

        for (var i = 1; i < text.Length; i++)
        {
            var c = text[i];
            if (c == ':')
            {
                return true;
            }

            if (!IsAsciiLetter(c) && !(c >= '0' && c <= '9') && c != '+' && c != '-' && c != '.')
            {
                return false;
            }
        }

        return false;
    }

    private static string Normalize(string absolute)
    {
        try
        {
            if (Uri.TryCreate(absolute, UriKind.Absolute, out var uri) && !uri.Scheme.Equals("urn", StringComparison.OrdinalIgnoreCase))
            {
                return uri.AbsoluteUri;
            }
        }
        catch (UriFormatException)
        {
            // Keep the text as written.
        }

        return absolute;
    }

    private static bool IsAsciiLetter(char c) => (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}
