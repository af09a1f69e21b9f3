using Hooksmith.Generator.Json;
using Microsoft.CodeAnalysis;

namespace Hooksmith.Generator.Model;

/// <summary>A place in a schema file, kept as plain data so it can live in pipeline models.</summary>
internal sealed record LocationInfo(string FilePath, SourceSpan Span)
{
    public Location ToLocation() => Location.Create(FilePath, Span.TextSpan, Span.LineSpan);

    public static LocationInfo StartOf(string filePath) => new(filePath, SourceSpan.StartOfFile);
}
