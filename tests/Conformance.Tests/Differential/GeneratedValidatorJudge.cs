using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Hooksmith.Conformance.Tests.Running;
using Hooksmith.Generator.Tests.Infrastructure;
using Hooksmith.Validation;
using Microsoft.CodeAnalysis;

namespace Hooksmith.Conformance.Tests.Differential;

/// <summary>
/// The Hooksmith side: every case of a batch is a schema file of one generator run and one in-memory
/// compilation; each instance is validated in full and first-failure mode, with formats asserted and
/// not. A schema whose generated code does not compile is taken out of the compilation (and reported
/// as having no verdict) so that the rest of the batch still runs.
/// </summary>
internal static partial class GeneratedValidatorJudge
{
    /// <summary>Verdicts per case, per instance, per <see cref="FormatMode"/>, and where the time went.</summary>
    public static (IReadOnlyList<Verdict[][]> Verdicts, string Timing) Judge(IReadOnlyList<DifferentialCase> cases, string batch)
    {
        var timing = string.Empty;
        var problems = new Dictionary<int, string>();
        var excluded = new HashSet<int>();
        GeneratedAssembly? generated = null;
        while (generated is null)
        {
            var included = Enumerable.Range(0, cases.Count).Where(i => !excluded.Contains(i)).ToList();
            var clock = Stopwatch.StartNew();
            var run = GeneratorHarness.Run(included.Select(i => new SchemaFile(PathOf(batch, i), cases[i].Schema, NamespaceOf(batch, i), cases[i].Draft.Name)));
            foreach (var diagnostic in run.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error))
            {
                if (IndexOf(batch, diagnostic.Location.GetLineSpan().Path) is { } index)
                {
                    problems[index] = problems.TryGetValue(index, out var earlier) ? earlier : "generator: " + diagnostic;
                }
            }

            try
            {
                var generateTime = clock.Elapsed;
                generated = GeneratedAssembly.Load(run.Output, "differential-" + batch);
                timing = $"generate {generateTime.TotalSeconds:F1} s, compile {(clock.Elapsed - generateTime).TotalSeconds:F1} s, {run.Output.SyntaxTrees.Count()} trees, {run.Output.SyntaxTrees.Sum(t => t.Length) / 1024} KiB";
            }
            catch (InvalidOperationException exception)
            {
                var culprits = CompileCulprits(run.Output);
                if (culprits.Count == 0 || culprits.Keys.All(excluded.Contains))
                {
                    // Nothing to take out: every case of the batch is left without a verdict.
                    var none = new Verdict(null, "the batch's generated code could not be loaded: " + exception.Message, Inconsistent: true);
                    return (cases.Select(c => c.Instances.Select(_ => new[] { none, none }).ToArray()).ToArray(), timing);
                }

                foreach (var (index, error) in culprits)
                {
                    excluded.Add(index);
                    problems[index] = "the generated code does not compile: " + error;
                }
            }
        }

        try
        {
            var verdicts = LargeStack.Run(() => cases.Select((c, i) => JudgeCase(c, generated.Catalog.Find(PathOf(batch, i), ""), problems.GetValueOrDefault(i))).ToArray());
            return (verdicts, timing);
        }
        finally
        {
            generated.Unload();
        }
    }

    private static Verdict[][] JudgeCase(DifferentialCase differentialCase, SchemaCatalogEntry? entry, string? problem)
    {
        if (entry is null)
        {
            var none = new Verdict(null, problem ?? "no catalog entry for the schema", Inconsistent: true);
            return differentialCase.Instances.Select(_ => new[] { none, none }).ToArray();
        }

        return differentialCase.Instances.Select(text =>
        {
            using var document = JsonDocument.Parse(text);
            var utf8 = Encoding.UTF8.GetBytes(text);
            return new[] { Validate(entry, document.RootElement, utf8, assertFormats: false), Validate(entry, document.RootElement, utf8, assertFormats: true) };
        }).ToArray();
    }

    private static Verdict Validate(SchemaCatalogEntry entry, JsonElement instance, byte[] utf8, bool assertFormats)
    {
        ValidationResult full;
        ValidationResult first;
        var proven = false;
        try
        {
            var options = new ValidationOptions { AssertFormats = assertFormats };
            full = entry.Validate(instance, options);
            first = entry.Validate(instance, options with { Mode = ValidationMode.FirstFailure });

            // The fused pass (issue 14's one pass, made while binding the schema's model) only proves valid.
            proven = entry.ModelType is { } model && FusedProof.Probe(model, utf8, options) is (true, _);
        }
        catch (Exception exception)
        {
            return new Verdict(null, $"threw {exception.GetType().Name}: {exception.Message}", Inconsistent: true);
        }

        var detail = full.Errors.Count > 0 ? full.Errors[0].ToString() : null;
        if (first.IsValid != full.IsValid)
        {
            return new Verdict(full.IsValid, $"first-failure mode says {(first.IsValid ? "valid" : "invalid")}, full mode {(full.IsValid ? "valid" : "invalid")}; {detail ?? first.Errors[0].ToString()}", Inconsistent: true);
        }

        if (proven && !full.IsValid)
        {
            return new Verdict(false, $"the fused pass proves valid what the validators reject; {detail}", Inconsistent: true);
        }

        if (!full.IsValid && full.Errors.Count == 0)
        {
            return new Verdict(false, "invalid with no error", Inconsistent: true);
        }

        return new Verdict(full.IsValid, detail);
    }

    /// <summary>The cases whose generated code has compiler errors, found by the namespace of the file with the error.</summary>
    private static Dictionary<int, string> CompileCulprits(Compilation compilation)
    {
        var culprits = new Dictionary<int, string>();
        foreach (var error in compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error))
        {
            var text = error.Location.SourceTree?.ToString() ?? string.Empty;
            foreach (Match match in CaseNamespace().Matches(text))
            {
                var index = int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
                culprits.TryAdd(index, error.ToString());
            }
        }

        return culprits;
    }

    private static string PathOf(string batch, int index) => "/differential/" + batch + "/case-" + index.ToString(CultureInfo.InvariantCulture) + ".json";

    private static string NamespaceOf(string batch, int index) => "Differential." + batch + ".C" + index.ToString(CultureInfo.InvariantCulture);

    private static int? IndexOf(string batch, string path)
    {
        var prefix = "/differential/" + batch + "/case-";
        return path.StartsWith(prefix, StringComparison.Ordinal) && int.TryParse(path.AsSpan(prefix.Length, path.Length - prefix.Length - ".json".Length), NumberStyles.None, CultureInfo.InvariantCulture, out var index)
            ? index
            : null;
    }

    [GeneratedRegex(@"namespace Differential\.\w+\.C(\d+)\b")]
    private static partial Regex CaseNamespace();
}
