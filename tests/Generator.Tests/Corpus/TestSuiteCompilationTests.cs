using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using Hooksmith.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Xunit.Abstractions;

namespace Hooksmith.Generator.Tests.Corpus;

/// <summary>
/// Every schema of the JSON-Schema-Test-Suite (draft 2020-12 and draft-07, required tests) through the
/// generator, one compilation per draft folder with the suite's remotes and the official meta-schemas
/// beside them: the generator must not fail, report only references that truly cannot be resolved,
/// and generate code that compiles without a warning.
/// </summary>
/// <remarks>
/// Each case is its own schema file with its own namespace and file URI, so relative <c>$id</c>s that
/// several cases use ("list", "bar") name different resources and cases cannot resolve into each other.
/// </remarks>
public sealed class TestSuiteCompilationTests(ITestOutputHelper output)
{
    /// <summary>
    /// Generator errors that the suite's schemas legitimately cause, as "draft/file.json #case: diagnostic id: reference".
    /// Each needs a reason here.
    /// </summary>
    private static readonly HashSet<string> ExpectedCaseErrors = new(StringComparer.Ordinal)
    {
    };

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
        var problems = run.CompilationProblems;
        compile.Stop();

        var casesByPath = cases.ToDictionary(c => c.Path, StringComparer.Ordinal);
        var diagnostics = run.Diagnostics;
        var caseErrors = diagnostics
            .Where(d => d.Severity == DiagnosticSeverity.Error && casesByPath.ContainsKey(PathOf(d)))
            .Select(d => $"{Describe(casesByPath[PathOf(d)])}: {d.Id}: {d.GetMessage(System.Globalization.CultureInfo.InvariantCulture)}")
            .ToList();
        var sources = run.Sources;
        var casesWithTypes = cases.Count(c => sources.Keys.Any(k => k.StartsWith(c.Namespace + ".", StringComparison.Ordinal)));

        output.WriteLine($"{draft}: {cases.Count} cases, {suite.RemoteCount} remotes, {suite.MetaSchemaCount} meta-schemas; {sources.Count} generated files ({sources.Values.Sum(s => s.Length) / 1024} KiB), {casesWithTypes} cases with types");
        output.WriteLine($"generator diagnostics: {string.Join(", ", diagnostics.GroupBy(d => d.Id).OrderBy(g => g.Key).Select(g => $"{g.Key} x{g.Count()}"))}");
        output.WriteLine($"time: generate {suite.GenerateTime.TotalMilliseconds:F0} ms, compile {compile.ElapsedMilliseconds} ms");
        foreach (var diagnostic in diagnostics.Where(d => d.Severity >= DiagnosticSeverity.Warning))
        {
            output.WriteLine($"  {Where(diagnostic, casesByPath)}: {diagnostic.Id}: {diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture)}");
        }

        Assert.Null(run.Result.Exception);
        Assert.DoesNotContain(run.GeneratorDiagnostics, d => d.Id == "CS8785");
        Assert.Empty(diagnostics.Where(d => d.Id == "HSM0099").Select(d => Where(d, casesByPath) + ": " + d.GetMessage(System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Empty(caseErrors.Except(ExpectedCaseErrors));
        Assert.Empty(problems.Take(50).Select(p => p.ToString()));
    }

    private static string PathOf(Diagnostic diagnostic) => diagnostic.Location.GetLineSpan().Path ?? string.Empty;

    private static string Describe(SuiteCase suiteCase) => $"{suiteCase.Draft}/{suiteCase.FileStem}.json #{suiteCase.Index}";

    private static string Where(Diagnostic diagnostic, Dictionary<string, SuiteCase> casesByPath)
    {
        var path = PathOf(diagnostic);
        if (casesByPath.TryGetValue(path, out var suiteCase))
        {
            return Describe(suiteCase);
        }

        return path.Replace(CorpusFiles.TestSuite, "<suite>", StringComparison.Ordinal).Replace(CorpusFiles.MetaSchemas, "<metaschemas>", StringComparison.Ordinal);
    }
}
