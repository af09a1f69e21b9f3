using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using Hooksmith.Cli.CommandLine;
using Hooksmith.Cli.Schemas;
using Hooksmith.Generator.Diagnostics;
using Hooksmith.Generator.Drift;
using Hooksmith.Generator.Schema;
using Microsoft.CodeAnalysis;

namespace Hooksmith.Cli.Drift;

/// <summary>
/// Reads the schema files or folders of <c>diff</c>, <c>lock</c> and <c>check</c> into a surface:
/// a lone file's schemas are keyed by pointer alone, so two versions of one file under different names
/// compare; several files by their path below the folder they all share (<see cref="DriftKeys"/>).
/// </summary>
internal static class DriftSchemaLoader
{
    /// <summary>The surface, or null after writing why to <paramref name="stderr"/> (a missing file, a schema with errors).</summary>
    /// <param name="paths">The files or folders.</param>
    /// <param name="baseUris">The <c>--base-uri</c> mappings.</param>
    /// <param name="eventsFrom">Where OpenAPI documents list their events.</param>
    /// <param name="dialect">The dialect of files without <c>$schema</c>.</param>
    /// <param name="events">JSON Schema files that are an event's payload (<c>--event FILE=EVENT</c>), by full path.</param>
    /// <param name="currentDirectory">What relative paths are relative to.</param>
    /// <param name="stderr">Where problems are written.</param>
    /// <param name="includeDocs">Fingerprint titles, descriptions and examples too (<c>--include-docs</c>).</param>
    public static SchemaSurface? Load(IReadOnlyList<string> paths, IReadOnlyList<BaseUriMapping> baseUris, EventSources eventsFrom, string? dialect, IReadOnlyDictionary<string, string> events, string currentDirectory, TextWriter stderr, bool includeDocs = false)
    {
        var files = new List<(string FullPath, string Display)>();
        foreach (var path in paths)
        {
            var full = Path.GetFullPath(path, currentDirectory);
            if (Directory.Exists(full))
            {
                var found = SchemaInputs.JsonFilesUnder(full).ToList();
                if (found.Count == 0)
                {
                    stderr.WriteLine($"hooksmith: '{path}' has no *.json files");
                    return null;
                }

                foreach (var file in found)
                {
                    var relative = Path.GetRelativePath(full, file).Replace('\\', '/');
                    files.Add((file, Path.Combine(path, relative)));
                }
            }
            else if (File.Exists(full))
            {
                files.Add((full, path));
            }
            else
            {
                stderr.WriteLine($"hooksmith: no file or folder '{path}'");
                return null;
            }
        }

        var folders = baseUris
            .Select(m => (Mapping: m, Full: Path.TrimEndingDirectorySeparator(Path.GetFullPath(m.Directory, currentDirectory))))
            .OrderByDescending(f => f.Full.Length)
            .ToList();
        foreach (var (mapping, full) in folders)
        {
            if (!Directory.Exists(full))
            {
                stderr.WriteLine($"hooksmith: --base-uri: no folder '{mapping.Directory}'");
                return null;
            }
        }

        // Keyed as the build keys a project's schemas: by the path below the folder they all share.
        var prefixes = DriftKeys.PrefixesOf(files.Select(f => f.FullPath).ToList());
        var inputs = new List<DriftInput>();
        var failed = false;
        for (var index = 0; index < files.Count; index++)
        {
            var (fullPath, display) = files[index];
            var prefix = prefixes[index];
            string text;
            try
            {
                text = File.ReadAllText(fullPath);
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
            {
                stderr.WriteLine($"hooksmith: cannot read '{display}': {exception.Message}");
                return null;
            }

            if (!events.TryGetValue(fullPath, out var eventName))
            {
                events.TryGetValue(Path.GetFileName(fullPath), out eventName);
            }

            var input = DriftInputs.Read(fullPath, text, display, prefix, eventsFrom, BaseUriOf(fullPath, folders), dialect, eventName);
            foreach (var diagnostic in input.Document.Diagnostics)
            {
                var descriptor = DiagnosticDescriptors.ById(diagnostic.Id);
                var message = string.Format(CultureInfo.InvariantCulture, descriptor.MessageFormat.ToString(CultureInfo.InvariantCulture), diagnostic.Arguments.Cast<object>().ToArray());
                var severity = descriptor.DefaultSeverity == DiagnosticSeverity.Error ? "error" : "warning";
                stderr.WriteLine($"{display}({diagnostic.Location.Span.StartLine + 1},{diagnostic.Location.Span.StartColumn + 1}): {severity} {diagnostic.Id}: {message}");
                failed |= descriptor.DefaultSeverity == DiagnosticSeverity.Error;
            }

            inputs.Add(input);
        }

        return failed ? null : SurfaceExtractor.Extract(inputs, includeDocs: includeDocs);
    }

    private static string? BaseUriOf(string path, List<(BaseUriMapping Mapping, string Full)> folders)
    {
        foreach (var (mapping, folder) in folders)
        {
            var relative = Path.GetRelativePath(folder, path);
            if (!relative.StartsWith("..", StringComparison.Ordinal) && !Path.IsPathRooted(relative))
            {
                return mapping.Uri + string.Join('/', relative.Split(Path.DirectorySeparatorChar).Select(Uri.EscapeDataString));
            }
        }

        return null;
    }
}
