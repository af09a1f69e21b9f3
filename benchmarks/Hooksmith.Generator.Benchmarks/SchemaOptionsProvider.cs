using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Hooksmith.Generator.Benchmarks;

/// <summary>
/// The analyzer config options MSBuild writes for a project's <c>HooksmithSchema</c> items
/// (src/Runtime/build/Hooksmith.targets): each schema file is marked as one and carries its namespace,
/// under the keys the generator reads (src/Generator/Schema/SchemaItemOptions.cs).
/// </summary>
internal sealed class SchemaOptionsProvider : AnalyzerConfigOptionsProvider
{
    private const string RootNamespace = "Hooksmith.Generator.Benchmarks.Generated";

    private readonly Dictionary<string, AnalyzerConfigOptions> _byPath;

    public SchemaOptionsProvider(IEnumerable<SchemaText> schemas)
    {
        _byPath = schemas.ToDictionary(
            schema => schema.Path,
            schema => (AnalyzerConfigOptions)new DictionaryOptions(new Dictionary<string, string>
            {
                ["build_metadata.AdditionalFiles.HooksmithSchema"] = "true",
                ["build_metadata.AdditionalFiles.HooksmithNamespace"] = schema.Namespace,
            }));
    }

    public override AnalyzerConfigOptions GlobalOptions { get; } = new DictionaryOptions(new Dictionary<string, string> { ["build_property.RootNamespace"] = RootNamespace });

    public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => DictionaryOptions.Empty;

    public override AnalyzerConfigOptions GetOptions(AdditionalText textFile)
        => _byPath.TryGetValue(textFile.Path, out var options) ? options : DictionaryOptions.Empty;

    private sealed class DictionaryOptions(Dictionary<string, string> values) : AnalyzerConfigOptions
    {
        public static readonly DictionaryOptions Empty = new([]);

        public override IEnumerable<string> Keys => values.Keys;

        public override bool TryGetValue(string key, [NotNullWhen(true)] out string? value) => values.TryGetValue(key, out value);
    }
}
