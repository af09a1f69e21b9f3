using System.IO;
using Hooksmith.Validation;

namespace Hooksmith.Cli.Output;

/// <summary>
/// <c>&lt;instance&gt;: valid</c>, or <c>&lt;instance&gt;: invalid</c> followed by one indented line per error:
/// <c>  &lt;instance location or (root)&gt;: &lt;message&gt; [&lt;keyword location&gt;]</c>.
/// </summary>
internal sealed class TextResultWriter(TextWriter output) : ResultWriter
{
    /// <inheritdoc/>
    public override void Write(string instance, ValidationResult result)
    {
        output.WriteLine(instance + (result.IsValid ? ": valid" : ": invalid"));
        foreach (var error in result.Errors)
        {
            var location = error.InstanceLocation.Length == 0 ? "(root)" : error.InstanceLocation;
            var keyword = error.KeywordLocation.Length == 0 ? string.Empty : " [" + error.KeywordLocation + "]";
            output.WriteLine("  " + location + ": " + error.Message + keyword);
        }
    }
}
