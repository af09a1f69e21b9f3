using BenchmarkDotNet.Attributes;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Hooksmith.Generator.Benchmarks;

/// <summary>
/// Re-runs of a driver that has already run over all eight Voucherify files, as in an IDE or a build with
/// the compiler server: with nothing changed (the baseline, everything cached), and after an edit of one
/// file. Each edit benchmark swaps the file between its published and edited text on every invocation
/// (<see cref="AlternatingEdit"/>), so that every invocation re-runs after a real edit.
/// </summary>
[MemoryDiagnoser]
public class EditRunBenchmarks
{
    private CSharpCompilation _compilation = null!;
    private GeneratorDriver _driver = null!;
    private AlternatingEdit _descriptionEdit = null!;
    private AlternatingEdit _keywordEdit = null!;

    [GlobalSetup]
    public void Setup()
    {
        var corpus = VoucherifyCorpus.Load();
        _compilation = GeneratorRuns.EmptyCompilation();
        _descriptionEdit = corpus.DescriptionEdit();
        _keywordEdit = corpus.KeywordEdit();
        _driver = GeneratorRuns.CreateDriver(corpus.Files, corpus.Options).RunGenerators(_compilation);
    }

    [Benchmark(Baseline = true, Description = "Re-run, no change")]
    public GeneratorDriver NoChange() => _driver = _driver.RunGenerators(_compilation);

    [Benchmark(Description = "Re-run, a description edited in events-distribution.json")]
    public GeneratorDriver DescriptionEdited() => _driver = _descriptionEdit.Apply(_driver).RunGenerators(_compilation);

    [Benchmark(Description = "Re-run, maxLength added in OpenAPIWebhooks.json")]
    public GeneratorDriver KeywordEdited() => _driver = _keywordEdit.Apply(_driver).RunGenerators(_compilation);
}
