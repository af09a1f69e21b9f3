using System.Collections.Generic;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace Hooksmith.Generator.Benchmarks;

/// <summary>
/// <c>--check</c>: runs each scenario of the benchmarks once, without BenchmarkDotNet, and prints what the
/// generator produced and, for the re-runs, why each tracked step produced what it did, per file. Fails
/// when the generator reports an error, or when a re-run redoes the Read or Plan step of a file that was
/// not edited, or does not redo them for the file that was (then the benchmark would not measure an edit).
/// </summary>
internal static class Check
{
    /// <summary>The per-file work that an edit of another file must leave cached.</summary>
    private static readonly string[] PerFileWork = ["Read", "Plan"];

    public static int Run(TextWriter output)
    {
        var corpus = VoucherifyCorpus.Load();
        var compilation = GeneratorRuns.EmptyCompilation();
        var failures = new List<string>();

        var single = GeneratorRuns.CreateDriver([corpus.OpenApiWebhooks], corpus.Options).RunGenerators(compilation);
        WriteOutput(output, "Cold run: OpenAPIWebhooks.json (Vendor.Voucherify)", Result(single), failures);

        var driver = GeneratorRuns.CreateDriver(corpus.Files, corpus.Options, trackSteps: true).RunGenerators(compilation);
        WriteOutput(output, "Cold run: all eight Voucherify files, each in its namespace", Result(driver), failures);

        var before = Result(driver);
        driver = driver.RunGenerators(compilation);
        WriteRerun(output, "Re-run, no change", corpus, before, Result(driver), editedPath: null, failures);

        foreach (var edit in new[] { corpus.DescriptionEdit(), corpus.KeywordEdit() })
        {
            foreach (var direction in new[] { "published to edited", "edited back to published" })
            {
                before = Result(driver);
                driver = edit.Apply(driver).RunGenerators(compilation);
                WriteRerun(output, $"Re-run after the {edit.Name} of {edit.FileName} ({direction})", corpus, before, Result(driver), edit.Published.Path, failures);
            }
        }

        output.WriteLine();
        if (failures.Count == 0)
        {
            output.WriteLine("OK: no generator errors; every re-run redid Read and Plan only for the edited file.");
            return 0;
        }

        output.WriteLine($"FAILED ({failures.Count}):");
        failures.ForEach(failure => output.WriteLine("  " + failure));
        return 1;
    }

    private static GeneratorRunResult Result(GeneratorDriver driver) => driver.GetRunResult().Results.Single();

    private static void WriteOutput(TextWriter output, string title, GeneratorRunResult result, List<string> failures)
    {
        output.WriteLine();
        output.WriteLine("== " + title);
        var lines = result.GeneratedSources.Sum(source => source.SourceText.Lines.Count);
        output.WriteLine($"   generated: {result.GeneratedSources.Length:N0} files, {lines:N0} lines");

        var bySeverity = result.Diagnostics.ToLookup(diagnostic => diagnostic.Severity);
        output.WriteLine("   diagnostics: " + string.Join(", ", new[] { DiagnosticSeverity.Error, DiagnosticSeverity.Warning, DiagnosticSeverity.Info, DiagnosticSeverity.Hidden }
            .Select(severity => $"{bySeverity[severity].Count()} {severity.ToString().ToLowerInvariant()}")));
        foreach (var group in result.Diagnostics.GroupBy(diagnostic => (diagnostic.Severity, diagnostic.Id)).OrderByDescending(group => group.Key.Severity).ThenBy(group => group.Key.Id))
        {
            output.WriteLine($"     {group.Key.Id} ({group.Key.Severity.ToString().ToLowerInvariant()}) x{group.Count()}, first: {group.First().GetMessage()}");
        }

        if (bySeverity[DiagnosticSeverity.Error].Any())
        {
            failures.Add($"{title}: the generator reported {bySeverity[DiagnosticSeverity.Error].Count()} error(s)");
        }

        if (result.Exception is not null)
        {
            failures.Add($"{title}: the generator threw {result.Exception.GetType().Name}: {result.Exception.Message}");
        }
    }

    private static void WriteRerun(TextWriter output, string title, VoucherifyCorpus corpus, GeneratorRunResult before, GeneratorRunResult after, string? editedPath, List<string> failures)
    {
        WriteOutput(output, title, after, failures);
        WriteChangedSources(output, before, after);

        var reasons = StepReasons.Of(after);
        reasons.Write(output, "   ");

        var problems = new List<string>();
        foreach (var file in corpus.Files.Select(schema => schema.Path))
        {
            foreach (var step in PerFileWork)
            {
                var stepReasons = reasons.Of(step, file);
                var shown = string.Join(", ", stepReasons);
                if (stepReasons.Count == 0)
                {
                    problems.Add($"no tracked {step} output for {StepReasons.Name(file)}");
                }
                else if (file == editedPath && !stepReasons.Contains(IncrementalStepRunReason.Modified))
                {
                    problems.Add($"{step} did not re-run for the edited {StepReasons.Name(file)} ({shown})");
                }
                else if (file != editedPath && stepReasons.Any(reason => reason != IncrementalStepRunReason.Cached))
                {
                    problems.Add($"{step} re-ran for {StepReasons.Name(file)}, which was not edited ({shown})");
                }
            }
        }

        problems.ForEach(problem => failures.Add($"{title}: {problem}"));
        output.WriteLine(problems.Count == 0
            ? $"   ok: Read and Plan re-ran for {(editedPath is null ? "no file" : StepReasons.Name(editedPath) + " only")}"
            : "   FAIL: " + string.Join("; ", problems));
    }

    /// <summary>Which generated files differ from the run before: a re-run may do work and still produce the same text.</summary>
    private static void WriteChangedSources(TextWriter output, GeneratorRunResult before, GeneratorRunResult after)
    {
        var old = before.GeneratedSources.ToDictionary(source => source.HintName, source => source.SourceText);
        var current = after.GeneratedSources.ToDictionary(source => source.HintName, source => source.SourceText);
        var changed = current.Where(pair => old.TryGetValue(pair.Key, out var text) && !text.ContentEquals(pair.Value)).Select(pair => pair.Key).Order().ToList();
        var added = current.Keys.Except(old.Keys).Order().ToList();
        var removed = old.Keys.Except(current.Keys).Order().ToList();
        output.WriteLine($"   generated text that differs from the run before: {changed.Count} changed{List(changed, current)}, {added.Count} added{List(added, current)}, {removed.Count} removed{List(removed, old)}");
    }

    private static string List(List<string> names, Dictionary<string, SourceText> texts)
        => names.Count == 0
            ? string.Empty
            : " (" + string.Join(", ", names.Take(3).Select(name => $"{name}: {texts[name].Lines.Count:N0} lines")) + (names.Count > 3 ? ", ..." : string.Empty) + ")";
}
