using System.Threading;
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
    public const string RootNamespaceProperty = "build_property.RootNamespace";
    public const string DefaultDialectProperty = "build_property.HooksmithDefaultDialect";

    /// <summary>The schema file, or null for an additional file that is not one.</summary>
    public static SchemaFileInput? Read(AdditionalText file, AnalyzerConfigOptionsProvider provider, CancellationToken cancellationToken)
    {
        var options = provider.GetOptions(file);
        if (!options.TryGetValue(MarkerMetadata, out var marker) || !string.Equals(marker.Trim(), "true", System.StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var text = file.GetText(cancellationToken)?.ToString() ?? string.Empty;
        var @namespace = Value(options, NamespaceMetadata)
            ?? Value(provider.GlobalOptions, RootNamespaceProperty)
            ?? "Hooksmith.Generated";
        var dialect = Value(options, DialectMetadata) ?? Value(provider.GlobalOptions, DefaultDialectProperty);
        return new SchemaFileInput(file.Path, text, @namespace, dialect, Value(options, BaseUriMetadata)) { EventName = Value(options, EventMetadata), EventsFrom = EventsFromOf(Value(options, EventsMetadata)) };
    }

    // An unknown value keeps the default rather than failing the file: the events still come from 'webhooks'.
    private static EventSources EventsFromOf(string? value) => EventSourceNames.TryParse(value, out var sources) ? sources : EventSources.Webhooks;

    private static string? Value(AnalyzerConfigOptions options, string key)
        => options.TryGetValue(key, out var value) && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;
}
