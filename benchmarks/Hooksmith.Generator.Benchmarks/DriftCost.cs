using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Threading;
using Hooksmith.Generator.Drift;
using Hooksmith.Generator.Planning;
using Hooksmith.Generator.Schema;

namespace Hooksmith.Generator.Benchmarks;

/// <summary>
/// <c>--drift-cost</c>: where the build's drift check spends its time on <c>OpenAPIWebhooks.json</c>, step
/// by step, next to the Read and Plan steps it rides on (median of a number of runs, wall-clock, for notes).
/// </summary>
internal static class DriftCost
{
    public static int Run(TextWriter output, int runs)
    {
        var corpus = VoucherifyCorpus.Load();
        var schema = corpus.OpenApiWebhooks;
        var input = new SchemaFileInput(schema.Path, schema.GetText().ToString(), schema.Namespace, null, null);
        var document = SchemaDocumentReader.Read(input, CancellationToken.None);
        var plan = TypePlanner.Plan(document, CancellationToken.None);
        var lockText = LockScenario.Of(schema).GetText().ToString();
        var locked = LockFileReader.Read(lockText, out _)!;
        var plans = new Dictionary<string, DocumentPlan> { [plan.Path] = plan };
        var driftInputs = new List<DriftInput> { new(document, document.Path, string.Empty) };
        var current = SurfaceExtractor.Extract(driftInputs, plans);
        var lockInput = new LockFileInput(LockScenario.PathBeside(schema), lockText);

        output.WriteLine($"OpenAPIWebhooks.json: {input.Text.Length:N0} characters; its lock: {lockText.Length:N0} characters. Median ms of {runs} runs, wall-clock and the thread's CPU:");
        Measure(output, "Read (the generator's step)", runs, () => SchemaDocumentReader.Read(input, CancellationToken.None));
        Measure(output, "Plan (the generator's step)", runs, () => TypePlanner.Plan(document, CancellationToken.None));
        Measure(output, "drift: read the lock", runs, () => LockFileReader.Read(lockText, out _));
        Measure(output, "drift: parse the lock's JSON", runs, () => Hooksmith.Generator.Json.JsonTextReader.Parse(lockText));
        Measure(output, "drift: index the schema", runs, () => SchemaIndexer.Index(document, CancellationToken.None));
        Measure(output, "drift: write the lock (as 'hooksmith lock' does)", runs, () => LockFileWriter.Write(current));
        Measure(output, "drift: read its own lock against the surface", runs, () => LockFileReader.ReadAgainst(lockText, current, out _, out _));
        Measure(output, "drift: extract the surface", runs, () => SurfaceExtractor.Extract(driftInputs, plans));
        Measure(output, "drift: compare", runs, () => SurfaceComparer.Compare(locked, current));
        Measure(output, "drift: the whole step, lock matches (DriftDiagnostics.Of)", runs,
            () => DriftDiagnostics.Of(ImmutableArray.Create(document), ImmutableArray.Create(plan), lockInput, CancellationToken.None));
        var olderLock = new LockFileInput(lockInput.Path, LockScenario.OfVersion(schema, Path.Combine(VoucherifyCorpus.HistoryFolder(), "2025-03-17-mapping-points-type", "after.json")).GetText().ToString());
        var older = LockFileReader.Read(olderLock.Text, out _)!;
        Measure(output, "drift: compare with the 2025-03 lock, read whole", runs, () => SurfaceComparer.Compare(older, current));
        Measure(output, "drift: read the 2025-03 lock against the surface", runs, () => LockFileReader.ReadAgainst(olderLock.Text, current, out _, out _));
        var olderAgainst = LockFileReader.ReadAgainst(olderLock.Text, current, out _, out _)!;
        output.WriteLine($"  (of the 2025-03 lock's {olderAgainst.Schemas.Count} schemas, {olderAgainst.Schemas.Count(e => current.Schemas.TryGetValue(e.Key, out var now) && ReferenceEquals(now, e.Value))} read as now and are not parsed)");
        Measure(output, "drift: compare with the 2025-03 lock, read so", runs, () => SurfaceComparer.Compare(olderAgainst, current));
        Measure(output, "drift: the whole step, 2025-03 lock (22 changes)", runs,
            () => DriftDiagnostics.Of(ImmutableArray.Create(document), ImmutableArray.Create(plan), olderLock, CancellationToken.None));

        // The whole cold run, with and without the lock, in pairs whose order alternates: on a shared
        // machine the load drifts between two separate series, and a pair's ratio cancels most of it.
        var compilation = GeneratorRuns.EmptyCompilation();
        var currentLock = LockScenario.Of(schema);
        var olderLockText = LockScenario.OfVersion(schema, Path.Combine(VoucherifyCorpus.HistoryFolder(), "2025-03-17-mapping-points-type", "after.json"));
        output.WriteLine($"Cold runs of the generator, in {runs} alternating pairs; median of each pair's ratio to the run without a lock:");
        PairedRatio(output, "its own lock (no change)", runs,
            () => GeneratorRuns.CreateDriver([schema], corpus.Options).RunGenerators(compilation),
            () => GeneratorRuns.CreateDriver([schema, currentLock], corpus.Options).RunGenerators(compilation));
        PairedRatio(output, "the 2025-03 lock (changes)", runs,
            () => GeneratorRuns.CreateDriver([schema], corpus.Options).RunGenerators(compilation),
            () => GeneratorRuns.CreateDriver([schema, olderLockText], corpus.Options).RunGenerators(compilation));
        return 0;
    }

