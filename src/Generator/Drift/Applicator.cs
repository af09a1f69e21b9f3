namespace Hooksmith.Generator.Drift;

/// <summary>
/// The keys of <see cref="SurfaceNode.Applicators"/>: a keyword, followed for the keywords that hold
/// several subschemas by <c>/</c> and the name, pattern or position (<c>patternProperties/^x-</c>).
/// </summary>
internal static class Applicator
{
    /// <summary>Keywords with one subschema.</summary>
    public static readonly string[] Single = ["not", "if", "then", "else", "contains", "propertyNames"];

    /// <summary>Keywords with a subschema per name or position.</summary>
    public static readonly string[] Keyed = ["prefixItems", "patternProperties", "dependentSchemas"];

    /// <summary>The keyword of a key (<c>patternProperties</c> of <c>patternProperties/^x-</c>).</summary>
    public static string KeywordOf(string key)
    {
        var slash = key.IndexOf('/');
        return slash < 0 ? key : key.Substring(0, slash);
    }

    /// <summary>The name or position of a key ("" for a keyword with one subschema).</summary>
    public static string NameOf(string key)
    {
        var slash = key.IndexOf('/');
        return slash < 0 ? string.Empty : key.Substring(slash + 1);
    }

    /// <summary>True when <paramref name="key"/> is an applicator key.</summary>
    public static bool IsKey(string key)
    {
        var keyword = KeywordOf(key);
        return System.Array.IndexOf(Single, keyword) >= 0 ? keyword.Length == key.Length : System.Array.IndexOf(Keyed, keyword) >= 0 && keyword.Length < key.Length;
    }

    /// <summary>The JSON Pointer of the subschema under the schema at <paramref name="pointer"/>.</summary>
    public static string PointerOf(string pointer, string key)
    {
        var keyword = KeywordOf(key);
        return keyword.Length == key.Length ? pointer + "/" + keyword : Json.JsonPointer.Append(pointer + "/" + keyword, NameOf(key));
    }
}
