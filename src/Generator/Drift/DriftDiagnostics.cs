using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using Hooksmith.Generator.Json;
using Hooksmith.Generator.Model;
using Hooksmith.Generator.Planning;
using Hooksmith.Generator.Schema;
using Microsoft.CodeAnalysis;

namespace Hooksmith.Generator.Drift;

/// <summary>
/// The build's drift check: the project's schemas compared with its lock, each change a diagnostic at
/// its line and column in the schema file. Without a lock it does nothing, and costs nothing.
/// </summary>
internal static class DriftDiagnostics
{
    private static readonly string UnreadableLockId = DriftDiagnosticDescriptors.LockUnreadable.Id;

    public static EquatableArray<DriftDiagnostic> Of(ImmutableArray<SchemaDocument> documents, ImmutableArray<DocumentPlan> plans, LockFileInput? lockFile, CancellationToken cancellationToken)
    {
        if (lockFile is null || documents.IsEmpty)
        {
            return EquatableArray<DriftDiagnostic>.Empty;
        }

        try
        {
            return Compare(documents, plans, lockFile, cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // The drift check must never take the build down; say what happened at the lock.
            return new[] { new DriftDiagnostic(UnreadableLockId, DiagnosticSeverity.Warning, LocationInfo.StartOf(lockFile.Path), "The drift check failed: " + exception.GetType().Name + ": " + exception.Message, "please report it") }.ToEquatableArray();
        }
    }

    private static EquatableArray<DriftDiagnostic> Compare(ImmutableArray<SchemaDocument> documents, ImmutableArray<DocumentPlan> plans, LockFileInput lockFile, CancellationToken cancellationToken)
    {
        var byPath = new Dictionary<string, DocumentPlan>(StringComparer.Ordinal);
        foreach (var plan in plans)
        {
            byPath[plan.Path] = plan;
        }

        // Keys as 'hooksmith lock' writes them: a lone file's by pointer, several files' by their path in the project.
        var current = SurfaceExtractor.Extract(DriftInputsOf(documents), byPath, cancellationToken: cancellationToken);

        // The lock is what 'hooksmith lock' writes for the same surface, so an entry of a lock that has been
        // accepted and not drifted from reads exactly as the current entry would be written: it is not parsed,
        // and when all read so there is nothing to compare. Only the entries written otherwise are read, and
        // only what reaches them is compared.
        var locked = LockFileReader.ReadAgainst(lockFile.Text, current, out var unchanged, out var error);
        if (unchanged)
        {
            return EquatableArray<DriftDiagnostic>.Empty;
        }

        if (locked is null)
        {
            return new[] { new DriftDiagnostic(UnreadableLockId, DiagnosticSeverity.Warning, LocationInfo.StartOf(lockFile.Path), $"The lock cannot be read ({error}); no drift is reported", "run 'hooksmith lock' to write it again") }.ToEquatableArray();
        }

        var report = SurfaceComparer.Compare(locked, current);
        var diagnostics = new List<DriftDiagnostic>(report.Changes.Count);
        foreach (var change in report.Changes)
        {
            var location = change.Location is { } at
                ? new LocationInfo(at.File, new SourceSpan(at.Offset, 0, at.Line - 1, at.Column - 1, at.Line - 1, at.Column - 1))
                : LocationInfo.StartOf(lockFile.Path);
            var detail = change.Kind.Name;
            if (change.CSharp is { } csharp)
            {
                detail += ", C# " + csharp;
            }

            if (change.Events.Count > 0)
            {
                detail += change.Events.Count == 1 ? ", event " + change.Events[0] : $", {change.Events.Count} events: {string.Join(", ", Limit(change.Events, 5))}";
            }

            diagnostics.Add(new DriftDiagnostic(change.Kind.DiagnosticId, DriftDiagnosticDescriptors.SeverityOf(change.Severity), location, change.Message, detail));
        }

        return diagnostics.ToEquatableArray();
    }

    private static List<DriftInput> DriftInputsOf(ImmutableArray<SchemaDocument> documents)
    {
        var ordered = new List<SchemaDocument>(documents);
        ordered.Sort((a, b) => string.CompareOrdinal(a.Path, b.Path));
        var paths = new List<string>(ordered.Count);
        foreach (var document in ordered)
        {
            // The project-relative path when the build says it (HooksmithProjectPath), else the full path:
            // either way the folders the files share are dropped, as 'hooksmith lock FOLDER' drops them.
            paths.Add(document.Input.ProjectRelativePath ?? document.Path);
        }

        var prefixes = DriftKeys.PrefixesOf(paths);
        var inputs = new List<DriftInput>(ordered.Count);
        for (var i = 0; i < ordered.Count; i++)
        {
            inputs.Add(new DriftInput(ordered[i], ordered[i].Path, prefixes[i]));
        }

        return inputs;
    }

    private static IEnumerable<string> Limit(IReadOnlyList<string> events, int count)
    {
        for (var i = 0; i < events.Count && i < count; i++)
        {
            yield return events[i];
        }

        if (events.Count > count)
        {
            yield return $"and {events.Count - count} more";
        }
    }
}
