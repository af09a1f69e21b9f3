using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.Loader;
using Microsoft.CodeAnalysis;

namespace Hooksmith.Generator.Tests.Infrastructure;

/// <summary>The outcome of one generator run: generated files, the generator's diagnostics, the compiled result.</summary>
internal sealed class GeneratorRun(GeneratorDriver driver, Compilation output, ImmutableArray<Diagnostic> generatorDiagnostics)
{
    public GeneratorDriver Driver { get; } = driver;

    public Compilation Output { get; } = output;

    public ImmutableArray<Diagnostic> GeneratorDiagnostics { get; } = generatorDiagnostics;

    public GeneratorRunResult Result => Driver.GetRunResult().Results.Single();

    /// <summary>The generator's own diagnostics (those it reports about schema files).</summary>
    public ImmutableArray<Diagnostic> Diagnostics => Result.Diagnostics;

    public IReadOnlyDictionary<string, string> Sources
        => Result.GeneratedSources.ToDictionary(s => s.HintName, s => s.SourceText.ToString());

    /// <summary>Errors and warnings of the compilation with the generated code (hidden and info excluded).</summary>
    public IReadOnlyList<Diagnostic> CompilationProblems
        => Output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning).ToList();

    public string Source(string hintName)
        => Sources.TryGetValue(hintName, out var source)
            ? source
            : throw new KeyNotFoundException($"No generated file '{hintName}'. Generated: {string.Join(", ", Sources.Keys.OrderBy(k => k))}");

    /// <summary>
    /// The declaration of one generated type (by full name, without <c>global::</c>), with its documentation: a file holds
    /// a named schema's types, so tests about one type read its declaration rather than the whole file.
    /// </summary>
    public string TypeSource(string fullName)
    {
        var declarations = GeneratedTypes().Where(t => t.FullName == fullName).Select(t => t.Text).ToList();
        return declarations.Count > 0
            ? string.Concat(declarations)
            : throw new KeyNotFoundException($"No generated type '{fullName}'. Generated: {string.Join(", ", TypeNames)}");
    }

    /// <summary>The full names of the generated types, in order.</summary>
    public IReadOnlyList<string> TypeNames => GeneratedTypes().Select(t => t.FullName).Distinct().Order(System.StringComparer.Ordinal).ToList();

    /// <summary>The file that declares a generated type (by full name).</summary>
    public string FileOf(string fullName)
        => Result.GeneratedSources.FirstOrDefault(s => Declarations(s.SyntaxTree).Any(t => t.FullName == fullName)).HintName
            ?? throw new KeyNotFoundException($"No generated type '{fullName}'. Generated: {string.Join(", ", TypeNames)}");

    private IEnumerable<(string FullName, string Text)> GeneratedTypes()
        => Result.GeneratedSources.SelectMany(s => Declarations(s.SyntaxTree));

    private static IEnumerable<(string FullName, string Text)> Declarations(SyntaxTree tree)
        => tree.GetRoot().DescendantNodes(node => node is not Microsoft.CodeAnalysis.CSharp.Syntax.BaseTypeDeclarationSyntax)
            .OfType<Microsoft.CodeAnalysis.CSharp.Syntax.BaseTypeDeclarationSyntax>()
            .Select(type => (NamespaceOf(type) is { Length: > 0 } ns ? ns + "." + type.Identifier.ValueText : type.Identifier.ValueText, type.ToFullString()));

    private static string NamespaceOf(SyntaxNode node)
        => node.Ancestors().OfType<Microsoft.CodeAnalysis.CSharp.Syntax.BaseNamespaceDeclarationSyntax>().FirstOrDefault()?.Name.ToString() ?? string.Empty;

    /// <summary>Emits the compilation and loads it, for tests that run the generated code.</summary>
    public Assembly Load()
    {
        using var stream = new MemoryStream();
        var emit = Output.Emit(stream);
        if (!emit.Success)
        {
            throw new InvalidDataException("The generated code does not compile:\n" + string.Join("\n", emit.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error)));
        }

        stream.Position = 0;
        var context = new AssemblyLoadContext("generated", isCollectible: true);
        return context.LoadFromStream(stream);
    }
}
