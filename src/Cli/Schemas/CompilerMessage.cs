using System.Collections.Generic;
using System.Globalization;
using Microsoft.CodeAnalysis;

namespace Hooksmith.Cli.Schemas;

/// <summary>An error or warning from the generator or from compiling what it generated, ready to print.</summary>
/// <param name="IsError">True for an error, which stops the run; false for a warning.</param>
/// <param name="Id">The diagnostic's ID (<c>HSM0002</c>, <c>CS0246</c>); null for an error of this tool's own.</param>
/// <param name="Text">The message as compilers print it: <c>file(line,col): error ID: message</c>.</param>
internal sealed record CompilerMessage(bool IsError, string? Id, string Text)
{
    /// <summary>The generator's ID for a <c>$ref</c> it cannot resolve.</summary>
    public const string UnresolvedReferenceId = "HSM0002";

    /// <summary>Formats a Roslyn diagnostic, naming schema files as the user spelled them.</summary>
    public static CompilerMessage From(Diagnostic diagnostic, IReadOnlyDictionary<string, string> displayPaths)
    {
        var isError = diagnostic.Severity == DiagnosticSeverity.Error;
        var text = $"{(isError ? "error" : "warning")} {diagnostic.Id}: {diagnostic.GetMessage(CultureInfo.InvariantCulture)}";
        var span = diagnostic.Location.GetLineSpan();
        if (span.IsValid && !string.IsNullOrEmpty(span.Path))
        {
            var path = displayPaths.TryGetValue(span.Path, out var display) ? display : span.Path;
            var start = span.StartLinePosition;
            text = string.Create(CultureInfo.InvariantCulture, $"{path}({start.Line + 1},{start.Character + 1}): {text}");
        }

        return new CompilerMessage(isError, diagnostic.Id, text);
    }

    /// <summary>An error that no diagnostic describes.</summary>
    public static CompilerMessage Error(string text) => new(true, null, "error: " + text);
}
