using System;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.Loader;
using Hooksmith.Validation;

namespace Hooksmith.Cli.Schemas;

/// <summary>
/// The outcome of compiling schema files: the generator's and the compiler's messages, and, when there
/// was no error, the generated catalog. Disposing unloads the generated code.
/// </summary>
internal sealed class CompiledSchemas : IDisposable
{
    private AssemblyLoadContext? _context;

    private CompiledSchemas(IReadOnlyList<CompilerMessage> messages, SchemaCatalog? catalog, AssemblyLoadContext? context)
    {
        Messages = messages;
        Catalog = catalog;
        _context = context;
    }

    /// <summary>Errors and warnings, in the order they were found.</summary>
    public IReadOnlyList<CompilerMessage> Messages { get; }

    /// <summary>The catalog of the generated validators; null when there were errors.</summary>
    public SchemaCatalog? Catalog { get; }

    /// <summary>A failed compilation.</summary>
    public static CompiledSchemas Failed(IReadOnlyList<CompilerMessage> messages)
    {
        if (!messages.Any(m => m.IsError))
        {
            throw new ArgumentException("A failed compilation has at least one error.", nameof(messages));
        }

        return new CompiledSchemas(messages, null, null);
    }

    /// <summary>A compilation whose generated code is loaded in <paramref name="context"/>.</summary>
    public static CompiledSchemas Succeeded(IReadOnlyList<CompilerMessage> messages, SchemaCatalog catalog, AssemblyLoadContext context)
        => new(messages, catalog, context);

    /// <inheritdoc/>
    public void Dispose()
    {
        _context?.Unload();
        _context = null;
    }
}
