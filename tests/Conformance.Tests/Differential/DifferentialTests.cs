using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using Xunit.Abstractions;

namespace Hooksmith.Conformance.Tests.Differential;

/// <summary>
/// The generated validators against python-jsonschema on seeded random schemas (draft 2020-12 and
/// draft-07) and instances, with formats asserted and not. Every disagreement is shrunk, saved under
/// the test output (<c>differential/seed-N/</c>) and printed; the test fails on any that
/// known-differences.txt does not explain. HOOKSMITH_DIFF_CASES sets the number of schema/instance
/// pairs (default <see cref="DefaultPairs"/>) and HOOKSMITH_DIFF_SEED the seed, for long runs.
/// </summary>
public sealed class DifferentialTests(ITestOutputHelper output)
{
    /// <summary>Pairs in the normal test run: a few thousand, each judged in both format modes.</summary>
    public const int DefaultPairs = 4000;

    private const int DefaultSeed = 20261207;

    private const int InstancesPerSchema = 25;

    /// <summary>Most schemas per generator run and compilation: bigger batches compile faster per schema but hold more memory.</summary>
    private const int MaxSchemasPerBatch = 120;

    /// <summary>Disagreements shrunk per run; the rest are matched as found (a long run may find many of one kind).</summary>
    private const int MaxShrunk = 16;

    [Fact]
    public async Task Generated_validators_agree_with_python_jsonschema_on_random_schemas_and_instances()
    {
        var pairs = FromEnvironment("HOOKSMITH_DIFF_CASES", DefaultPairs);
        var seed = FromEnvironment("HOOKSMITH_DIFF_SEED", DefaultSeed);
        var schemas = (pairs + InstancesPerSchema - 1) / InstancesPerSchema;
        var known = KnownDifferences.Current;
        Assert.True(known.Problems.Count == 0, string.Join(Environment.NewLine, known.Problems));

        var found = new List<Disagreement>();
        var unjudged = new List<string>();
        var compared = 0;
        var perDraft = new Dictionary<string, int>(StringComparer.Ordinal);
        // At least one batch per draft, of equal size.
        var batches = Math.Max(DifferentialDraft.All.Length, (schemas + MaxSchemasPerBatch - 1) / MaxSchemasPerBatch);
        var perBatch = (schemas + batches - 1) / batches;
        for (var batch = 0; batch * perBatch < schemas; batch++)
        {
            var draft = DifferentialDraft.All[batch % DifferentialDraft.All.Length];
            var count = Math.Min(perBatch, schemas - (batch * perBatch));
            var cases = DifferentialRun.Generate(draft, unchecked((seed * 7919) + batch), count, InstancesPerSchema);
            var judged = await DifferentialRun.JudgeAsync(cases, "B" + batch.ToString(CultureInfo.InvariantCulture));
            compared += judged.Compared;
            output.WriteLine($"batch {batch} ({draft.Name}, {count} schemas): python {judged.ReferenceTime.TotalSeconds:F1} s, hooksmith {judged.HooksmithTime.TotalSeconds:F1} s, {judged.ReferenceValid} of {judged.Compared} verdicts valid; {judged.HooksmithStages}");
            perDraft[draft.Name] = perDraft.GetValueOrDefault(draft.Name) + (count * InstancesPerSchema);
            unjudged.AddRange(judged.Unjudged.Select(u => $"{u.Case.Name}: {u.Why}: {u.Case.Schema}"));
            found.AddRange(judged.Disagreements());
        }

        // Shrink one representative of each (generated case, mode) first: one schema usually explains all its instances.
        var toShrink = found.DistinctBy(d => (d.Found.Name, d.Mode, d.Reference.Valid, d.Hooksmith.Valid)).Take(MaxShrunk).ToList();
        var clock = Stopwatch.StartNew();
        var shrunk = toShrink.Count == 0 ? [] : await DifferentialRun.ShrinkAsync(toShrink, "S");
        output.WriteLine($"shrinking {toShrink.Count} disagreement(s): {clock.Elapsed.TotalSeconds:F1} s");
        var reported = shrunk.Concat(found.Except(toShrink)).Select(d => d with { Explained = known.Explain(d) }).ToList();
        var unexplained = reported.Where(d => d.Explained is null).ToList();

        output.WriteLine($"seed {seed}: {pairs} schema/instance pairs ({string.Join(", ", perDraft.Select(p => $"{p.Key} {p.Value}"))}), "
            + $"{compared} verdicts compared (both format modes), {found.Count} disagreement(s), {reported.Count - unexplained.Count} of those reported explained by known-differences.txt, {unexplained.Count} not");
        var folder = Save(seed, reported);
        output.WriteLine($"saved under {folder}");
        foreach (var group in reported.GroupBy(d => d.Explained?.Reason ?? "UNEXPLAINED").OrderBy(g => g.Key == "UNEXPLAINED" ? 0 : 1))
        {
            output.WriteLine($"{group.Key}: {group.Count()}");
            foreach (var d in group.Take(group.Key == "UNEXPLAINED" ? 50 : 3))
            {
                output.WriteLine("  " + d);
            }
        }

        Assert.True(unjudged.Count == 0, $"python-jsonschema could not judge {unjudged.Count} generated schema(s); the schema generator must make valid schemas:{Environment.NewLine}{string.Join(Environment.NewLine, unjudged.Take(10))}");
        Assert.True(
            unexplained.Count == 0,
            $"{unexplained.Count} disagreement(s) with python-jsonschema not explained by {KnownDifferences.FilePath} (saved under {folder}):{Environment.NewLine}"
            + string.Join(Environment.NewLine, unexplained.Take(20)));
    }

    [Fact]
    public void Known_differences_file_is_well_formed()
    {
        var known = KnownDifferences.Current;
        Assert.True(known.Problems.Count == 0, $"{KnownDifferences.FilePath}:{Environment.NewLine}{string.Join(Environment.NewLine, known.Problems)}");
    }

    private static string Save(int seed, IReadOnlyList<Disagreement> disagreements)
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "differential", "seed-" + seed.ToString(CultureInfo.InvariantCulture));
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }

        Directory.CreateDirectory(folder);
        var options = new JsonSerializerOptions { WriteIndented = true };
        for (var i = 0; i < disagreements.Count; i++)
        {
            var name = (disagreements[i].Explained is null ? "unexplained-" : "known-") + i.ToString("D5", CultureInfo.InvariantCulture) + ".json";
            File.WriteAllText(Path.Combine(folder, name), disagreements[i].ToJson().ToJsonString(options));
        }

        return folder;
    }

    private static int FromEnvironment(string name, int fallback)
        => int.TryParse(Environment.GetEnvironmentVariable(name), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value > 0 ? value : fallback;
}
