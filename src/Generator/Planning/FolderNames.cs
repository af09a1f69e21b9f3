using System;
using System.Collections.Generic;
using System.Linq;
using Hooksmith.Generator.Naming;

namespace Hooksmith.Generator.Planning;

/// <summary>
/// Tells files apart by their folders: <c>schemas/check_run/created.schema.json</c> and
/// <c>schemas/pull_request/created.schema.json</c> get <c>CheckRun</c> and <c>PullRequest</c>.
/// </summary>
internal static class FolderNames
{
    /// <summary>
    /// The shortest run of trailing folder names (PascalCased and joined) that is different for every
    /// file, compared ignoring case; null when no run of folders tells them all apart (files side by side).
    /// </summary>
    public static IReadOnlyDictionary<string, string>? DistinguishingPrefixes(IReadOnlyList<string> paths)
    {
        var folders = paths.Select(FoldersOf).ToList();
        var deepest = folders.Max(f => f.Count);
        for (var depth = 1; depth <= deepest; depth++)
        {
            var prefixes = folders.Select(f => PrefixOf(f, depth)).ToList();
            if (prefixes.All(p => p.Length > 0) && prefixes.Distinct(StringComparer.OrdinalIgnoreCase).Count() == prefixes.Count)
            {
                var result = new Dictionary<string, string>(StringComparer.Ordinal);
                for (var i = 0; i < paths.Count; i++)
                {
                    result[paths[i]] = prefixes[i];
                }

                return result;
            }
        }

        return null;
    }

    /// <summary>The folders of a path, outermost first (both separators, so a Windows path reads the same everywhere).</summary>
    private static List<string> FoldersOf(string path)
    {
        var parts = path.Split('/', '\\').Where(p => p.Length > 0).ToList();
        if (parts.Count > 0)
        {
            parts.RemoveAt(parts.Count - 1);
        }

        return parts;
    }

    private static string PrefixOf(List<string> folders, int depth)
    {
        if (folders.Count < depth)
        {
            return string.Empty;
        }

        var prefix = string.Concat(folders.Skip(folders.Count - depth).Select(Identifiers.ToPascalCase));

        // A folder named only with digits or symbols would start the type name with a digit.
        return prefix.Length > 0 && char.IsLetter(prefix[0]) ? prefix : string.Empty;
    }
}
