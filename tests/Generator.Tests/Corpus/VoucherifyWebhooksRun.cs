using System;
using System.Collections.Generic;
using System.IO;
using System.Reflection;
using Hooksmith.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;

namespace Hooksmith.Generator.Tests.Corpus;

/// <summary>
/// Voucherify's OpenAPI file generated, compiled and loaded once per test process: the binding and
/// the verdict tests look at the same 120,000-odd lines, which take the longest to compile of anything here.
/// </summary>
internal static class VoucherifyWebhooksRun
{
    private static readonly Lazy<(GeneratorRun Run, IReadOnlyList<Diagnostic> Problems, Assembly Assembly)> Shared = new(Build);

    public static string Path => System.IO.Path.Combine(CorpusFiles.Voucherify, "OpenAPIWebhooks.json");

    public static GeneratorRun Run => Shared.Value.Run;

    /// <summary>Warnings and errors of the generated code (there should be none).</summary>
    public static IReadOnlyList<Diagnostic> Problems => Shared.Value.Problems;

    public static Assembly Assembly => Shared.Value.Assembly;

    private static (GeneratorRun, IReadOnlyList<Diagnostic>, Assembly) Build()
    {
        var run = GeneratorHarness.Run([new SchemaFile(Path, File.ReadAllText(Path), Namespace: "Vendor.Voucherify")]);
        return (run, run.CompilationProblems, run.Load());
    }
}
