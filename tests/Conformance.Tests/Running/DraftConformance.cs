using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Hooksmith.Conformance.Tests.Suite;
using Hooksmith.Generator.Tests.Corpus;
using Hooksmith.Validation;
using Microsoft.CodeAnalysis;

namespace Hooksmith.Conformance.Tests.Running;

/// <summary>
/// Every required test of one draft folder run through the generated validators, built once per test
/// process and shared by the tests that report on it: one generator run over all the draft's cases
/// with the suite's remotes and the meta-schemas (Generator.Tests' <c>TestSuiteCases</c>), one
/// in-memory compilation, one pass over the tests in both validation modes.
/// </summary>
/// <remarks>
/// When nothing can run (no corpus, the generator failed, the code does not compile, no catalog),
/// <see cref="Problem"/> says why and every test of the draft fails with it.
/// </remarks>
internal sealed class DraftConformance
{
    private static readonly ConcurrentDictionary<string, Lazy<DraftConformance>> Built = new(StringComparer.Ordinal);

    private static int s_started;

    private DraftConformance(string draft, string? problem, IReadOnlyList<FileResult> files, Timings timings, string generatorDiagnostics)
    {
        Draft = draft;
        Problem = problem;
        Files = files;
        Time = timings;
        GeneratorDiagnostics = generatorDiagnostics;
    }

    public string Draft { get; }

    /// <summary>Why no test could run, or null.</summary>
    public string? Problem { get; }

    public IReadOnlyList<FileResult> Files { get; }

    public Timings Time { get; }

    /// <summary>The generator's diagnostics as counts per ID, for the summary.</summary>
    public string GeneratorDiagnostics { get; }

    /// <summary>How many suite tests were run (each in both modes).</summary>
    public int Executed => Files.Sum(f => f.Executed);

    /// <summary>
    /// The results for a draft folder, made on first use. The first call also starts every other
    /// draft on the thread pool: generating and compiling are mostly single-threaded, so two drafts
    /// side by side use both cores.
    /// </summary>
    public static DraftConformance For(string draft)
    {
        if (Interlocked.Exchange(ref s_started, 1) == 0)
        {
            foreach (var other in ConformanceCorpus.Drafts.Where(d => d != draft))
            {
                _ = Task.Run(() => Entry(other).Value);
            }
        }

        return Entry(draft).Value;
    }

    private static Lazy<DraftConformance> Entry(string draft)
        => Built.GetOrAdd(draft, d => new Lazy<DraftConformance>(() => Build(d), LazyThreadSafetyMode.ExecutionAndPublication));

    /// <summary>Fails the calling test with <see cref="Problem"/> when nothing could run.</summary>
    public void EnsureRan()
    {
        if (Problem is not null)
        {
            Assert.Fail(Problem);
        }
    }

    private static DraftConformance Build(string draft)
    {
        if (ConformanceCorpus.Absence() is { } absent)
        {
            return Failed(draft, absent, default);
        }

        var files = SuiteTestFile.ReadDraft(draft);
        SuiteRun suite;
        try
        {
            suite = TestSuiteCases.RunFor(draft);
        }
        catch (Exception exception)
        {
            return Failed(draft, $"{draft}: reading the suite or running the generator failed: {exception}", default);
        }

        var timings = new Timings(suite.GenerateTime, TimeSpan.Zero, TimeSpan.Zero);
        if (suite.Run.Result.Exception is { } generatorException)
        {
            return Failed(draft, $"{draft}: the generator threw {generatorException}", timings);
        }

        var compile = Stopwatch.StartNew();
        GeneratedAssembly generated;
        try
        {
            generated = GeneratedAssembly.Load(suite.Run.Output, "conformance-" + draft);
        }
        catch (InvalidOperationException exception)
        {
            return Failed(draft, $"{draft}: {exception.Message}", timings with { Compile = compile.Elapsed });
        }

        timings = timings with { Compile = compile.Elapsed };
        var casesByPosition = suite.Cases.ToDictionary(c => (c.FileStem, c.Index));
        var run = Stopwatch.StartNew();
        IReadOnlyList<FileResult> results;
        try
        {
            results = LargeStack.Run(() => files.Select(file => RunFile(file, casesByPosition, generated.Catalog)).ToList());
        }
        finally
        {
            generated.Unload();
        }

        return new DraftConformance(draft, null, results, timings with { Run = run.Elapsed }, CountById(suite.Run.Diagnostics));
    }

    private static DraftConformance Failed(string draft, string problem, Timings timings)
        => new(draft, problem, [], timings, string.Empty);

    private static FileResult RunFile(SuiteTestFile file, Dictionary<(string, int), SuiteCase> casesByPosition, SchemaCatalog catalog)
    {
        var passed = 0;
        var decided = 0;
        var proven = 0;
        var modelled = 0;
        var failures = new List<ConformanceFailure>();
        foreach (var suiteCase in file.Cases)
        {
            var schemaPath = casesByPosition.TryGetValue((file.Stem, suiteCase.Index), out var generated) ? generated.Path : null;
            var entry = schemaPath is null ? null : catalog.Find(schemaPath, "");
            foreach (var test in suiteCase.Tests)
            {
                var verdict = entry is null
                    ? new Verdict($"no catalog entry for the case's schema (Find(\"{schemaPath ?? "?"}\", \"\") is null)", "(none)", false, false, false, false)
                    : Check(entry, test);
                decided += verdict.Decided ? 1 : 0;
                proven += verdict.Proven ? 1 : 0;
                modelled += verdict.Modelled ? 1 : 0;
                if (verdict.Problem is null)
                {
                    passed++;
                }
                else
                {
                    failures.Add(new ConformanceFailure(file.Key, suiteCase.Description, test.Description, test.Valid, verdict.Problem, verdict.FirstError, verdict.Threw));
                }
            }
        }

        return new FileResult(file, passed, failures) { DecidedByReaderPass = decided, ProvenByFusedPass = proven, ValidWithModel = modelled };
    }

