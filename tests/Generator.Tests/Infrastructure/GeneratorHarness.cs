using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using Hooksmith.Serialization;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Hooksmith.Generator.Tests.Infrastructure;

/// <summary>
/// Runs the real generator through Roslyn's driver over in-memory schema files, then compiles what
/// it generated together with the test's own code, the way a consuming project's build would.
/// </summary>
internal static class GeneratorHarness
{
    public static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.CSharp12, DocumentationMode.Diagnose);

    private static readonly Lazy<ImmutableArray<MetadataReference>> References = new(LoadReferences);

    public static GeneratorRun Run(IEnumerable<SchemaFile> schemas, string csharp = "", string rootNamespace = "Tests.Generated", string? projectDirectory = null)
    {
        var driver = CreateDriver(schemas, out _, rootNamespace, projectDirectory);
        var compilation = CreateCompilation(csharp);
        driver = driver.RunGeneratorsAndUpdateCompilation(compilation, out var output, out var generatorDiagnostics);
        return new GeneratorRun(driver, output, generatorDiagnostics);
    }

    public static GeneratorDriver CreateDriver(IEnumerable<SchemaFile> schemas, string rootNamespace = "Tests.Generated")
        => CreateDriver(schemas, out _, rootNamespace);

    /// <summary>Creates a driver and hands back its additional texts, so a test can replace one of them.</summary>
    public static GeneratorDriver CreateDriver(IEnumerable<SchemaFile> schemas, out IReadOnlyDictionary<string, AdditionalText> texts, string rootNamespace = "Tests.Generated", string? projectDirectory = null)
    {
        var files = schemas.ToList();
        var byPath = files.ToDictionary(f => f.Path, f => (AdditionalText)new InMemoryAdditionalText(f.Path, f.Text));
        texts = byPath;
        var perFile = files.ToDictionary(
            f => f.Path,
            f => (IReadOnlyDictionary<string, string>)Metadata(f));
        var global = new Dictionary<string, string> { ["build_property.RootNamespace"] = rootNamespace };
        if (projectDirectory is not null)
        {
            // As MSBuild writes it: the project's folder with a trailing separator.
            global["build_property.ProjectDir"] = projectDirectory;
        }

        var options = new TestOptionsProvider(perFile, global);
        return CSharpGeneratorDriver.Create(
            generators: [new HooksmithGenerator().AsSourceGenerator()],
            additionalTexts: files.Select(f => byPath[f.Path]),
            parseOptions: ParseOptions,
            optionsProvider: options,
            driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));
    }

    public static CSharpCompilation CreateCompilation(string csharp = "")
    {
        var trees = csharp.Length == 0 ? [] : new[] { CSharpSyntaxTree.ParseText(csharp, ParseOptions, path: "Test.cs") };
        return CSharpCompilation.Create(
            "Hooksmith.Generated.Tests",
            trees,
            References.Value,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable, warningLevel: 9999)
                // As the .NET SDK does: the runtime library targets .NET 8 and the tests run on a newer framework.
                .WithSpecificDiagnosticOptions(new Dictionary<string, ReportDiagnostic> { ["CS1701"] = ReportDiagnostic.Suppress, ["CS1702"] = ReportDiagnostic.Suppress }));
    }

    private static Dictionary<string, string> Metadata(SchemaFile file)
    {
        var metadata = new Dictionary<string, string> { ["build_metadata.AdditionalFiles.HooksmithSchema"] = "true" };
        if (file.Namespace is not null)
        {
            metadata["build_metadata.AdditionalFiles.HooksmithNamespace"] = file.Namespace;
        }

        if (file.Dialect is not null)
        {
            metadata["build_metadata.AdditionalFiles.HooksmithDialect"] = file.Dialect;
        }

        if (file.BaseUri is not null)
        {
            metadata["build_metadata.AdditionalFiles.HooksmithBaseUri"] = file.BaseUri;
        }

        if (file.RecursiveDir is not null)
        {
            metadata["build_metadata.AdditionalFiles.HooksmithRecursiveDir"] = file.RecursiveDir;
        }

        if (file.ProjectPath is not null)
        {
            metadata["build_metadata.AdditionalFiles.HooksmithProjectPath"] = file.ProjectPath;
        }

        if (file.NamespaceFromFolders)
        {
            metadata["build_metadata.AdditionalFiles.HooksmithNamespaceFromFolders"] = "true";
        }

        if (file.NamespaceFromFileName)
        {
            metadata["build_metadata.AdditionalFiles.HooksmithNamespaceFromFileName"] = "true";
        }

        if (file.Event is not null)
        {
            metadata["build_metadata.AdditionalFiles.HooksmithEvent"] = file.Event;
        }

        return metadata;
    }

    private static ImmutableArray<MetadataReference> LoadReferences()
    {
        var platform = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!)
            .Split(Path.PathSeparator)
            .Where(path => Path.GetFileName(path).StartsWith("System.", StringComparison.Ordinal) || Path.GetFileName(path) is "mscorlib.dll" or "netstandard.dll");
        return platform
            .Append(typeof(JsonModel).Assembly.Location)
            .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path))
            .ToImmutableArray();
    }
}
