using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Hooksmith.Conformance.Tests.Running;
using Hooksmith.Conformance.Tests.Suite;
using Xunit.Abstractions;

namespace Hooksmith.Conformance.Tests;

/// <summary>
/// The required tests of the JSON-Schema-Test-Suite (draft 2020-12 and draft-07) through the generated
/// validators, in full and in first-failure mode: one row per suite file, which fails on any failure
/// not listed in known-failures.txt and on any listed entry that no longer fails; plus a summary per
/// draft that also checks how many tests ran, so that a shrinking corpus is noticed.
/// </summary>
public sealed class ConformanceTests(ITestOutputHelper output)
{
    /// <summary>Every suite file of every draft, as <c>draft/file.json</c>.</summary>
    public static TheoryData<string> SuiteFiles()
    {
        var rows = new TheoryData<string>();
        foreach (var key in ConformanceCorpus.Drafts.SelectMany(ConformanceCorpus.FileKeys))
        {
            rows.Add(key);
        }

        return rows;
    }

    [Theory]
    [MemberData(nameof(SuiteFiles))]
    public void Suite_file_passes_on_the_generated_validators(string file)
    {
        ConformanceCorpus.Require();
        var draft = file[..file.IndexOf('/', StringComparison.Ordinal)];
        var conformance = DraftConformance.For(draft);
        conformance.EnsureRan();
        var result = conformance.Files.SingleOrDefault(f => f.File.Key == file);
        Assert.True(result is not null, $"{file} is not a test file of the suite's {draft} folder");

        var known = KnownFailures.Current.For(file).ToList();
        var knownKeys = known.Select(k => k.Key).ToHashSet();
        var failingKeys = result.Failures.Select(f => f.Key).ToHashSet();
        var existingKeys = result.File.Cases.SelectMany(c => c.Tests.Select(t => (file, c.Description, t.Description))).ToHashSet();
        var unexpected = result.Failures.Where(f => !knownKeys.Contains(f.Key)).ToList();
        var nowPassing = known.Where(k => existingKeys.Contains(k.Key) && !failingKeys.Contains(k.Key)).ToList();
        var unknownTests = known.Where(k => !existingKeys.Contains(k.Key)).ToList();

        output.WriteLine($"{file}: {result.Passed} passed, {result.Failures.Count} failed ({result.Failures.Count - unexpected.Count} known, {result.Threw} threw), of {result.Executed}");
        foreach (var failure in result.Failures)
        {
            output.WriteLine((knownKeys.Contains(failure.Key) ? "  known: " : "  FAIL:  ") + failure);
        }

        var report = new List<string>();
        if (unexpected.Count > 0)
        {
            report.Add($"{unexpected.Count} failure(s) not in known-failures.txt (file | case | test | expected; problem; first error):");
            report.AddRange(unexpected.Select(f => "  " + f));
        }

        if (nowPassing.Count > 0)
        {
            report.Add($"{nowPassing.Count} entr(y/ies) of known-failures.txt now pass; remove them:");
            report.AddRange(nowPassing.Select(k => "  " + k));
        }

        if (unknownTests.Count > 0)
        {
            report.Add($"{unknownTests.Count} entr(y/ies) of known-failures.txt name no test of {file}:");
            report.AddRange(unknownTests.Select(k => "  " + k));
        }

        Assert.True(report.Count == 0, $"{file}: {result.Passed} of {result.Executed} passed{Environment.NewLine}{string.Join(Environment.NewLine, report)}");
    }

