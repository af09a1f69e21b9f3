using System.IO;
using System.Linq;
using Hooksmith.Generator.Drift;

namespace Hooksmith.Cli.Drift;

/// <summary>Writes changes one a line, most severe first, then a summary.</summary>
internal static class TextDriftWriter
{
    public static void Write(DriftRun run, TextWriter output)
    {
        foreach (var change in run.Report.Changes)
        {
            var where = change.Location is { } location ? $"{location.File}:{location.Line}:{location.Column}" : change.NewPointer ?? change.OldPointer;
            output.WriteLine($"{SeverityTable.NameOf(change.Severity),-8} {change.Kind.Name} {where}");
            output.WriteLine($"  {change.Message}");
            if (change.CSharp is { } csharp)
            {
                output.WriteLine($"  C#: {csharp}");
            }

            if (change.Events.Count > 0)
            {
                output.WriteLine($"  events: {EventList(change)}");
            }
        }

        var report = run.Report;
        output.WriteLine(report.Changes.Count == 0
            ? $"{run.Old} -> {run.New}: no changes"
            : $"{run.Old} -> {run.New}: {report.Count(DriftSeverity.Breaking)} breaking, {report.Count(DriftSeverity.Warning)} warning, {report.Count(DriftSeverity.Info)} info");
    }

    /// <summary>The events, the first few by name and the rest counted, so a shared component's change stays one line.</summary>
    public static string EventList(DriftChange change, int shown = 5)
        => change.Events.Count <= shown
            ? string.Join(", ", change.Events)
            : string.Join(", ", change.Events.Take(shown)) + $" and {change.Events.Count - shown} more";
}