    private static void PairedRatio(TextWriter output, string scenario, int runs, Func<object?> baseline, Func<object?> measured)
    {
        baseline();
        measured();
        var ratios = new List<double>(runs);
        var baselineTimes = new List<double>(runs);
        var cpuRatios = new List<double>(runs);
        for (var i = 0; i < runs; i++)
        {
            (double Wall, double Cpu) Time(Func<object?> run)
            {
                GC.Collect();
                GC.WaitForPendingFinalizers();
                var cpuBefore = ThreadCpuTime.Milliseconds();
                var stopwatch = Stopwatch.StartNew();
                GC.KeepAlive(run());
                return (stopwatch.Elapsed.TotalMilliseconds, ThreadCpuTime.Milliseconds() - cpuBefore);
            }

            (double Wall, double Cpu) without, with;
            if (i % 2 == 0)
            {
                without = Time(baseline);
                with = Time(measured);
            }
            else
            {
                with = Time(measured);
                without = Time(baseline);
            }

            baselineTimes.Add(without.Wall);
            ratios.Add(with.Wall / without.Wall);
            cpuRatios.Add(with.Cpu / without.Cpu);
        }

        ratios.Sort();
        cpuRatios.Sort();
        baselineTimes.Sort();
        output.WriteLine($"  {scenario,-48} ratio {ratios[ratios.Count / 2],6:F3} (quartiles {ratios[ratios.Count / 4]:F3}–{ratios[ratios.Count * 3 / 4]:F3}); without a lock {baselineTimes[baselineTimes.Count / 2]:F0} ms");
        output.WriteLine($"  {string.Empty,-48} thread CPU ratio {cpuRatios[cpuRatios.Count / 2],6:F3} (quartiles {cpuRatios[cpuRatios.Count / 4]:F3}–{cpuRatios[cpuRatios.Count * 3 / 4]:F3})");
    }

    private static void Measure(TextWriter output, string step, int runs, Func<object?> run)
    {
        // Past the JIT's first tier (a method is recompiled optimized after 30 calls), as in a build's later runs.
        for (var i = 0; i < 40; i++)
        {
            GC.KeepAlive(run());
        }

        var times = new List<double>(runs);
        var cpu = new List<double>(runs);
        var allocated = GC.GetAllocatedBytesForCurrentThread();
        GC.KeepAlive(run());
        allocated = GC.GetAllocatedBytesForCurrentThread() - allocated;
        for (var i = 0; i < runs; i++)
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
            var cpuBefore = ThreadCpuTime.Milliseconds();
            var stopwatch = Stopwatch.StartNew();
            GC.KeepAlive(run());
            times.Add(stopwatch.Elapsed.TotalMilliseconds);
            cpu.Add(ThreadCpuTime.Milliseconds() - cpuBefore);
        }

        times.Sort();
        cpu.Sort();
        output.WriteLine($"  {step,-58} {times[times.Count / 2],8:F1} {cpu[cpu.Count / 2],8:F1} {allocated / 1e6,8:F1} MB");
    }
}
