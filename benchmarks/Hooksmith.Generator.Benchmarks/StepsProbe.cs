using System;
using System.Diagnostics;
using System.Linq;
using Microsoft.CodeAnalysis;
namespace Hooksmith.Generator.Benchmarks;
internal static class StepsProbe
{
    public static void Run(long bytes)
    {
        var corpus = VoucherifyCorpus.Load();
        var compilation = GeneratorRuns.EmptyCompilation();
        var original = corpus.OpenApiWebhooks;
        var spec = new SchemaText(original.Path, SyntheticSpec.OfSize(original.GetText()!.ToString(), bytes), original.Namespace);
        var schemas = new[] { spec };
        var options = new SchemaOptionsProvider(schemas);
        GeneratorRuns.CreateDriver([original], corpus.Options).RunGenerators(compilation);
        for (var i = 0; i < 2; i++)
        {
            GC.Collect(); GC.WaitForPendingFinalizers(); GC.Collect();
            var gc0 = GC.CollectionCount(0); var gc1 = GC.CollectionCount(1); var gc2 = GC.CollectionCount(2);
            var pause = GC.GetTotalPauseDuration();
            var sw = Stopwatch.StartNew();
            var driver = GeneratorRuns.CreateDriver(schemas, options, trackSteps: true).RunGenerators(compilation);
            sw.Stop();
            var r = driver.GetRunResult().Results.Single();
            Console.WriteLine($"total {sw.ElapsedMilliseconds} ms, gc0 {GC.CollectionCount(0)-gc0} gc1 {GC.CollectionCount(1)-gc1} gc2 {GC.CollectionCount(2)-gc2} pause {(GC.GetTotalPauseDuration()-pause).TotalMilliseconds:F0} ms");
            foreach (var (name, steps) in r.TrackedSteps.OrderBy(p => p.Key))
                Console.WriteLine($"  {name,-30} {steps.Sum(s => s.ElapsedTime.TotalMilliseconds),8:F0} ms  ({steps.Length} steps)");
            foreach (var (name, steps) in r.TrackedOutputSteps)
                Console.WriteLine($"  out {name,-26} {steps.Sum(s => s.ElapsedTime.TotalMilliseconds),8:F0} ms  ({steps.Length} steps)");
        }
    }
}
