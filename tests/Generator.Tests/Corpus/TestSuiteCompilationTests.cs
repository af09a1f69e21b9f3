using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using System.Text.RegularExpressions;
using Hooksmith.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Xunit.Abstractions;

namespace Hooksmith.Generator.Tests.Corpus;

/// <summary>
/// Every schema of the JSON-Schema-Test-Suite (draft 2020-12 and draft-07, required tests) through the
/// generator, one compilation per draft folder with the suite's remotes and the official meta-schemas
/// beside them: the generator must not fail, report only references that truly cannot be resolved,
/// and generate code that compiles (all the way to an assembly) without a warning.
/// </summary>
/// <remarks>
/// Each case is its own schema file with its own namespace and file URI, so relative <c>$id</c>s that
/// several cases use ("list", "bar") name different resources; no two cases declare the same absolute
/// <c>$id</c> (asserted: the generator would report HSM0007), so one compilation per draft cannot
/// resolve a case's reference into another case (asserted too, on the generated code).
/// </remarks>
public sealed class TestSuiteCompilationTests(ITestOutputHelper output)
{
    /// <summary>
    /// Generator errors that the suite's schemas legitimately cause, as "draft/file.json #case: id: message",
    /// each with its reason. None so far: every reference in the required tests resolves to a case, a
    /// remote or a meta-schema of the compilation.
    /// </summary>
    private static readonly HashSet<string> ExpectedCaseErrors = new(StringComparer.Ordinal);

    public static TheoryData<string> Drafts()
    {
        var data = new TheoryData<string>();
        foreach (var draft in TestSuiteCases.Drafts)
        {
            data.Add(draft);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Drafts))]
    public void Every_case_generates_and_compiles_without_warnings(string draft)
    {
        var suite = TestSuiteCases.RunFor(draft);
        var (cases, run) = (suite.Cases, suite.Run);

        var compile = Stopwatch.StartNew();
        var problems = EmitCheck.Problems(run.Output);
        compile.Stop();

        var casesByPath = cases.ToDictionary(c => c.Path, StringComparer.Ordinal);
        var diagnostics = run.Diagnostics;
        var caseDiagnostics = diagnostics.Where(d => casesByPath.ContainsKey(PathOf(d))).ToList();
        var caseErrors = caseDiagnostics
            .Where(d => d.Severity == DiagnosticSeverity.Error)
            .Select(d => $"{Where(d, casesByPath)}: {d.Id}: {Message(d)}")
            .ToList();
        var sources = run.Sources;
        var casesWithTypes = cases.Count(c => sources.Keys.Any(k => k.StartsWith(c.Namespace + ".", StringComparison.Ordinal)));

        output.WriteLine($"{draft}: {cases.Count} cases, {suite.RemoteCount} remotes, {suite.MetaSchemaCount} meta-schemas in one compilation");
        output.WriteLine($"generated: {sources.Count} files ({sources.Values.Sum(s => s.Length) / 1024} KiB); {casesWithTypes} cases have types of their own (the others are aliases of a remote, a meta-schema or a primitive)");
        output.WriteLine($"generator diagnostics: {Counts(diagnostics)}; in cases: {Counts(caseDiagnostics)}");
        output.WriteLine($"compilation problems: {problems.Count}");
        foreach (var problem in problems.Take(20))
        {
            output.WriteLine($"  {problem}");
        }

        output.WriteLine($"time: generate {suite.GenerateTime.TotalMilliseconds:F0} ms, compile and emit {compile.ElapsedMilliseconds} ms");
        foreach (var diagnostic in diagnostics.Where(d => d.Severity >= DiagnosticSeverity.Warning))
        {
            output.WriteLine($"  {Where(diagnostic, casesByPath)}: {diagnostic.Id}: {Message(diagnostic)}");
        }

        Assert.Null(run.Result.Exception);
        Assert.DoesNotContain(run.GeneratorDiagnostics, d => d.Id == "CS8785");
        Assert.Empty(diagnostics.Where(d => d.Id == "HSM0099").Select(d => $"{Where(d, casesByPath)}: {Message(d)}"));
        Assert.Empty(caseErrors.Except(ExpectedCaseErrors));
        Assert.Empty(caseDiagnostics.Where(d => d.Id == "HSM0007").Select(d => $"{Where(d, casesByPath)}: {Message(d)}"));
        Assert.Empty(CrossCaseReferences(draft, cases, sources));
        Assert.Empty(problems.Take(50).Select(p => p.ToString()));
        Assert.True(casesWithTypes > cases.Count * 3 / 4, $"only {casesWithTypes} of {cases.Count} cases generated a type");
    }

    /// <summary>Generated files of one case that name a type of another case of the same draft.</summary>
    private static List<string> CrossCaseReferences(string draft, IReadOnlyList<SuiteCase> cases, IReadOnlyDictionary<string, string> sources)
    {
        var draftNamespace = "Suite." + TestSuiteCases.NamePart(draft) + ".";
        var caseNamespace = new Regex(@"global::(" + Regex.Escape(draftNamespace) + @"\w+\.Case\d+)\.", RegexOptions.CultureInvariant);
        var found = new List<string>();
        foreach (var suiteCase in cases)
        {
            foreach (var source in sources.Where(s => s.Key.StartsWith(suiteCase.Namespace + ".", StringComparison.Ordinal)))
            {
                foreach (Match match in caseNamespace.Matches(source.Value))
                {
                    if (match.Groups[1].Value != suiteCase.Namespace)
                    {
                        found.Add($"{source.Key} names {match.Groups[1].Value}");
                    }
                }
            }
        }

        return found;
    }

    private static string PathOf(Diagnostic diagnostic) => diagnostic.Location.GetLineSpan().Path ?? string.Empty;

    private static string Message(Diagnostic diagnostic) => diagnostic.GetMessage(CultureInfo.InvariantCulture);

    private static string Counts(IEnumerable<Diagnostic> diagnostics)
    {
        var counts = diagnostics.GroupBy(d => d.Id).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{g.Key} x{g.Count()}").ToList();
        return counts.Count == 0 ? "none" : string.Join(", ", counts);
    }

    private static string Where(Diagnostic diagnostic, Dictionary<string, SuiteCase> casesByPath)
    {
        var path = PathOf(diagnostic);
        if (casesByPath.TryGetValue(path, out var suiteCase))
        {
            return $"{suiteCase.Draft}/{suiteCase.FileStem}.json #{suiteCase.Index}";
        }

        return path.Replace(CorpusFiles.TestSuite, "<suite>", StringComparison.Ordinal).Replace(CorpusFiles.MetaSchemas, "<metaschemas>", StringComparison.Ordinal);
    }
}
