using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace Hooksmith.Generator.Benchmarks;

/// <summary>
/// <c>--scale-steps BYTES</c>: where one cold run over a synthetic spec of about that size spends its time, from the
/// driver's own timing of each step (step tracking on, which adds its own cost: read the shares, not the total), with
/// the collections the run caused and the time the collector paused it. Two runs after a warm-up, as
/// <see cref="GeneratorScale"/> runs them.
/// </summary>
internal static class ScaleSteps
{
    public static int Run(TextWriter output, long bytes)
    {
        var (spec, options, compilation) = GeneratorScale.Prepare(bytes);
        var schemas = new[] { spec };

        for (var run = 1; run <= 2; run++)
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
            GC.Collect();
            var collections = new[] { GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2) };
            var paused = GC.GetTotalPauseDuration();
            var stopwatch = Stopwatch.StartNew();
            var driver = GeneratorRuns.CreateDriver(schemas, options, trackSteps: true).RunGenerators(compilation);
            stopwatch.Stop();
            var result = driver.GetRunResult().Results.Single();
            output.WriteLine(
                $"run {run}: {stopwatch.Elapsed.TotalMilliseconds:F0} ms in all; collections gen0 {GC.CollectionCount(0) - collections[0]}, "
                + $"gen1 {GC.CollectionCount(1) - collections[1]}, gen2 {GC.CollectionCount(2) - collections[2]}; "
                + $"paused {(GC.GetTotalPauseDuration() - paused).TotalMilliseconds:F0} ms");
            var steps = result.TrackedSteps
                .Select(pair => (Name: pair.Key, Count: pair.Value.Length, Milliseconds: pair.Value.Sum(step => step.ElapsedTime.TotalMilliseconds)))
                .Where(step => step.Milliseconds >= 1)
                .OrderByDescending(step => step.Milliseconds);
            foreach (var (name, count, milliseconds) in steps)
            {
                output.WriteLine($"  {name,-20} {milliseconds,8:F0} ms  ({count:N0} item(s))");
            }
        }

        return 0;
    }
}
