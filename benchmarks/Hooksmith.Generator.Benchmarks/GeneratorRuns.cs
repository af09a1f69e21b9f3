using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Hooksmith.Generator.Benchmarks;

/// <summary>The generator's driver and the compilation it runs on, set up as a build hands them to it.</summary>
internal static class GeneratorRuns
{
    /// <summary>A fresh driver with a new <see cref="HooksmithGenerator"/> over <paramref name="schemas"/>: nothing is cached yet.</summary>
    /// <param name="trackSteps">Record each step's inputs, outputs and run reasons (the compiler does not; <c>--check</c> does).</param>
    public static GeneratorDriver CreateDriver(IEnumerable<SchemaText> schemas, SchemaOptionsProvider options, bool trackSteps = false)
        => CSharpGeneratorDriver.Create(
            generators: [new HooksmithGenerator().AsSourceGenerator()],
            additionalTexts: schemas,
            parseOptions: CSharpParseOptions.Default,
            optionsProvider: options,
            driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: trackSteps));

    /// <summary>
    /// An empty compilation referencing the runtime's assemblies. The generator reads only additional files
    /// and options, and what it generates is not compiled here: the benchmarks measure the generator, not the compiler.
    /// </summary>
    public static CSharpCompilation EmptyCompilation()
    {
        var references = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!)
            .Split(Path.PathSeparator)
            .Where(path => Path.GetFileName(path).StartsWith("System.", StringComparison.Ordinal) || Path.GetFileName(path) is "mscorlib.dll" or "netstandard.dll")
            .Select(path => MetadataReference.CreateFromFile(path));
        return CSharpCompilation.Create(
            "Hooksmith.Generator.Benchmarks.Empty",
            syntaxTrees: [],
            references,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
    }
}
