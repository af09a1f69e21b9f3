using System.Text;

namespace Hooksmith.Generator.Json;

/// <summary>Writes JSON nodes back as text.</summary>
internal static class JsonTextWriter
{
    private const string HexDigits = "0123456789abcdef";

    /// <summary>
    /// Minimal JSON text for <paramref name="node"/>: no whitespace, members in document order (duplicates kept),
    /// numbers as their literal. Strings escape '"', '\' and control characters (\b \f \n \r \t, otherwise \u00xx)
    /// and lone surrogates (\udxxx, so the text survives UTF-8); other non-ASCII characters are written as they are.
    /// </summary>
    public static string ToCompactString(JsonNode node)
    {
        var builder = new StringBuilder();
        Write(builder, node);
        return builder.ToString();
    }

    /// <summary>Appends <paramref name="value"/> as a quoted, escaped JSON string.</summary>
    public static void WriteString(StringBuilder builder, string value)
    {
        builder.Append('"');
        var runStart = 0;
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            string? escape = null;
            switch (c)
            {
                case '"': escape = "\\\""; break;
                case '\\': escape = "\\\\"; break;
                case '\b': escape = "\\b"; break;
                case '\f': escape = "\\f"; break;
                case '\n': escape = "\\n"; break;
                case '\r': escape = "\\r"; break;
                case '\t': escape = "\\t"; break;
                default:
                    if (c < ' ')
                    {
                        break;
                    }

                    if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
                    {
                        i++;
                        continue;
                    }

                    if (!char.IsSurrogate(c))
                    {
                        continue;
                    }

                    break;
            }

            builder.Append(value, runStart, i - runStart);
            if (escape is null)
            {
                builder.Append("\\u")
                    .Append(HexDigits[c >> 12])
                    .Append(HexDigits[(c >> 8) & 0xF])
                    .Append(HexDigits[(c >> 4) & 0xF])
                    .Append(HexDigits[c & 0xF]);
            }
            else
            {
                builder.Append(escape);
            }

            runStart = i + 1;
        }

        builder.Append(value, runStart, value.Length - runStart);
        builder.Append('"');
    }

    private static void Write(StringBuilder builder, JsonNode node)
    {
        switch (node.Kind)
        {
            case JsonKind.Object:
                builder.Append('{');
                for (var i = 0; i < node.Properties.Count; i++)
                {
                    if (i > 0)
                    {
                        builder.Append(',');
                    }

                    var property = node.Properties[i];
                    WriteString(builder, property.Name);
                    builder.Append(':');
                    Write(builder, property.Value);
                }

                builder.Append('}');
                break;
            case JsonKind.Array:
                builder.Append('[');
                for (var i = 0; i < node.Items.Count; i++)
                {
                    if (i > 0)
                    {
                        builder.Append(',');
                    }

                    Write(builder, node.Items[i]);
                }

                builder.Append(']');
                break;
            case JsonKind.String:
                WriteString(builder, node.Text!);
                break;
            case JsonKind.Number:
                builder.Append(node.Text);
                break;
            case JsonKind.True:
                builder.Append("true");
                break;
            case JsonKind.False:
                builder.Append("false");
                break;
            default:
                builder.Append("null");
                break;
        }
    }
}
