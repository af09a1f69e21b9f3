using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Security.Cryptography;

namespace Hooksmith.Fuzz;

/// <summary>
/// Runs a bounded number of mutants through their targets. The count is the test's budget unless
/// <c>HOOKSMITH_FUZZ_SCALE</c> multiplies it (<c>1000</c> for a long run of millions); the random seed is
/// fixed per test unless <c>HOOKSMITH_FUZZ_SEED</c> sets it. An input that makes a target throw is saved
/// under the test output folder and the failure names the file.
/// </summary>
internal static class FuzzRun
{
    public static int Scale { get; } = int.TryParse(Environment.GetEnvironmentVariable("HOOKSMITH_FUZZ_SCALE"), NumberStyles.None, CultureInfo.InvariantCulture, out var scale) && scale > 0 ? scale : 1;

    public static string FailureFolder { get; } = Path.Combine(AppContext.BaseDirectory, "fuzz-failures");

    /// <summary>Runs <paramref name="cases"/> (times the scale) mutants of <paramref name="seeds"/>, round-robin; returns how many ran.</summary>
    public static long Mutants(IReadOnlyList<FuzzSeed> seeds, int cases, int defaultSeed)
    {
        var randomSeed = int.TryParse(Environment.GetEnvironmentVariable("HOOKSMITH_FUZZ_SEED"), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var chosen) ? chosen : defaultSeed;
        var random = new Random(randomSeed);
        var total = (long)cases * Scale;
        for (long i = 0; i < total; i++)
        {
            var seed = seeds[(int)(i % seeds.Count)];
            var mutant = Mutator.Mutate(seed.Input, random);
            Exercise(seed.Target, mutant, $"{seed.Label}, mutant {i} of random seed {randomSeed}");
        }

        return total;
    }

    /// <summary>Feeds one input to a target; on any exception, saves the input and fails naming the file.</summary>
    public static void Exercise(FuzzTarget target, byte[] input, string label)
    {
        try
        {
            target.Exercise(input);
        }
        catch (Exception exception)
        {
            Directory.CreateDirectory(FailureFolder);
            var name = $"{target.Name}-{Convert.ToHexString(SHA256.HashData(input))[..16]}.json";
            var path = Path.Combine(FailureFolder, name);
            File.WriteAllBytes(path, input);
            throw new FuzzFailureException($"{target.Name} threw for {label}; the input is saved at {path}", exception);
        }
    }
}
