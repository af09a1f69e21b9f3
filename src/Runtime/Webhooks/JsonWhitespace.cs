using System;

namespace Hooksmith.Webhooks;

/// <summary>
/// Removes JSON whitespace outside string literals, the form Voucherify signs a JSON payload in.
/// Works on UTF-8 bytes without parsing: the rule is lexical (a <c>"</c> toggles "inside a string"
/// unless escaped by <c>\</c>; the byte after <c>\</c> is copied as is), so malformed JSON is
/// handled the same way the provider's signer would handle it, and nothing here can throw.
/// Multi-byte UTF-8 sequences never contain ASCII bytes, so scanning bytes is safe.
/// </summary>
internal static class JsonWhitespace
{
    /// <summary>
    /// True when the body is a JSON object or array that contains whitespace, i.e. when a stripped
    /// form exists and can differ. A bare JSON string (or any other text) is signed as it is, and
    /// stripping spaces from non-JSON text would change its meaning.
    /// </summary>
    public static bool CanStrip(ReadOnlySpan<byte> body)
    {
        var start = body.IndexOfAnyExcept(" \t\r\n"u8);
        return start >= 0
            && (body[start] == (byte)'{' || body[start] == (byte)'[')
            && body.IndexOfAny(" \t\r\n"u8) >= 0;
    }

    /// <summary>Copies <paramref name="source"/> to <paramref name="destination"/> without whitespace outside strings.</summary>
    /// <returns>The number of bytes written; never more than <c>source.Length</c>.</returns>
    public static int Strip(ReadOnlySpan<byte> source, Span<byte> destination)
    {
        var written = 0;
        var inString = false;
        for (var i = 0; i < source.Length; i++)
        {
            var b = source[i];
            if (b == (byte)'\\')
            {
                // The escape rule is stated without regard to position, so it applies outside strings
                // too; for valid JSON that makes no difference.
                destination[written++] = b;
                if (i + 1 < source.Length)
                {
                    destination[written++] = source[++i];
                }
            }
            else if (b == (byte)'"')
            {
                destination[written++] = b;
                inString = !inString;
            }
            else if (inString || b is not ((byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n'))
            {
                destination[written++] = b;
            }
        }

        return written;
    }
}
