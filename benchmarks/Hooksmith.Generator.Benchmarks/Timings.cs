using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace Hooksmith.Generator.Benchmarks;

/// <summary>
/// <c>--timings</c>: wall-clock of the benchmarks' scenarios with a <see cref="Stopwatch"/> around
/// <c>RunGenerators</c>, for notes, not for asserting (BenchmarkDotNet gives the careful numbers). Each
/// scenario runs once first (in the first scenario, that includes JIT-compiling the generator), then
/// <c>runs</c> more times; a full collection precedes each run, so no run pays for its predecessor's garbage.
/// </summary>
internal static class Timings
{
    public const int DefaultRuns = 15;

    public static int Run(TextWriter output, int runs)
    {
        var corpus = VoucherifyCorpus.Load();
        var compilation = GeneratorRuns.EmptyCompilation();

        output.WriteLine($"HooksmithGenerator wall-clock, ms: the first run, then the median, min and max of {runs} more; \"driver\" is the");
        output.WriteLine("median of the driver's own timing of the generator (GetTimingInfo(), which -p:ReportAnalyzer=true reports).");
        output.WriteLine();
        output.WriteLine($"{"scenario",-58} {"first",8} {"median",8} {"min",8} {"max",8} {"driver",8}");

        Measure(output, "Cold: OpenAPIWebhooks.json", runs,
            () => GeneratorRuns.CreateDriver([corpus.OpenApiWebhooks], corpus.Options).RunGenerators(compilation));
        var currentLock = LockScenario.Of(corpus.OpenApiWebhooks);
        Measure(output, "Cold: OpenAPIWebhooks.json, its own lock (no change)", runs,
            () => GeneratorRuns.CreateDriver([corpus.OpenApiWebhooks, currentLock], corpus.Options).RunGenerators(compilation));
        var olderLock = LockScenario.OfVersion(corpus.OpenApiWebhooks, Path.Combine(VoucherifyCorpus.HistoryFolder(), "2025-03-17-mapping-points-type", "after.json"));
        Measure(output, "Cold: OpenAPIWebhooks.json, lock of 2025-03 (changes)", runs,
            () => GeneratorRuns.CreateDriver([corpus.OpenApiWebhooks, olderLock], corpus.Options).RunGenerators(compilation));
        Measure(output, "Cold: all eight Voucherify files", runs,
            () => GeneratorRuns.CreateDriver(corpus.Files, corpus.Options).RunGenerators(compilation));

        var driver = GeneratorRuns.CreateDriver(corpus.Files, corpus.Options).RunGenerators(compilation);
        Measure(output, "Re-run, no change", runs, () => driver = driver.RunGenerators(compilation));

        var description = corpus.DescriptionEdit();
        Measure(output, $"Re-run, {description.Name} of {description.FileName}", runs,
            () => driver = description.Apply(driver).RunGenerators(compilation));

        var keyword = corpus.KeywordEdit();
        Measure(output, $"Re-run, {keyword.Name} of {keyword.FileName}", runs,
            () => driver = keyword.Apply(driver).RunGenerators(compilation));
        return 0;
    }

    private static void Measure(TextWriter output, string scenario, int runs, Func<GeneratorDriver> run)
    {
        var wallClock = new List<double>(runs);
        var reported = new List<double>(runs);
        var first = 0.0;
        for (var i = 0; i <= runs; i++)
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
            GC.Collect();

            var stopwatch = Stopwatch.StartNew();
            var driver = run();
            stopwatch.Stop();

            if (i == 0)
            {
                first = stopwatch.Elapsed.TotalMilliseconds;
                continue;
            }

            wallClock.Add(stopwatch.Elapsed.TotalMilliseconds);
            reported.Add(driver.GetTimingInfo().GeneratorTimes.Single().ElapsedTime.TotalMilliseconds);
        }

        output.WriteLine($"{scenario,-58} {first,8:F1} {Median(wallClock),8:F1} {wallClock.Min(),8:F1} {wallClock.Max(),8:F1} {Median(reported),8:F1}");
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        var middle = sorted.Count / 2;
        return sorted.Count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }
}
