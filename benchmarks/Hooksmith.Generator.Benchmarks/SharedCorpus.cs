using System.IO;
using System.Linq;
using System.Reflection;

namespace Hooksmith.Generator.Benchmarks;

/// <summary>Where the shared corpora are: <c>../shared/corpus</c> beside the repository, recorded at build time.</summary>
internal static class SharedCorpus
{
    /// <exception cref="DirectoryNotFoundException">The corpus is not there.</exception>
    public static string Folder(string name)
    {
        var shared = typeof(SharedCorpus).Assembly
            .GetCustomAttributes<AssemblyMetadataAttribute>()
            .FirstOrDefault(attribute => attribute.Key == "HooksmithSharedDir")
            ?.Value;
        var folder = Path.Combine(shared ?? string.Empty, "corpus", name);
        if (string.IsNullOrEmpty(shared) || !Directory.Exists(folder))
        {
            throw new DirectoryNotFoundException(
                $"The corpus '{folder}' is missing. These benchmarks read ../shared/corpus beside the repository.");
        }

        return folder;
    }
}
