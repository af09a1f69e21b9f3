using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using Hooksmith.Cli.Tests.Infrastructure;

namespace Hooksmith.Cli.Tests.Drift;

/// <summary>A change as <c>--output json</c> writes it.</summary>
internal sealed record DriftJsonChange(string Kind, string Severity, string? OldPointer, string? NewPointer, string? File, int? Line, int? Column, IReadOnlyList<string> Events, string? CSharp, string Message)
{
    /// <summary>The changes of a run's JSON output.</summary>
    public static IReadOnlyList<DriftJsonChange> Of(CliRun run)
    {
        using var document = JsonDocument.Parse(run.Stdout);
        return document.RootElement.GetProperty("changes").EnumerateArray().Select(c => new DriftJsonChange(
            c.GetProperty("kind").GetString()!,
            c.GetProperty("severity").GetString()!,
            c.GetProperty("oldPointer").GetString(),
            c.GetProperty("newPointer").GetString(),
            c.GetProperty("file").GetString(),
            c.GetProperty("line").ValueKind == JsonValueKind.Number ? c.GetProperty("line").GetInt32() : null,
            c.GetProperty("column").ValueKind == JsonValueKind.Number ? c.GetProperty("column").GetInt32() : null,
            c.GetProperty("events").EnumerateArray().Select(e => e.GetString()!).ToList(),
            c.GetProperty("csharp").GetString(),
            c.GetProperty("message").GetString()!)).ToList();
    }
}
