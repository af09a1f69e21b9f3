using System.Reflection;
using System.Runtime.Loader;
using Hooksmith.Validation;

namespace Hooksmith.Cli.Schemas;

/// <summary>
/// A collectible load context for one compilation of generated validators. It hands the generated
/// code the tool's own Hooksmith runtime, so the catalog it builds is a <see cref="SchemaCatalog"/>
/// this tool can use; everything else resolves as in the default context.
/// </summary>
internal sealed class GeneratedCodeLoadContext() : AssemblyLoadContext("Hooksmith.Cli generated validators", isCollectible: true)
{
    private static readonly Assembly Runtime = typeof(SchemaCatalog).Assembly;

    /// <inheritdoc/>
    protected override Assembly? Load(AssemblyName assemblyName)
        => assemblyName.Name == Runtime.GetName().Name ? Runtime : null;
}
