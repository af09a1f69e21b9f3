using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using Hooksmith.Generator.Tests;

namespace Hooksmith.Conformance.Tests;

/// <summary>One line of known-failures.txt: a suite test expected to fail, and why.</summary>
internal sealed record KnownFailure(string File, string CaseDescription, string TestDescription, string Reason, int Line)
{
    public (string File, string Case, string Test) Key => (File, CaseDescription, TestDescription);

    public override string ToString() => $"line {Line.ToString(CultureInfo.InvariantCulture)}: {File} | {CaseDescription} | {TestDescription} | {Reason}";
}

/// <summary>
/// <c>tests/Conformance.Tests/known-failures.txt</c>, read from the repository (not the build output)
/// so an edit counts without a rebuild. Lines that do not parse are kept as <see cref="Problems"/>
/// for a test to report rather than silently skipped.
/// </summary>
internal sealed class KnownFailures
{
    private static readonly Lazy<KnownFailures> Loaded = new(() => Parse(File.Exists(FilePath) ? File.ReadAllLines(FilePath) : null));

    private KnownFailures(IReadOnlyList<KnownFailure> entries, IReadOnlyList<string> problems)
    {
        Entries = entries;
        Problems = problems;
    }

    public static string FilePath => Path.Combine(TestPaths.RepositoryRoot, "tests", "Conformance.Tests", "known-failures.txt");

    /// <summary>The file, read once per test process.</summary>
    public static KnownFailures Current => Loaded.Value;

    public IReadOnlyList<KnownFailure> Entries { get; }

    /// <summary>Malformed or duplicated lines, each with its line number.</summary>
    public IReadOnlyList<string> Problems { get; }

    /// <summary>The entries for one suite file (<c>draft7/ref.json</c>).</summary>
    public IEnumerable<KnownFailure> For(string file) => Entries.Where(e => string.Equals(e.File, file, StringComparison.Ordinal));

    /// <summary>Reads the lines of the file; null stands for a missing file.</summary>
    public static KnownFailures Parse(IReadOnlyList<string>? lines)
    {
        if (lines is null)
        {
            return new KnownFailures([], [$"{FilePath} is missing; it must exist, even with no entry"]);
        }

        var entries = new List<KnownFailure>();
        var problems = new List<string>();
        var seen = new Dictionary<(string, string, string), int>();
        for (var i = 0; i < lines.Count; i++)
        {
            var number = i + 1;
            var line = lines[i].Trim();
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            var fields = line.Split('|').Select(f => f.Trim()).ToArray();
            if (fields.Length != 4 || fields.Any(f => f.Length == 0))
            {
                problems.Add($"line {number}: expected 'draft/file.json | case description | test description | reason' with no empty field: {line}");
                continue;
            }

            var entry = new KnownFailure(fields[0], fields[1], fields[2], fields[3], number);
            if (seen.TryGetValue(entry.Key, out var first))
            {
                problems.Add($"line {number}: the same test as line {first}: {line}");
                continue;
            }

            seen.Add(entry.Key, number);
            entries.Add(entry);
        }

        return new KnownFailures(entries, problems);
    }
}
