namespace Hooksmith.Validation;

/// <summary>One way in which a payload does not match its schema.</summary>
/// <param name="InstanceLocation">A JSON Pointer into the payload ("" is the root).</param>
/// <param name="KeywordLocation">The evaluation path of the failing keyword, through <c>$ref</c>s.</param>
/// <param name="Keyword">The failing keyword, such as <c>type</c> or <c>required</c>.</param>
/// <param name="Message">A plain-English explanation, such as "expected string, found null".</param>
public sealed record ValidationError(string InstanceLocation, string KeywordLocation, string Keyword, string Message)
{
    /// <inheritdoc/>
    public override string ToString()
        => $"{(InstanceLocation.Length == 0 ? "(root)" : InstanceLocation)}: {Message} [{Keyword}]";
}
