using System;
using System.IO;
using System.Linq;
using System.Reflection;

namespace Hooksmith.Generator.Tests;

/// <summary>Where the repository and the shared corpora are, as recorded at build time.</summary>
internal static class TestPaths
{
    /// <summary>The repository root, from the assembly metadata attribute HooksmithRepositoryRoot.</summary>
    public static string RepositoryRoot { get; } = FindRepositoryRoot();

    /// <summary>The shared folder beside the repository, which holds the corpora.</summary>
    public static string SharedDir => Path.GetFullPath(Path.Combine(RepositoryRoot, "..", "shared"));

    private static string FindRepositoryRoot()
    {
        var root = typeof(TestPaths).Assembly
            .GetCustomAttributes<AssemblyMetadataAttribute>()
            .FirstOrDefault(attribute => attribute.Key == "HooksmithRepositoryRoot")
            ?.Value;
        if (string.IsNullOrEmpty(root))
        {
            throw new InvalidOperationException("The test assembly has no HooksmithRepositoryRoot metadata attribute.");
        }

        return Path.GetFullPath(root);
    }
}
