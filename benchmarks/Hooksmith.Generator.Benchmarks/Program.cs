using System;
using System.Globalization;
using System.IO;
using BenchmarkDotNet.Running;

namespace Hooksmith.Generator.Benchmarks;

internal static class Program
{
    // `--check`, `--size [folder]`, `--scale [folder]`, `--scale-steps BYTES`, `--hint-names` and `--timings [runs]` run the scenarios without BenchmarkDotNet (see benchmarks/README.md,
    // "Generator cost"); anything else goes to BenchmarkDotNet.
    private static int Main(string[] args)
    {
        CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
        try
        {
            switch (args)
            {
                case ["--check"]:
                    return Check.Run(Console.Out);
                case ["--drift-cost"]:
                    return DriftCost.Run(Console.Out, Timings.DefaultRuns);
                case ["--size"]:
                    return GeneratedSize.Run(Console.Out);
                case ["--size", var folder]:
                    return GeneratedSize.Run(Console.Out, folder);
                case ["--scale"]:
                    return GeneratorScale.Run(Console.Out, Path.Combine("benchmarks", "results"));
                case ["--scale", var results]:
                    return GeneratorScale.Run(Console.Out, results);
                case ["--scale", var results, var scaleRuns] when int.TryParse(scaleRuns, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0:
                    return GeneratorScale.Run(Console.Out, results, n);
                case ["--scale-one", var size, var oneRuns] when long.TryParse(size, NumberStyles.None, CultureInfo.InvariantCulture, out var bytes)
                    && int.TryParse(oneRuns, NumberStyles.None, CultureInfo.InvariantCulture, out var r) && r > 0:
                    return GeneratorScale.RunOne(Console.Out, bytes, r);
                case ["--scale-steps", var stepsSize] when long.TryParse(stepsSize, NumberStyles.None, CultureInfo.InvariantCulture, out var stepsBytes):
                    return ScaleSteps.Run(Console.Out, stepsBytes);
                case ["--hint-names"]:
                    return HintNames.Run(Console.Out, runs: 3);
                case ["--timings"]:
                    return Timings.Run(Console.Out, Timings.DefaultRuns);
                case ["--timings", var runs]:
                    if (!int.TryParse(runs, NumberStyles.None, CultureInfo.InvariantCulture, out var count) || count < 1)
                    {
                        Console.Error.WriteLine($"--timings takes a number of runs (1 or more), not '{runs}'.");
                        return 2;
                    }

                    return Timings.Run(Console.Out, count);
                default:
                    BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
                    return 0;
            }
        }
        catch (Exception exception) when (exception is DirectoryNotFoundException or InvalidDataException)
        {
            // The corpus is missing, or no longer holds the text an edit changes.
            Console.Error.WriteLine(exception.Message);
            return 2;
        }
    }
}
