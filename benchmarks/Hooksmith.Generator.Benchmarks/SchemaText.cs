using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace Hooksmith.Generator.Benchmarks;

/// <summary>
/// A <c>HooksmithSchema</c> item held in memory: the additional file the compiler would hand the
/// generator, and the namespace the item gives it.
/// </summary>
internal sealed class SchemaText(string path, string text, string @namespace) : AdditionalText
{
    private readonly SourceText _text = SourceText.From(text);

    public override string Path { get; } = path;

    public string Namespace { get; } = @namespace;

    public override SourceText GetText(CancellationToken cancellationToken = default) => _text;

    /// <summary>The same item with other content, as after an edit of the file.</summary>
    public SchemaText WithText(string text) => new(Path, text, Namespace);
}
