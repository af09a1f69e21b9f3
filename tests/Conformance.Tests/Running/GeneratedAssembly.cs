using System;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.Loader;
using Hooksmith.Validation;
using Microsoft.CodeAnalysis;

namespace Hooksmith.Conformance.Tests.Running;

/// <summary>
/// Generated code compiled into memory and loaded beside the tests, with the schema catalog it
/// declares. Unload it once its validators are no longer needed.
/// </summary>
internal sealed class GeneratedAssembly
{
    /// <summary>The generated catalog class, found by name since generated names are not known at build time.</summary>
    public const string CatalogTypeName = "Hooksmith.Generated.HooksmithCatalog";

    /// <summary>How many compiler errors a failure lists.</summary>
    private const int ErrorsShown = 20;

    private readonly SharedRuntimeLoadContext _context;

    private GeneratedAssembly(SharedRuntimeLoadContext context, SchemaCatalog catalog)
    {
        _context = context;
        Catalog = catalog;
    }

    public SchemaCatalog Catalog { get; }

    /// <summary>
    /// Emits a compilation to a memory stream, loads it into a collectible context and reads its
    /// catalog. Throws <see cref="InvalidOperationException"/> with a plain message (the first compiler
    /// errors, or what is missing) when that cannot be done.
    /// </summary>
    public static GeneratedAssembly Load(Compilation compilation, string name)
    {
        using var image = new MemoryStream();
        var emit = compilation.Emit(image);
        if (!emit.Success)
        {
            var errors = emit.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
            throw new InvalidOperationException(
                $"the generated code does not compile: {errors.Count} error(s); the first:{Environment.NewLine}"
                + string.Join(Environment.NewLine, errors.Take(ErrorsShown).Select(e => "  " + e)));
        }

        image.Position = 0;
        var context = new SharedRuntimeLoadContext(name);
        try
        {
            var assembly = context.LoadFromStream(image);
            return new GeneratedAssembly(context, ReadCatalog(assembly));
        }
        catch
        {
            context.Unload();
            throw;
        }
    }

    public void Unload() => _context.Unload();

    private static SchemaCatalog ReadCatalog(Assembly assembly)
    {
        var type = assembly.GetType(CatalogTypeName, throwOnError: false)
            ?? throw new InvalidOperationException($"generated code has no {CatalogTypeName}");
        var property = type.GetProperty("Instance", BindingFlags.Public | BindingFlags.Static)
            ?? throw new InvalidOperationException($"{CatalogTypeName} has no public static Instance property");
        object? value;
        try
        {
            value = property.GetValue(null);
        }
        catch (TargetInvocationException exception) when (exception.InnerException is { } inner)
        {
            throw new InvalidOperationException($"{CatalogTypeName}.Instance threw {inner.GetType().Name}: {inner.Message}", inner);
        }

        return value as SchemaCatalog
            ?? throw new InvalidOperationException(
                $"{CatalogTypeName}.Instance is not a {typeof(SchemaCatalog).FullName} of the loaded runtime (it is {property.PropertyType.AssemblyQualifiedName})");
    }

    /// <summary>
    /// A collectible context for generated code that resolves the Hooksmith runtime to the assembly the
    /// tests already use, so the catalog's types are the tests' types; everything else falls back to
    /// the default context.
    /// </summary>
    private sealed class SharedRuntimeLoadContext(string name) : AssemblyLoadContext(name, isCollectible: true)
    {
        private static readonly Assembly Runtime = typeof(SchemaCatalog).Assembly;

        protected override Assembly? Load(AssemblyName assemblyName)
            => string.Equals(assemblyName.Name, Runtime.GetName().Name, StringComparison.OrdinalIgnoreCase) ? Runtime : null;
    }
}
