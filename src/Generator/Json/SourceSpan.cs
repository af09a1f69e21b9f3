using System;
using Microsoft.CodeAnalysis.Text;

namespace Hooksmith.Generator.Json;

/// <summary>
/// Where a piece of JSON sits in its file: a character span and the zero-based line/column
/// positions of its ends, which is exactly what <c>Location.Create</c> needs.
/// </summary>
internal readonly record struct SourceSpan(int Start, int Length, int StartLine, int StartColumn, int EndLine, int EndColumn)
{
    public TextSpan TextSpan => new(Start, Length);

    public LinePositionSpan LineSpan => new(new LinePosition(StartLine, StartColumn), new LinePosition(EndLine, EndColumn));

    /// <summary>A span covering nothing at the start of the file, for facts that have no better place.</summary>
    public static SourceSpan StartOfFile => default;

    public override string ToString() => FormattableString.Invariant($"({StartLine + 1},{StartColumn + 1})");
}
