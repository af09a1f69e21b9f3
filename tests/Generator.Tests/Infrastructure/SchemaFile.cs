namespace Hooksmith.Generator.Tests.Infrastructure;

/// <summary>A schema file for a test run, with the item metadata a project would give it.</summary>
internal sealed record SchemaFile(string Path, string Text, string? Namespace = null, string? Dialect = null, string? BaseUri = null, string? Event = null)
{
    /// <summary>The folders between the item's glob root and the file, as the build files pass <c>%(RecursiveDir)</c> (<c>check_run/</c>).</summary>
    public string? RecursiveDir { get; init; }

    /// <summary>The file's path relative to the project, percent-encoded, as the build files pass it (<c>HooksmithProjectPath</c>).</summary>
    public string? ProjectPath { get; init; }

    /// <summary>The item's <c>NamespaceFromFolders</c> switch.</summary>
    public bool NamespaceFromFolders { get; init; }

    /// <summary>The item's <c>NamespaceFromFileName</c> switch.</summary>
    public bool NamespaceFromFileName { get; init; }
}
