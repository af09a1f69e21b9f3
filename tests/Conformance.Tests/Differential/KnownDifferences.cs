using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using Hooksmith.Generator.Tests;

namespace Hooksmith.Conformance.Tests.Differential;

/// <summary>One line of known-differences.txt: a family of disagreements that is explained, not a bug to fix.</summary>
/// <param name="Mode">The format mode it applies to, or null for both.</param>
/// <param name="Schema">Matched (anywhere) against the shrunk schema's compact text.</param>
/// <param name="Instance">Matched (anywhere) against the shrunk instance's compact text.</param>
/// <param name="Reason">Why the two validators differ, and whose the difference is.</param>
/// <param name="Line">Its line in the file.</param>
internal sealed record KnownDifference(FormatMode? Mode, Regex Schema, Regex Instance, string Reason, int Line)
{
    public bool Explains(Disagreement disagreement)
        => (Mode is null || Mode == disagreement.Mode) && Schema.IsMatch(disagreement.Schema) && Instance.IsMatch(disagreement.InstanceText);

    public override string ToString() => $"line {Line.ToString(CultureInfo.InvariantCulture)}: {Reason}";
}

/// <summary>
/// <c>tests/Conformance.Tests/Differential/known-differences.txt</c>, read from the repository so an
/// edit counts without a rebuild; malformed lines are kept as <see cref="Problems"/> for a test to report.
/// </summary>
internal sealed class KnownDifferences
{
    private static readonly Lazy<KnownDifferences> Loaded = new(() => Parse(File.Exists(FilePath) ? File.ReadAllLines(FilePath) : null));

    private KnownDifferences(IReadOnlyList<KnownDifference> entries, IReadOnlyList<string> problems)
    {
        Entries = entries;
        Problems = problems;
    }

    public static string FilePath => Path.Combine(TestPaths.RepositoryRoot, "tests", "Conformance.Tests", "Differential", "known-differences.txt");

    public static KnownDifferences Current => Loaded.Value;

    public IReadOnlyList<KnownDifference> Entries { get; }

    public IReadOnlyList<string> Problems { get; }

    public KnownDifference? Explain(Disagreement disagreement) => Entries.FirstOrDefault(e => e.Explains(disagreement));

    public static KnownDifferences Parse(IReadOnlyList<string>? lines)
    {
        if (lines is null)
        {
            return new KnownDifferences([], [$"{FilePath} is missing; it must exist, even with no entry"]);
        }

        var entries = new List<KnownDifference>();
        var problems = new List<string>();
        for (var i = 0; i < lines.Count; i++)
        {
            var number = i + 1;
            var line = lines[i].Trim();
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            // The reason is the last field and the regexes may contain '|': split from the ends.
            var first = line.IndexOf(" | ", StringComparison.Ordinal);
            var last = line.LastIndexOf(" | ", StringComparison.Ordinal);
            var middle = first < 0 || last <= first ? -1 : line.LastIndexOf(" | ", last - 1, StringComparison.Ordinal);
            if (middle <= first)
            {
                problems.Add($"line {number}: expected 'mode | schema regex | instance regex | reason' (fields separated by ' | '): {line}");
                continue;
            }

            var mode = line[..first].Trim();
            var schema = line[(first + 3)..middle].Trim();
            var instance = line[(middle + 3)..last].Trim();
            var reason = line[(last + 3)..].Trim();
            FormatMode? parsedMode = mode switch { "any" => null, "assert" => FormatMode.Assert, "annotate" => FormatMode.Annotate, _ => (FormatMode)(-1) };
            if (parsedMode == (FormatMode)(-1) || schema.Length == 0 || instance.Length == 0 || reason.Length == 0)
            {
                problems.Add($"line {number}: the mode must be any, assert or annotate, and no field may be empty: {line}");
                continue;
            }

            try
            {
                entries.Add(new KnownDifference(parsedMode, new Regex(schema, RegexOptions.CultureInvariant), new Regex(instance, RegexOptions.CultureInvariant), reason, number));
            }
            catch (ArgumentException exception)
            {
                problems.Add($"line {number}: {exception.Message}");
            }
        }

        return new KnownDifferences(entries, problems);
    }
}
