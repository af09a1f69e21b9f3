namespace Hooksmith.Validation;

/// <summary>One way in which a payload does not match its schema.</summary>
/// <param name="InstanceLocation">A JSON Pointer into the payload ("" is the root).</param>
/// <param name="KeywordLocation">The evaluation path of the failing keyword, through <c>$ref</c>s.</param>
/// <param name="Keyword">The failing keyword, such as <c>type</c> or <c>required</c>.</param>
/// <param name="Message">A plain-English explanation, such as "expected string, found null".</param>
public sealed record ValidationError(string InstanceLocation, string KeywordLocation, string Keyword, string Message)
{
    /// <summary>
    /// The absolute location of the failing keyword: the URI of its schema resource with a JSON Pointer
    /// fragment (<c>https://example.com/order.json#/properties/total/minimum</c>); null for problems
    /// found while binding rather than by a schema keyword.
    /// </summary>
    public string? SchemaLocation { get; init; }

    /// <inheritdoc/>
    public override string ToString()
        => $"{(InstanceLocation.Length == 0 ? "(root)" : InstanceLocation)}: {Message} [{Keyword}]";
}