    /// <summary>Validates one test's instance in full and in first-failure mode and says what, if anything, is wrong.</summary>
    private static Verdict Check(SchemaCatalogEntry entry, SuiteTest test)
    {
        using var document = JsonDocument.Parse(test.Data);
        var instance = document.RootElement;
        var problems = new List<string>();
        var threw = false;
        string? firstError = null;

        var full = Validate(() => entry.Validate(instance), "full", problems, ref threw);
        if (full is not null)
        {
            if (full.IsValid != test.Valid)
            {
                problems.Add("full mode says " + Describe(full.IsValid));
            }

            if (!full.IsValid)
            {
                if (full.Errors.Count == 0)
                {
                    problems.Add("full mode is invalid with no error");
                }

                firstError = full.Errors.FirstOrDefault()?.ToString();
                foreach (var error in full.Errors)
                {
                    if (InstancePointer.Check(instance, error.InstanceLocation) is { } why)
                    {
                        problems.Add($"error location '{error.InstanceLocation}' is not in the instance ({why}): {error}");
                    }
                }
            }
        }

        // The single reader pass (issue 14) decides validity where it can; the document validators give the
        // errors either way, so the two paths agree error for error exactly when the pass never contradicts them.
        var decided = false;
        var decidedValid = false;
        if (StreamOf(entry) is not { } stream)
        {
            problems.Add("the validator has no reader-pass schema beside it");
        }
        else
        {
            try
            {
                var pass = stream.Evaluate(System.Text.Encoding.UTF8.GetBytes(test.Data));
                decided = pass != StreamVerdict.Undecided;
                decidedValid = pass == StreamVerdict.Valid;
                if (decided && full is not null && (pass == StreamVerdict.Valid) != full.IsValid)
                {
                    problems.Add($"the reader pass says {pass}, the document validators {Describe(full.IsValid)}");
                }
            }
            catch (Exception exception)
            {
                threw = true;
                problems.Add($"the reader pass threw {exception.GetType().FullName}: {exception.Message} {WhereThrown(exception)}");
            }
        }

        // The fused pass (issue 14's one pass, made while binding) only proves: what it proves valid must be valid.
        // Nor may it be weaker than the reader pass: what that decides valid and binds with no problem, it proves.
        var proven = false;
        var modelled = false;
        if (entry.ModelType is { } model)
        {
            try
            {
                var data = System.Text.Encoding.UTF8.GetBytes(test.Data);
                if (FusedProof.Probe(model, data) is var (fused, bindsCleanly))
                {
                    proven = fused;
                    modelled = test.Valid;
                    if (proven && full is not null && !full.IsValid)
                    {
                        problems.Add("the fused pass proves valid what the document validators reject");
                    }

                    if (!proven && bindsCleanly && decidedValid)
                    {
                        problems.Add("the reader pass decides valid and binding is clean, yet the fused pass does not prove it");
                    }
                }
            }
            catch (Exception exception)
            {
                threw = true;
                problems.Add($"the fused pass threw {exception.GetType().FullName}: {exception.Message} {WhereThrown(exception)}");
            }
        }

        var first = Validate(() => entry.Validate(instance, ValidationOptions.FirstFailure), "first-failure", problems, ref threw);
        if (first is not null)
        {
            if (first.IsValid != test.Valid)
            {
                problems.Add("first-failure mode says " + Describe(first.IsValid));
            }

            firstError ??= first.Errors.FirstOrDefault()?.ToString();
        }

        return new Verdict(problems.Count == 0 ? null : string.Join("; ", problems), firstError ?? "(none)", threw, decided, proven, modelled);
    }

    private static ValidationResult? Validate(Func<ValidationResult> validate, string mode, List<string> problems, ref bool threw)
    {
        try
        {
            return validate();
        }
        catch (Exception exception)
        {
            threw = true;
            problems.Add($"{mode} mode threw {exception.GetType().FullName}: {exception.Message} {WhereThrown(exception)}");
            return null;
        }
    }

    private static string WhereThrown(Exception exception)
    {
        var frame = exception.StackTrace?.Split('\n').FirstOrDefault()?.Trim();
        return frame is null ? string.Empty : "(" + frame + ")";
    }

    private static string Describe(bool valid) => valid ? "valid" : "invalid";

    private static string CountById(IEnumerable<Diagnostic> diagnostics)
    {
        var counts = diagnostics
            .GroupBy(d => d.Id, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => g.Key + " x" + g.Count().ToString(CultureInfo.InvariantCulture))
            .ToList();
        return counts.Count == 0 ? "none" : string.Join(", ", counts);
    }

    /// <summary>Wall-clock time of each stage.</summary>
    /// <param name="Generate">The generator run (shared with other users of <c>TestSuiteCases.RunFor</c>).</param>
    /// <param name="Compile">Emitting the compilation to memory, loading it and reading the catalog.</param>
    /// <param name="Run">Every test of the draft in both modes.</param>
    internal readonly record struct Timings(TimeSpan Generate, TimeSpan Compile, TimeSpan Run);

    /// <summary>The reader-pass schema generated beside a validator method (<c>{Method}__Stream</c>).</summary>
    private static StreamSchema? StreamOf(SchemaCatalogEntry entry)
        => entry.Validator.Method.DeclaringType?.GetProperty(entry.Validator.Method.Name + "__Stream", System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Static)?.GetValue(null) as StreamSchema;

    private readonly record struct Verdict(string? Problem, string FirstError, bool Threw, bool Decided, bool Proven, bool Modelled);
}
