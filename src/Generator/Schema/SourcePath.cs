using System;
using System.Collections.Generic;

namespace Hooksmith.Generator.Schema;

/// <summary>
/// The spelling of a schema file's path that generated code records. Generated sources must be the same
/// in every clone of a project, so they name a file by its path relative to the project directory, never
/// by where the clone happens to be.
/// </summary>
internal static class SourcePath
{
    /// <summary>
    /// The path with forward slashes and without '.' and 'dir/..' segments
    /// (<c>/repo/tests/../schemas/a.json</c> → <c>/repo/schemas/a.json</c>).
    /// </summary>
    public static string Normalize(string path) => string.Join("/", Segments(path));

    /// <summary>
    /// <paramref name="path"/> relative to <paramref name="directory"/>, with forward slashes
    /// (<c>../schemas/a.json</c>); null when either is not rooted or they have no common root (another drive).
    /// </summary>
    public static string? RelativeTo(string directory, string path)
    {
        if (!IsRooted(directory) || !IsRooted(path))
        {
            return null;
        }

        var from = Segments(directory);
        var to = Segments(path);
        if (from.Count > 0 && from[from.Count - 1].Length == 0)
        {
            from.RemoveAt(from.Count - 1);
        }

        // Windows paths ('C:\') compare without case, as the file system does; others with it.
        var comparison = IsWindowsPath(directory) ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;
        var common = 0;
        while (common < from.Count && common < to.Count - 1 && string.Equals(from[common], to[common], comparison))
        {
            common++;
        }

        if (common == 0)
        {
            return null;
        }

        var parts = new List<string>();
        for (var i = common; i < from.Count; i++)
        {
            parts.Add("..");
        }

        for (var i = common; i < to.Count; i++)
        {
            parts.Add(to[i]);
        }

        return string.Join("/", parts);
    }

    private static bool IsRooted(string path)
        => path.StartsWith("/", StringComparison.Ordinal) || path.StartsWith("\\", StringComparison.Ordinal) || IsWindowsPath(path);

    private static bool IsWindowsPath(string path)
        => path.Length >= 2 && path[1] == ':' && char.IsLetter(path[0]);

    private static List<string> Segments(string path)
    {
        var parts = new List<string>();
        foreach (var part in path.Replace('\\', '/').Split('/'))
        {
            if (part == ".")
            {
                continue;
            }

            if (part == ".." && parts.Count > 0 && parts[parts.Count - 1] != ".." && parts[parts.Count - 1].Length > 0)
            {
                parts.RemoveAt(parts.Count - 1);
                continue;
            }

            parts.Add(part);
        }

        return parts;
    }
}
