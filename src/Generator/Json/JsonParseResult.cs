namespace Hooksmith.Generator.Json;

/// <summary>The outcome of <see cref="JsonTextReader.Parse"/>: either a root node or the first syntax error.</summary>
internal sealed class JsonParseResult
{
    private JsonParseResult(JsonNode? root, JsonSyntaxError? error)
    {
        Root = root;
        Error = error;
    }

    /// <summary>The document's root value, or null when the text is not valid JSON.</summary>
    public JsonNode? Root { get; }

    /// <summary>The first syntax error, or null when the text is valid JSON.</summary>
    public JsonSyntaxError? Error { get; }

    public bool Success => Error is null;

    internal static JsonParseResult FromRoot(JsonNode root) => new(root, null);

    internal static JsonParseResult FromError(JsonSyntaxError error) => new(null, error);
}
