using System.Linq;
using Xunit.Abstractions;

namespace Hooksmith.Fuzz;

/// <summary>
/// Mutants of valid inputs never make an entry point throw. About 20,000 cases in the normal run;
/// <c>HOOKSMITH_FUZZ_SCALE=1000</c> runs a thousand times as many.
/// </summary>
public sealed class MutationFuzzTests(ITestOutputHelper output)
{
    [Fact]
    public void Seed_payload_and_envelope_mutants_never_throw()
    {
        var ran = FuzzRun.Mutants(FuzzSeeds.SeedInputs(), cases: 6_000, defaultSeed: 12);
        output.WriteLine($"{ran:N0} mutants of the seed data and envelope");
    }

    [Fact]
    public void Voucherify_example_mutants_never_throw()
    {
        var seeds = FuzzSeeds.VoucherifyExamples();
        Assert.Equal(72, seeds.Count);
        Assert.All(seeds, seed => seed.Target.Exercise(seed.Input)); // the examples themselves first
        var ran = FuzzRun.Mutants(seeds, cases: 10_000, defaultSeed: 72);
        output.WriteLine($"{ran:N0} mutants of {seeds.Count} examples of {seeds.Select(s => s.Target.Name).Distinct().Count()} event models");
    }

    [Fact]
    public void Adyen_example_mutants_never_throw()
    {
        var seeds = FuzzSeeds.AdyenExamples();
        Assert.Equal(2 * 213, seeds.Count);
        Assert.All(seeds, seed => FuzzRun.Exercise(seed.Target, seed.Input, seed.Label)); // the examples themselves first
        var ran = FuzzRun.Mutants(seeds, cases: 12_000, defaultSeed: 213);
        output.WriteLine($"{ran:N0} mutants of {seeds.Count / 2} examples of {seeds.Select(s => s.Target.Name).Distinct().Count() - 1} webhook models, and of the same bodies through the envelope readers");
    }

    [Fact]
    public void Schema_file_mutants_never_make_the_generators_reader_throw()
    {
        var ran = FuzzRun.Mutants(FuzzSeeds.Schemas(), cases: 2_000, defaultSeed: 2020);
        output.WriteLine($"{ran:N0} mutants of the repository's schema files");
    }
}
