using System;
using System.Collections.Generic;
using System.Linq;

namespace Hooksmith.Generator.Planning;

internal sealed partial class TypePlanner
{
    /// <summary>How many property names (or kind words: <c>Item</c>, <c>Value</c>) an inline type's name keeps after its anchor.</summary>
    private const int InlineNameWords = 2;

    // For each name hint (and the type claimed from it): the nearest named schema's name and the words after it.
    private readonly Dictionary<string, (string Anchor, string[] Words)> _namePaths = new(StringComparer.Ordinal);

    /// <summary>
    /// The name hint of an inline schema under <paramref name="parent"/> (a type's name or another hint):
    /// the nearest named schema's name and the last <see cref="InlineNameWords"/> words of the path to it,
    /// so nesting does not make names grow (<c>RegistryPackagePublishedEventManifestConfig</c>, not every
    /// property on the way).
    /// </summary>
    private string InlineName(string parent, string word)
    {
        var (anchor, words) = _namePaths.TryGetValue(parent, out var path) ? path : (parent, []);
        var all = new string[words.Length + 1];
        words.CopyTo(all, 0);
        all[words.Length] = word;
        return Remember(anchor, all);
    }

    /// <summary>A hint whose last word is replaced (<c>Items</c> → <c>Item</c> for a list's elements).</summary>
    private string InlineName(string hint, Func<string, string> lastWord)
    {
        if (!_namePaths.TryGetValue(hint, out var path) || path.Words.Length == 0)
        {
            return lastWord(hint);
        }

        var words = path.Words.ToArray();
        words[words.Length - 1] = lastWord(words[words.Length - 1]);
        return Remember(path.Anchor, words);
    }

    private string Remember(string anchor, string[] words)
    {
        var kept = words;
        if (words.Length > InlineNameWords)
        {
            kept = new string[InlineNameWords];
            Array.Copy(words, words.Length - InlineNameWords, kept, 0, InlineNameWords);
        }

        var hint = anchor + string.Concat(kept);
        _namePaths[hint] = (anchor, kept);
        return hint;
    }

    /// <summary>Carries a hint's path over to the type named from it, so schemas nested in it keep the same anchor.</summary>
    private void RememberTypeName(string name, string nameHint)
    {
        if (name != nameHint && _namePaths.TryGetValue(nameHint, out var path) && name.StartsWith(nameHint, StringComparison.OrdinalIgnoreCase))
        {
            _namePaths[name] = path;
        }
    }
}
