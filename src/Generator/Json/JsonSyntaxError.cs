namespace Hooksmith.Generator.Json;

/// <summary>
/// The first syntax error found in a JSON text: a message and the span of the offending character
/// (length 1), or an empty span at the end of the text when the input stops too early.
/// </summary>
internal readonly record struct JsonSyntaxError(string Message, SourceSpan Span);
