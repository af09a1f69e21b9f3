using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Hooksmith.Cli.Schemas;

/// <summary>
/// The analyzer config options MSBuild would write for <c>HooksmithSchema</c> items: per file, the
/// marker, namespace, dialect and base URI metadata the generator reads.
/// </summary>
internal sealed class SchemaOptionsProvider : AnalyzerConfigOptionsProvider
{
    /// <summary>Metadata keys, as <c>Hooksmith.Generator.Schema.SchemaItemOptions</c> reads them.</summary>
    public const string MarkerKey = "build_metadata.AdditionalFiles.HooksmithSchema";

    /// <summary>The namespace of the file's generated types.</summary>
    public const string NamespaceKey = "build_metadata.AdditionalFiles.HooksmithNamespace";

    /// <summary>The dialect of a file without <c>$schema</c>.</summary>
    public const string DialectKey = "build_metadata.AdditionalFiles.HooksmithDialect";

    /// <summary>The URI the file is published at.</summary>
    public const string BaseUriKey = "build_metadata.AdditionalFiles.HooksmithBaseUri";

    private readonly Dictionary<string, Options> _perFile;

    public SchemaOptionsProvider(IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> perFile)
    {
        _perFile = new Dictionary<string, Options>(SchemaInputs.PathComparer);
        foreach (var (path, values) in perFile)
        {
            _perFile[path] = new Options(values);
        }
    }

    /// <inheritdoc/>
    public override AnalyzerConfigOptions GlobalOptions => Options.Empty;

    /// <inheritdoc/>
    public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => Options.Empty;

    /// <inheritdoc/>
    public override AnalyzerConfigOptions GetOptions(AdditionalText textFile)
        => _perFile.TryGetValue(textFile.Path, out var options) ? options : Options.Empty;

    private sealed class Options(IReadOnlyDictionary<string, string> values) : AnalyzerConfigOptions
    {
        public static readonly Options Empty = new(new Dictionary<string, string>());

        public override IEnumerable<string> Keys => values.Keys;

        public override bool TryGetValue(string key, [NotNullWhen(true)] out string? value) => values.TryGetValue(key, out value);
    }
}
