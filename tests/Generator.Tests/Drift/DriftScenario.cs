using System.Collections.Generic;
using System.IO;
using System.Linq;
using Hooksmith.Generator.Drift;
using Hooksmith.Generator.Schema;

namespace Hooksmith.Generator.Tests.Drift;

/// <summary>Runs the drift engine on schema text, as the CLI does on files.</summary>
internal static class DriftScenario
{
    public static SchemaSurface SurfaceOf(string json, EventSources eventsFrom = EventSources.Webhooks, string path = "/schemas/spec.json", bool includeDocs = false)
        => SurfaceExtractor.Extract([DriftInputs.Read(path, json, Path.GetFileName(path), string.Empty, eventsFrom)], includeDocs: includeDocs);

    /// <summary>As <c>hooksmith diff</c>: documentation is read only when the options ask for it.</summary>
    public static DriftReport Diff(string oldJson, string newJson, EventSources eventsFrom = EventSources.Webhooks, DriftOptions? options = null)
        => SurfaceComparer.Compare(
            SurfaceOf(oldJson, eventsFrom, "/schemas/old.json", options?.IncludeDocs ?? false),
            SurfaceOf(newJson, eventsFrom, "/schemas/new.json", options?.IncludeDocs ?? false),
            options);

    public static DriftReport DiffFiles(string oldPath, string newPath, EventSources eventsFrom)
        => SurfaceComparer.Compare(
            SurfaceExtractor.Extract([DriftInputs.Read(oldPath, File.ReadAllText(oldPath), oldPath, string.Empty, eventsFrom)]),
            SurfaceExtractor.Extract([DriftInputs.Read(newPath, File.ReadAllText(newPath), newPath, string.Empty, eventsFrom)]));

    /// <summary>One line per change, for assertion messages.</summary>
    public static string Describe(DriftReport report)
        => string.Join("\n", report.Changes.Select(c => $"{c.Kind.Name} {c.Severity} {c.OldPointer} -> {c.NewPointer} @{c.Location?.Line}:{c.Location?.Column} [{string.Join(",", c.Events)}] {c.CSharp}: {c.Message}"));

    public static IReadOnlyList<string> Kinds(DriftReport report) => report.Changes.Select(c => c.Kind.Name).ToList();
}
