using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Hooksmith.Generator.Benchmarks;

/// <summary>
/// <c>--hint-names</c>: what the generator driver itself costs per generated file, measured on a generator that does
/// nothing but add tiny files with names shaped like Hooksmith's (<c>Vendor.Voucherify.Order17.g.cs</c>). The
/// driver checks each added file's name against every name added before it, so its time grows with the square of
/// the number of files; this shows the curve that Hooksmith's file count pays at vendor scale.
/// </summary>
internal static class HintNames
{
    private static readonly int[] Counts = [5_000, 10_000, 20_000, 40_000];

    public static int Run(TextWriter output, int runs)
    {
        output.WriteLine($"The driver over a generator that only adds files (Roslyn {typeof(Compilation).Assembly.GetName().Version}); ms, median of {runs} after a warm-up:");
        output.WriteLine();
        output.WriteLine("| files | driver | µs per file |");
        output.WriteLine("| ---: | ---: | ---: |");
        var compilation = CSharpCompilation.Create("HintNames");
        Time(compilation, 1_000);
        foreach (var count in Counts)
        {
            var times = Enumerable.Range(0, runs).Select(_ => Time(compilation, count)).OrderBy(t => t).ToList();
            var median = times[times.Count / 2];
            output.WriteLine($"| {count:N0} | {median:F0} | {1000 * median / count:F1} |");
        }

        return 0;
    }

    private static double Time(Compilation compilation, int count)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        var driver = CSharpGeneratorDriver.Create(new FilesOnlyGenerator(count));
        var stopwatch = Stopwatch.StartNew();
        driver.RunGenerators(compilation);
        return stopwatch.Elapsed.TotalMilliseconds;
    }

    /// <summary>Adds <c>count</c> one-line files, one per item of its pipeline, as Hooksmith adds one per type.</summary>
    private sealed class FilesOnlyGenerator(int count) : IIncrementalGenerator
    {
        public void Initialize(IncrementalGeneratorInitializationContext context)
        {
            var items = context.CompilationProvider.SelectMany((_, _) => Enumerable.Range(0, count));
            context.RegisterSourceOutput(items, static (output, i) =>
                output.AddSource($"Vendor.Voucherify.Order{i}.g.cs", $"namespace Vendor.Voucherify; internal sealed class Order{i} {{ }}"));
        }
    }
}
