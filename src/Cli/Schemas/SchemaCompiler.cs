using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Threading;
using Hooksmith.Generator;
using Hooksmith.Validation;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Hooksmith.Cli.Schemas;

/// <summary>
/// Turns schema files into loaded validators, as a build would but in memory: runs the Hooksmith
/// generator through Roslyn's driver, compiles what it generated against the Hooksmith runtime and
/// the running framework, loads the assembly into a collectible context and takes its catalog,
/// <c>Hooksmith.Generated.HooksmithCatalog.Instance</c>.
/// </summary>
internal static class SchemaCompiler
{
    /// <summary>The generated class that lists every schema's validator.</summary>
    public const string CatalogTypeName = "Hooksmith.Generated.HooksmithCatalog";

    /// <summary>The catalog's static property.</summary>
    public const string CatalogPropertyName = "Instance";

    /// <summary>C# 12: what the oldest SDK a Hooksmith user builds with (.NET 8) compiles the generated code as.</summary>
    private static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.CSharp12);

    private static readonly CSharpCompilationOptions CompilationOptions =
        new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable, optimizationLevel: OptimizationLevel.Release)
            // As the .NET SDK does: the runtime targets .NET 8 and the tool runs on a newer framework.
            .WithSpecificDiagnosticOptions(new Dictionary<string, ReportDiagnostic> { ["CS1701"] = ReportDiagnostic.Suppress, ["CS1702"] = ReportDiagnostic.Suppress });

    private static readonly Lazy<ImmutableArray<MetadataReference>> LazyReferences = new(LoadReferences, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>What generated code is compiled against: the running framework and the Hooksmith runtime.</summary>
    internal static ImmutableArray<MetadataReference> References => LazyReferences.Value;

    /// <summary>
    /// Generates, compiles and loads validators for <paramref name="files"/>. Each file gets a namespace
    /// of its own, so that two files may name a type alike. Never throws for bad schemas: their
    /// problems come back as messages.
    /// </summary>
    /// <param name="files">The schema files.</param>
    /// <param name="dialect">The dialect of files without <c>$schema</c> (<c>HooksmithDialect</c>); null for the generator's default.</param>
    /// <param name="cancellationToken">Cancels the run.</param>
    public static CompiledSchemas Compile(IReadOnlyList<SchemaSourceFile> files, string? dialect, CancellationToken cancellationToken = default)
    {
        var displayPaths = new Dictionary<string, string>(SchemaInputs.PathComparer);
        var metadata = new Dictionary<string, IReadOnlyDictionary<string, string>>(SchemaInputs.PathComparer);
        for (var i = 0; i < files.Count; i++)
        {
            displayPaths[files[i].Path] = files[i].DisplayPath;
            metadata[files[i].Path] = Metadata(files[i], i, dialect);
        }

        var messages = new List<CompilerMessage>();
        var generated = Generate(files, metadata, displayPaths, messages, cancellationToken);
        if (generated is null || messages.Any(m => m.IsError))
        {
            return CompiledSchemas.Failed(messages);
        }

        using var image = new MemoryStream();
        var emit = generated.Emit(image, cancellationToken: cancellationToken);
        messages.AddRange(emit.Diagnostics
            .Where(d => d.Severity >= DiagnosticSeverity.Warning)
            .Select(d => CompilerMessage.From(d, displayPaths)));
        if (!emit.Success)
        {
            if (!messages.Any(m => m.IsError))
            {
                messages.Add(CompilerMessage.Error("the generated code does not compile"));
            }

            return CompiledSchemas.Failed(messages);
        }

        image.Position = 0;
        var context = new GeneratedCodeLoadContext();
        try
        {
            var assembly = context.LoadFromStream(image);
            var catalog = FindCatalog(assembly, out var problem);
            if (catalog is null)
            {
                messages.Add(CompilerMessage.Error(problem!));
                context.Unload();
                return CompiledSchemas.Failed(messages);
            }

            return CompiledSchemas.Succeeded(messages, catalog, context);
        }
        catch
        {
            context.Unload();
            throw;
        }
    }

    /// <summary>The catalog of a loaded assembly of generated code; null with the reason when it has none.</summary>
    internal static SchemaCatalog? FindCatalog(Assembly assembly, out string? problem)
    {
        var type = assembly.GetType(CatalogTypeName, throwOnError: false);
        if (type is null)
        {
            problem = $"the generated code has no {CatalogTypeName}: this build of the Hooksmith generator does not generate validators";
            return null;
        }

        var property = type.GetProperty(CatalogPropertyName, BindingFlags.Public | BindingFlags.Static);
        if (property is null)
        {
            problem = $"{CatalogTypeName} has no public static {CatalogPropertyName} property";
            return null;
        }

        object? value;
        try
        {
            value = property.GetValue(null);
        }
        catch (TargetInvocationException exception) when (exception.InnerException is not null)
        {
            problem = $"{CatalogTypeName}.{CatalogPropertyName} failed: {exception.InnerException.GetType().Name}: {exception.InnerException.Message}";
            return null;
        }

        if (value is SchemaCatalog catalog)
        {
            problem = null;
            return catalog;
        }

        problem = value is null
            ? $"{CatalogTypeName}.{CatalogPropertyName} is null"
            : $"{CatalogTypeName}.{CatalogPropertyName} is a {value.GetType().AssemblyQualifiedName}, not the {typeof(SchemaCatalog).AssemblyQualifiedName} of this tool's runtime";
        return null;
    }

    private static CSharpCompilation? Generate(
        IReadOnlyList<SchemaSourceFile> files,
        IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> metadata,
        IReadOnlyDictionary<string, string> displayPaths,
        List<CompilerMessage> messages,
        CancellationToken cancellationToken)
    {
        GeneratorDriver driver = CSharpGeneratorDriver.Create(
            generators: [new HooksmithGenerator().AsSourceGenerator()],
            additionalTexts: files.Select(f => (AdditionalText)new InMemoryAdditionalText(f.Path, f.Text)),
            parseOptions: ParseOptions,
            optionsProvider: new SchemaOptionsProvider(metadata));
        var compilation = CSharpCompilation.Create("Hooksmith.Cli.Generated", [], References, CompilationOptions);
        driver = driver.RunGeneratorsAndUpdateCompilation(compilation, out var output, out var diagnostics, cancellationToken);

        messages.AddRange(diagnostics
            .Where(d => d.Severity >= DiagnosticSeverity.Warning)
            .OrderBy(d => d.Location.GetLineSpan().Path, StringComparer.Ordinal)
            .ThenBy(d => d.Location.SourceSpan.Start)
            .Select(d => CompilerMessage.From(d, displayPaths)));

        // A generator that throws is reported by Roslyn as a warning (CS8785); for this tool it is fatal.
        var exception = driver.GetRunResult().Results.Select(r => r.Exception).FirstOrDefault(e => e is not null);
        if (exception is not null)
        {
            messages.Add(CompilerMessage.Error($"the Hooksmith generator failed: {exception.GetType().Name}: {exception.Message}"));
            return null;
        }

        return (CSharpCompilation)output;
    }

    private static Dictionary<string, string> Metadata(SchemaSourceFile file, int index, string? dialect)
    {
        var metadata = new Dictionary<string, string>
        {
            [SchemaOptionsProvider.MarkerKey] = "true",
            [SchemaOptionsProvider.NamespaceKey] = "Hooksmith.Cli.Generated.Schema" + index.ToString(CultureInfo.InvariantCulture),
        };
        if (dialect is not null)
        {
            metadata[SchemaOptionsProvider.DialectKey] = dialect;
        }

        if (file.BaseUri is not null)
        {
            metadata[SchemaOptionsProvider.BaseUriKey] = file.BaseUri;
        }

        return metadata;
    }

    /// <summary>
    /// The running framework's assemblies (those of the trusted platform assemblies in the folder of
    /// <c>System.Private.CoreLib</c>) and the Hooksmith runtime.
    /// </summary>
    private static ImmutableArray<MetadataReference> LoadReferences()
    {
        var trusted = ((AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") as string) ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries);
        var frameworkFolder = Path.GetDirectoryName(typeof(object).Assembly.Location);
        var framework = trusted
            .Where(path => string.Equals(Path.GetDirectoryName(path), frameworkFolder, StringComparison.OrdinalIgnoreCase))
            .ToList();
        if (framework.Count == 0)
        {
            // No folder to go by (an unusual host): take what looks like the framework.
            framework = trusted
                .Where(path => Path.GetFileName(path) is var name && (name.StartsWith("System.", StringComparison.Ordinal) || name.StartsWith("Microsoft.Win32.", StringComparison.Ordinal) || name is "mscorlib.dll" or "netstandard.dll"))
                .ToList();
        }

        var references = ImmutableArray.CreateBuilder<MetadataReference>();
        foreach (var path in framework.Append(typeof(SchemaCatalog).Assembly.Location).Distinct(StringComparer.OrdinalIgnoreCase))
        {
            try
            {
                references.Add(MetadataReference.CreateFromFile(path));
            }
            catch (BadImageFormatException)
            {
                // A native library among the trusted assemblies: nothing to compile against.
            }
        }

        return references.ToImmutable();
    }
}
