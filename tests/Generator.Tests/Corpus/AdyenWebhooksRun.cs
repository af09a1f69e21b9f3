using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using Hooksmith.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;

namespace Hooksmith.Generator.Tests.Corpus;

/// <summary>
/// Adyen's 25 webhook specs generated into one compilation (a namespace per file), compiled and loaded once per test
/// process, for the tests that look at the same code.
/// </summary>
internal static class AdyenWebhooksRun
{
    private static readonly Lazy<(IReadOnlyList<SchemaFile> Files, GeneratorRun Run, IReadOnlyList<Diagnostic> Problems, Assembly Assembly)> Shared = new(Build);

    public static IReadOnlyList<SchemaFile> Files => Shared.Value.Files;

    public static GeneratorRun Run => Shared.Value.Run;

    /// <summary>Warnings and errors of the generated code.</summary>
    public static IReadOnlyList<Diagnostic> Problems => Shared.Value.Problems;

    public static Assembly Assembly => Shared.Value.Assembly;

    /// <summary>
    /// The namespace each file's code is in: the item's <c>Vendor.Adyen</c> and a part after the file's name
    /// (<c>NamespaceFromFileName</c>), which the generator derives and this spells out independently
    /// (<c>BalancePlatformTransferNotification-v3.json</c> → <c>BalancePlatformTransferNotificationV3</c>).
    /// </summary>
    public static string NamespaceOf(string path) => "Vendor.Adyen." + TestSuiteCases.NamePart(System.IO.Path.GetFileNameWithoutExtension(path));

    private static (IReadOnlyList<SchemaFile>, GeneratorRun, IReadOnlyList<Diagnostic>, Assembly) Build()
    {
        var files = Directory.GetFiles(CorpusFiles.Adyen, "*.json")
            .Where(p => !p.EndsWith("expected-validation.json", StringComparison.Ordinal))
            .OrderBy(p => p, StringComparer.Ordinal)
            .Select(p => new SchemaFile(p, File.ReadAllText(p), "Vendor.Adyen") { NamespaceFromFileName = true })
            .ToList();
        var run = GeneratorHarness.Run(files);
        var problems = run.CompilationProblems;
        return (files, run, problems, problems.Any(d => d.Severity == DiagnosticSeverity.Error) ? null! : run.Load());
    }
}
