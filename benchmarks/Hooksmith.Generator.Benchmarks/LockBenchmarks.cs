using System.IO;
using BenchmarkDotNet.Attributes;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Hooksmith.Generator.Benchmarks;

/// <summary>
/// What a lock adds to a first build of <c>OpenAPIWebhooks.json</c> (issue 13: under 10%): the same cold
/// run without a lock (the baseline), with the lock of the file as it is (the check runs and finds
/// nothing), and with the lock of its March 2025 version from the corpus's history (the check reports
/// every change since, as a build after a provider's update does). One class, so the ratio is of one run.
/// </summary>
[MemoryDiagnoser]
public class LockBenchmarks
{
    private VoucherifyCorpus _corpus = null!;
    private CSharpCompilation _compilation = null!;
    private SchemaText _currentLock = null!;
    private SchemaText _olderLock = null!;

    [GlobalSetup]
    public void Setup()
    {
        _corpus = VoucherifyCorpus.Load();
        _compilation = GeneratorRuns.EmptyCompilation();
        _currentLock = LockScenario.Of(_corpus.OpenApiWebhooks);
        _olderLock = LockScenario.OfVersion(_corpus.OpenApiWebhooks, Path.Combine(VoucherifyCorpus.HistoryFolder(), "2025-03-17-mapping-points-type", "after.json"));
    }

    [Benchmark(Baseline = true, Description = "Cold: OpenAPIWebhooks.json, no lock")]
    public GeneratorDriver WithoutLock()
        => GeneratorRuns.CreateDriver([_corpus.OpenApiWebhooks], _corpus.Options).RunGenerators(_compilation);

    [Benchmark(Description = "Cold: OpenAPIWebhooks.json, its own lock (no change)")]
    public GeneratorDriver WithCurrentLock()
        => GeneratorRuns.CreateDriver([_corpus.OpenApiWebhooks, _currentLock], _corpus.Options).RunGenerators(_compilation);

    [Benchmark(Description = "Cold: OpenAPIWebhooks.json, lock of 2025-03 (changes)")]
    public GeneratorDriver WithOlderLock()
        => GeneratorRuns.CreateDriver([_corpus.OpenApiWebhooks, _olderLock], _corpus.Options).RunGenerators(_compilation);
}
