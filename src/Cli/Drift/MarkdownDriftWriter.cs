using System.IO;
using Hooksmith.Generator.Drift;

namespace Hooksmith.Cli.Drift;

/// <summary>Writes a table for a pull request comment or <c>$GITHUB_STEP_SUMMARY</c>.</summary>
internal static class MarkdownDriftWriter
{
    public static void Write(DriftRun run, TextWriter output)
    {
        var report = run.Report;
        output.WriteLine("### Webhook schema drift");
        output.WriteLine();
        output.WriteLine($"`{Cell(run.Old)}` → `{Cell(run.New)}`: **{report.Count(DriftSeverity.Breaking)} breaking**, {report.Count(DriftSeverity.Warning)} warning, {report.Count(DriftSeverity.Info)} info");
        if (report.Changes.Count == 0)
        {
            return;
        }

        output.WriteLine();
        output.WriteLine("| severity | kind | where | C# | events | change |");
        output.WriteLine("| --- | --- | --- | --- | --- | --- |");
        foreach (var change in report.Changes)
        {
            var where = change.Location is { } location ? $"`{Cell(location.File)}:{location.Line}`" : $"`{Cell(change.NewPointer ?? change.OldPointer ?? string.Empty)}`";
            var csharp = change.CSharp is { } name ? $"`{Cell(name)}`" : string.Empty;
            output.WriteLine($"| {Icon(change.Severity)} {SeverityTable.NameOf(change.Severity)} | `{change.Kind.Name}` | {where} | {csharp} | {Cell(TextDriftWriter.EventList(change, 3))} | {Cell(change.Message)} |");
        }
    }

    private static string Icon(DriftSeverity severity) => severity switch
    {
        DriftSeverity.Breaking => "🔴",
        DriftSeverity.Warning => "🟡",
        _ => "🔵",
    };

    /// <summary>A table cell: a pipe would end it and a line break would end the row.</summary>
    private static string Cell(string text) => text.Replace("|", "\\|", System.StringComparison.Ordinal).Replace("\n", " ", System.StringComparison.Ordinal).Replace("\r", string.Empty, System.StringComparison.Ordinal);
}
