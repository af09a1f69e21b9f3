using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text;

namespace Hooksmith.Cli.Payloads;

/// <summary>
/// JSON Lines on standard input: each non-empty line is one payload, named <c>stdin:&lt;line number&gt;</c>
/// (counting from 1, blank lines included).
/// </summary>
internal sealed class JsonLinesPayloadSource : PayloadSource
{
    /// <summary>The prefix of the payloads' names.</summary>
    public const string NamePrefix = "stdin:";

    /// <inheritdoc/>
    public override IEnumerable<Payload> Read(TextReader stdin)
    {
        var lineNumber = 0;
        while (stdin.ReadLine() is { } line)
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            // A byte order mark may open the stream; JSON does not allow it.
            var text = lineNumber == 1 ? line.TrimStart('\uFEFF') : line;
            yield return new Payload(NamePrefix + lineNumber.ToString(CultureInfo.InvariantCulture), Encoding.UTF8.GetBytes(text));
        }
    }
}
