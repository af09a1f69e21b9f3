using BenchmarkDotNet.Attributes;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Hooksmith.Generator.Benchmarks;

/// <summary>
/// A first build: a fresh driver with a new <see cref="HooksmithGenerator"/> reads, plans, links and
/// emits everything (the driver also parses what is emitted into syntax trees, as in a build).
/// </summary>
[MemoryDiagnoser]
public class ColdRunBenchmarks
{
    private VoucherifyCorpus _corpus = null!;
    private CSharpCompilation _compilation = null!;

    [GlobalSetup]
    public void Setup()
    {
        _corpus = VoucherifyCorpus.Load();
        _compilation = GeneratorRuns.EmptyCompilation();
    }

    [Benchmark(Baseline = true, Description = "Cold: OpenAPIWebhooks.json")]
    public GeneratorDriver OpenApiWebhooks()
        => GeneratorRuns.CreateDriver([_corpus.OpenApiWebhooks], _corpus.Options).RunGenerators(_compilation);

    [Benchmark(Description = "Cold: all eight Voucherify files")]
    public GeneratorDriver AllEightFiles()
        => GeneratorRuns.CreateDriver(_corpus.Files, _corpus.Options).RunGenerators(_compilation);
}
