using System;
using System.Collections.Generic;

namespace Hooksmith.Generator.Drift;

/// <summary>
/// What the keys of a file's schemas start with, the same in <c>hooksmith lock</c> and in the build: a
/// lone file's are its pointers alone (so two versions of a file under different names compare); with
/// several files, each file's path relative to the deepest folder that holds them all, with forward
/// slashes. Two <c>events.json</c> in different folders so stay apart, a flat folder's files are keyed by
/// their names (as locks were before nested folders were told apart), and a project's
/// <c>schemas/**/*.json</c> is keyed as <c>hooksmith lock schemas</c> keys it.
/// </summary>
internal static class DriftKeys
{
    /// <summary>The key prefix of each of <paramref name="paths"/>, in order.</summary>
    /// <param name="paths">The files' paths: full, or relative to one folder (the project's).</param>
    public static string[] PrefixesOf(IReadOnlyList<string> paths)
    {
        var prefixes = new string[paths.Count];
        if (paths.Count <= 1)
        {
            for (var i = 0; i < prefixes.Length; i++)
            {
                prefixes[i] = string.Empty;
            }

            return prefixes;
        }

        var normalized = new string[paths.Count];
        for (var i = 0; i < paths.Count; i++)
        {
            normalized[i] = paths[i].Replace('\\', '/');
        }

        // The common folder: the longest prefix, ending at a '/', that every path shares.
        var common = normalized[0].LastIndexOf('/') + 1;
        for (var i = 1; i < normalized.Length && common > 0; i++)
        {
            var limit = Math.Min(common, normalized[i].Length);
            var same = 0;
            while (same < limit && normalized[i][same] == normalized[0][same])
            {
                same++;
            }

            common = normalized[0].LastIndexOf('/', Math.Max(0, same - 1)) + 1;
            if (same == 0)
            {
                common = 0;
            }
        }

        for (var i = 0; i < normalized.Length; i++)
        {
            prefixes[i] = normalized[i].Substring(common);
        }

        return prefixes;
    }
}
