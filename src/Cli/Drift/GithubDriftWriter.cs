using System;
using System.IO;
using Hooksmith.Generator.Drift;

namespace Hooksmith.Cli.Drift;

/// <summary>
/// Writes GitHub Actions workflow commands (<c>::error file=…,line=…,col=…,title=…::message</c>), so
/// each change is annotated on its schema file in the pull request: breaking as errors, warnings as
/// warnings, info as notices.
/// </summary>
internal static class GithubDriftWriter
{
    public static void Write(DriftRun run, TextWriter output)
    {
        foreach (var change in run.Report.Changes)
        {
            var command = change.Severity switch
            {
                DriftSeverity.Breaking => "error",
                DriftSeverity.Warning => "warning",
                _ => "notice",
            };
            var properties = change.Location is { } location
                ? $"file={Property(location.File)},line={location.Line},col={location.Column},"
                : string.Empty;
            var message = change.Message;
            if (change.CSharp is { } csharp)
            {
                message += $" (C#: {csharp})";
            }

            if (change.Events.Count > 0)
            {
                message += $"\nevents: {TextDriftWriter.EventList(change, 10)}";
            }

            output.WriteLine($"::{command} {properties}title={Property(change.Kind.DiagnosticId + " " + change.Kind.Name)}::{Data(message)}");
        }
    }

    // The escapes GitHub's toolkit applies: data escapes %, CR and LF; properties also ':' and ','.
    private static string Data(string text)
        => text.Replace("%", "%25", StringComparison.Ordinal).Replace("\r", "%0D", StringComparison.Ordinal).Replace("\n", "%0A", StringComparison.Ordinal);

    private static string Property(string text)
        => Data(text.Replace('\\', '/')).Replace(":", "%3A", StringComparison.Ordinal).Replace(",", "%2C", StringComparison.Ordinal);
}
