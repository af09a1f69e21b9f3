using System;
using System.Linq;
using System.Threading;
using Hooksmith.Generator.Naming;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Hooksmith.Generator.Schema;

/// <summary>
/// Reads which additional files are schemas and their options. The package's build files map
/// <c>HooksmithSchema</c> items to additional files with this metadata; plain additional files
/// with the same metadata work too.
/// </summary>
internal static class SchemaItemOptions
{
    public const string MarkerMetadata = "build_metadata.AdditionalFiles.HooksmithSchema";
    public const string NamespaceMetadata = "build_metadata.AdditionalFiles.HooksmithNamespace";
    public const string DialectMetadata = "build_metadata.AdditionalFiles.HooksmithDialect";
    public const string BaseUriMetadata = "build_metadata.AdditionalFiles.HooksmithBaseUri";
    public const string EventMetadata = "build_metadata.AdditionalFiles.HooksmithEvent";
    public const string EventsMetadata = "build_metadata.AdditionalFiles.HooksmithEvents";
    public const string RecursiveDirMetadata = "build_metadata.AdditionalFiles.HooksmithRecursiveDir";
    public const string ProjectPathMetadata = "build_metadata.AdditionalFiles.HooksmithProjectPath";
    public const string NamespaceFromFoldersMetadata = "build_metadata.AdditionalFiles.HooksmithNamespaceFromFolders";
    public const string NamespaceFromFileNameMetadata = "build_metadata.AdditionalFiles.HooksmithNamespaceFromFileName";
    public const string RootNamespaceProperty = "build_property.RootNamespace";
    public const string ProjectDirProperty = "build_property.ProjectDir";
    public const string DefaultDialectProperty = "build_property.HooksmithDefaultDialect";

    /// <summary>The schema file, or null for an additional file that is not one.</summary>
    public static SchemaFileInput? Read(AdditionalText file, AnalyzerConfigOptionsProvider provider, CancellationToken cancellationToken)
    {
        var options = provider.GetOptions(file);
        if (!options.TryGetValue(MarkerMetadata, out var marker) || !IsTrue(marker.Trim()))
        {
            return null;
        }

        var text = file.GetText(cancellationToken)?.ToString() ?? string.Empty;
        var @namespace = Value(options, NamespaceMetadata)
            ?? Value(provider.GlobalOptions, RootNamespaceProperty)
            ?? "Hooksmith.Generated";
        var folders = FoldersOf(Unescaped(Value(options, RecursiveDirMetadata)));
        if (IsTrue(Value(options, NamespaceFromFoldersMetadata)))
        {
            @namespace = NamespaceWithFolders(@namespace, folders);
        }

        if (IsTrue(Value(options, NamespaceFromFileNameMetadata)))
        {
            @namespace += "." + NamespacePartOf(file.Path);
        }

        var dialect = Value(options, DialectMetadata) ?? Value(provider.GlobalOptions, DefaultDialectProperty);
        return new SchemaFileInput(file.Path, text, @namespace, dialect, BaseUriOf(Value(options, BaseUriMetadata), folders))
        {
            EventName = Value(options, EventMetadata),
            EventsFrom = EventsFromOf(Value(options, EventsMetadata)),
            ProjectRelativePath = ProjectRelativePathOf(file.Path, options, provider.GlobalOptions),
        };
    }

    /// <summary>
    /// The build files pass each item's path relative to the project; plain additional files fall back to the
    /// project directory, which the compiler reads cut short at a '#' or ';' (an .editorconfig comment).
    /// MSBuild's <c>MakeRelative</c> gives up on a file that shares only the file system's root with the project
    /// (<c>/work/specs/a.json</c> for a project in <c>/tmp/app/</c>) and passes its full path; that one is made
    /// relative here (<c>../../work/specs/a.json</c>), so that no machine's folders reach generated code.
    /// </summary>
    private static string? ProjectRelativePathOf(string path, AnalyzerConfigOptions options, AnalyzerConfigOptions global)
    {
        var projectDirectory = Value(global, ProjectDirProperty);
        if (Unescaped(Value(options, ProjectPathMetadata)) is { } given)
        {
            var relative = projectDirectory is null ? null : SourcePath.RelativeTo(projectDirectory, given);
            return relative ?? SourcePath.Normalize(given);
        }

        return projectDirectory is null ? null : SourcePath.RelativeTo(projectDirectory, path);
    }

    /// <summary>Paths come percent-encoded from the build files ('#' and ';' would start an .editorconfig comment).</summary>
    private static string? Unescaped(string? value)
    {
        if (value is null || value.IndexOf('%') < 0)
        {
            return value;
        }

        try
        {
            return Uri.UnescapeDataString(value);
        }
        catch (UriFormatException)
        {
            return value;
        }
    }

    /// <summary>
    /// The folders between a glob's root and the file (MSBuild's <c>%(RecursiveDir)</c>, <c>check_run/created/</c>),
    /// without empty and '.' segments.
    /// </summary>
    private static string[] FoldersOf(string? recursiveDir)
        => recursiveDir is null
            ? []
            : recursiveDir.Replace('\\', '/').Split('/').Where(part => part.Length > 0 && part != ".").ToArray();

    /// <summary>
    /// A folder base URI (ending in '/') keeps the file's folders under the glob's root, so that files of
    /// the same name in different folders stand for different URIs; the file's name is added when it is read.
    /// </summary>
    private static string? BaseUriOf(string? configured, string[] folders)
    {
        if (configured is null || folders.Length == 0 || !configured.EndsWith("/", StringComparison.Ordinal))
        {
            return configured;
        }

        return configured + string.Concat(folders.Select(folder => Uri.EscapeDataString(folder) + "/"));
    }

    /// <summary>The item's namespace followed by one PascalCased part per folder (<c>check_run</c> → <c>CheckRun</c>).</summary>
    private static string NamespaceWithFolders(string @namespace, string[] folders)
        => string.Join(".", new[] { @namespace }.Concat(folders.Select(folder => Identifiers.ToIdentifier(folder, "Folder").TrimStart('@'))));

    /// <summary>
    /// A namespace part from a file's name up to its first dot, made an identifier as type names are, so that
    /// versions of one API side by side read well: <c>BalancePlatformTransferNotification-v3.json</c> →
    /// <c>BalancePlatformTransferNotificationV3</c>, <c>events-customer.json</c> → <c>EventsCustomer</c>.
    /// </summary>
    internal static string NamespacePartOf(string path)
    {
        var name = path.Substring(path.Replace('\\', '/').LastIndexOf('/') + 1);
        var dot = name.IndexOf('.');
        var stem = dot > 0 ? name.Substring(0, dot) : name;
        return Identifiers.ToIdentifier(stem, "Schema").TrimStart('@');
    }

    private static bool IsTrue(string? value) => string.Equals(value, "true", StringComparison.OrdinalIgnoreCase);

    // An unknown value keeps the default rather than failing the file: the events still come from 'webhooks'.
    private static EventSources EventsFromOf(string? value) => EventSourceNames.TryParse(value, out var sources) ? sources : EventSources.Webhooks;

    private static string? Value(AnalyzerConfigOptions options, string key)
        => options.TryGetValue(key, out var value) && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;
}
