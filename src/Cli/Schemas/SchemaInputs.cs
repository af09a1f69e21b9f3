using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Hooksmith.Cli.CommandLine;

namespace Hooksmith.Cli.Schemas;

/// <summary>
/// The schema files of a run: the <c>--schema</c> file, plus every <c>*.json</c> file under each
/// <c>--base-uri</c> folder, each with the base URI its folder gives it.
/// </summary>
internal static class SchemaInputs
{
    /// <summary>Paths compare as the file system does: ignoring case on Windows and macOS.</summary>
    public static StringComparer PathComparer { get; } = OperatingSystem.IsWindows() || OperatingSystem.IsMacOS() ? StringComparer.OrdinalIgnoreCase : StringComparer.Ordinal;

    /// <summary>
    /// Reads the files. The main schema comes first; the rest follow in path order. A file under
    /// several folders takes the base URI of the deepest one. Throws <see cref="CommandLineException"/>
    /// for a missing or unreadable file or folder.
    /// </summary>
    public static IReadOnlyList<SchemaSourceFile> Collect(SchemaReference schema, IReadOnlyList<BaseUriMapping> baseUris, string currentDirectory)
    {
        var mainPath = Path.GetFullPath(schema.File, currentDirectory);
        if (Directory.Exists(mainPath))
        {
            throw new CommandLineException($"--schema: '{schema.File}' is a folder; name a schema file (and pass its folder with --base-uri)");
        }

        if (!File.Exists(mainPath))
        {
            throw new CommandLineException($"--schema: no file '{schema.File}'");
        }

        var folders = baseUris
            .Select(mapping => (mapping, fullPath: Path.TrimEndingDirectorySeparator(Path.GetFullPath(mapping.Directory, currentDirectory))))
            .ToList();
        foreach (var (mapping, fullPath) in folders)
        {
            if (!Directory.Exists(fullPath))
            {
                throw new CommandLineException($"--base-uri: no folder '{mapping.Directory}'");
            }
        }

        // Deepest folder first, so a file takes the most specific mapping.
        folders = folders.OrderByDescending(f => f.fullPath.Length).ToList();

        var files = new List<SchemaSourceFile> { Read(mainPath, schema.File, BaseUriOf(mainPath, folders)) };
        var seen = new HashSet<string>(PathComparer) { mainPath };
        var others = new List<SchemaSourceFile>();
        foreach (var (mapping, folder) in folders)
        {
            foreach (var path in JsonFilesUnder(folder))
            {
                if (seen.Add(path))
                {
                    var relative = Path.GetRelativePath(folder, path);
                    others.Add(Read(path, Path.Combine(mapping.Directory, relative), BaseUriOf(path, folders)));
                }
            }
        }

        files.AddRange(others.OrderBy(f => f.Path, StringComparer.Ordinal));
        return files;
    }

    /// <summary>The <c>*.json</c> files under a folder, recursively, in ordinal path order.</summary>
    public static IEnumerable<string> JsonFilesUnder(string folder)
        => Directory.EnumerateFiles(folder, "*.json", new EnumerationOptions { RecurseSubdirectories = true, MatchCasing = MatchCasing.CaseInsensitive, IgnoreInaccessible = false })
            .Select(Path.GetFullPath)
            .OrderBy(path => path, StringComparer.Ordinal);

    private static string? BaseUriOf(string path, IReadOnlyList<(BaseUriMapping Mapping, string FullPath)> folders)
    {
        foreach (var (mapping, folder) in folders)
        {
            var relative = Path.GetRelativePath(folder, path);
            if (IsInside(relative))
            {
                var segments = relative.Split(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar);
                return mapping.Uri + string.Join("/", segments.Select(Uri.EscapeDataString));
            }
        }

        return null;
    }

    private static bool IsInside(string relative)
        => relative != "."
            && relative != ".."
            && !relative.StartsWith(".." + Path.DirectorySeparatorChar, StringComparison.Ordinal)
            && !relative.StartsWith(".." + Path.AltDirectorySeparatorChar, StringComparison.Ordinal)
            && !Path.IsPathRooted(relative);

    private static SchemaSourceFile Read(string path, string displayPath, string? baseUri)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw new CommandLineException($"cannot read schema file '{displayPath}': {exception.Message}");
        }

        return new SchemaSourceFile(path, displayPath, text, baseUri);
    }
}