    [Theory]
    [InlineData("draft2020-12", 1299)]
    [InlineData("draft7", 927)]
    public void Every_required_test_of_the_draft_runs(string draft, int requiredTests)
    {
        ConformanceCorpus.Require();
        var corpusCount = SuiteTestFile.ReadDraft(draft).Sum(f => f.TestCount);
        Assert.True(
            corpusCount == requiredTests,
            $"the corpus has {corpusCount} required {draft} tests, expected {requiredTests}: update the number if the suite changed on purpose");

        var conformance = DraftConformance.For(draft);
        WriteSummary(conformance);
        conformance.EnsureRan();
        Assert.Equal(corpusCount, conformance.Executed);

        // The reader pass must decide a real share of the suite, or its agreement above would hold vacuously.
        var decided = conformance.Files.Sum(f => f.DecidedByReaderPass);
        output.WriteLine($"decided by the single reader pass: {decided} of {conformance.Executed}; the rest left to the document validators");
        Assert.True(decided * 2 >= conformance.Executed, $"the reader pass decided only {decided} of {conformance.Executed} tests");

        // Likewise the fused pass, which only ever proves valid: it must prove a real share of the valid tests it can
        // check (those whose schema has a model to bind to).
        var proven = conformance.Files.Sum(f => f.ProvenByFusedPass);
        var modelled = conformance.Files.Sum(f => f.ValidWithModel);
        output.WriteLine($"proven valid by the fused pass while binding: {proven} of the {modelled} valid tests with a model");
        Assert.True(proven * 2 >= modelled, $"the fused pass proved only {proven} of {modelled} valid tests with a model");
    }

    [Fact]
    public void Known_failures_file_is_well_formed_and_names_suite_tests()
    {
        var known = KnownFailures.Current;
        Assert.True(known.Problems.Count == 0, $"{KnownFailures.FilePath}:{Environment.NewLine}{string.Join(Environment.NewLine, known.Problems)}");
        if (known.Entries.Count == 0)
        {
            return;
        }

        ConformanceCorpus.Require();
        var tests = ConformanceCorpus.Drafts
            .SelectMany(SuiteTestFile.ReadDraft)
            .SelectMany(f => f.Cases.SelectMany(c => c.Tests.Select(t => (f.Key, c.Description, t.Description))))
            .ToHashSet();
        var strays = known.Entries.Where(e => !tests.Contains(e.Key)).Select(e => e.ToString()).ToList();
        Assert.True(strays.Count == 0, $"entries that name no required test of {string.Join(" or ", ConformanceCorpus.Drafts)}:{Environment.NewLine}{string.Join(Environment.NewLine, strays)}");
    }

    private void WriteSummary(DraftConformance conformance)
    {
        var time = conformance.Time;
        output.WriteLine($"{conformance.Draft}: generate {Milliseconds(time.Generate)}, compile and load {Milliseconds(time.Compile)}, run {Milliseconds(time.Run)}");
        if (conformance.Problem is not null)
        {
            output.WriteLine("nothing ran: " + conformance.Problem);
            return;
        }

        output.WriteLine($"generator diagnostics: {conformance.GeneratorDiagnostics}");
        var knownKeys = KnownFailures.Current.Entries.Select(k => k.Key).ToHashSet();
        var width = Math.Max(5, conformance.Files.Max(f => f.File.Key.Length));
        output.WriteLine($"{"file".PadRight(width)}  {"tests",6}  {"passed",6}  {"failed",6}  {"known",6}  {"threw",6}");
        foreach (var file in conformance.Files)
        {
            output.WriteLine(Row(file.File.Key, file.Executed, file.Passed, file.Failures.Count, file.Failures.Count(f => knownKeys.Contains(f.Key)), file.Threw));
        }

        var all = conformance.Files;
        output.WriteLine(Row(
            "total",
            all.Sum(f => f.Executed),
            all.Sum(f => f.Passed),
            all.Sum(f => f.Failures.Count),
            all.Sum(f => f.Failures.Count(x => knownKeys.Contains(x.Key))),
            all.Sum(f => f.Threw)));

        string Row(string name, params int[] counts)
            => name.PadRight(width) + string.Concat(counts.Select(c => "  " + c.ToString(CultureInfo.InvariantCulture).PadLeft(6)));
    }

    private static string Milliseconds(TimeSpan span) => span.TotalMilliseconds.ToString("F0", CultureInfo.InvariantCulture) + " ms";
}
