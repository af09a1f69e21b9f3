using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace Hooksmith.Generator.Json;

/// <summary>
/// RFC 6901 JSON Pointers: building them while reading, parsing and resolving them, and their
/// percent-encoded form in a URI fragment (RFC 6901 §6).
/// </summary>
internal static class JsonPointer
{
    private static readonly string[] NoTokens = new string[0];
    private static readonly char[] SpecialChars = { '~', '/' };
    private const string HexDigits = "0123456789ABCDEF";

    /// <summary>Escapes one reference token: "~" becomes "~0" and "/" becomes "~1".</summary>
    public static string Escape(string token)
    {
        if (token.IndexOfAny(SpecialChars) < 0)
        {
            return token;
        }

        var builder = new StringBuilder(token.Length + 4);
        foreach (var c in token)
        {
            switch (c)
            {
                case '~': builder.Append("~0"); break;
                case '/': builder.Append("~1"); break;
                default: builder.Append(c); break;
            }
        }

        return builder.ToString();
    }

    /// <summary>The pointer to the member <paramref name="token"/> (unescaped) of the value at <paramref name="pointer"/>.</summary>
    public static string Append(string pointer, string token) => pointer + "/" + Escape(token);

    /// <summary>The pointer to the element <paramref name="index"/> of the array at <paramref name="pointer"/>.</summary>
    public static string Append(string pointer, int index) => pointer + "/" + index.ToString(CultureInfo.InvariantCulture);

    /// <summary>
    /// Splits a pointer into its unescaped reference tokens. "" is the root (no tokens); any other
    /// pointer must start with "/", and "~" must be followed by "0" or "1".
    /// </summary>
    public static bool TryParse(string pointer, out string[] tokens)
    {
        tokens = NoTokens;
        if (pointer is null)
        {
            return false;
        }

        if (pointer.Length == 0)
        {
            return true;
        }

        if (pointer[0] != '/')
        {
            return false;
        }

        var list = new List<string>();
        var start = 1;
        while (true)
        {
            var end = pointer.IndexOf('/', start);
            if (end < 0)
            {
                end = pointer.Length;
            }

            if (!TryUnescapeToken(pointer, start, end, out var token))
            {
                return false;
            }

            list.Add(token);
            if (end == pointer.Length)
            {
                break;
            }

            start = end + 1;
        }

        tokens = list.ToArray();
        return true;
    }

    private static bool TryUnescapeToken(string pointer, int start, int end, out string token)
    {
        var tilde = pointer.IndexOf('~', start, end - start);
        if (tilde < 0)
        {
            token = pointer.Substring(start, end - start);
            return true;
        }

        token = string.Empty;
        var builder = new StringBuilder(end - start);
        for (var i = start; i < end; i++)
        {
            var c = pointer[i];
            if (c != '~')
            {
                builder.Append(c);
                continue;
            }

            if (i + 1 >= end)
            {
                return false;
            }

            var next = pointer[++i];
            if (next == '0')
            {
                builder.Append('~');
            }
            else if (next == '1')
            {
                builder.Append('/');
            }
            else
            {
                return false;
            }
        }

        token = builder.ToString();
        return true;
    }

    /// <summary>
    /// The node that <paramref name="pointer"/> designates from <paramref name="root"/>, or null when the pointer
    /// is malformed or designates nothing. Array indexes must be canonical ("0" or digits without a leading zero);
    /// "-" (past the last element) designates nothing. With duplicate member names, the last one is used.
    /// </summary>
    public static JsonNode? Resolve(JsonNode root, string pointer)
    {
        if (!TryParse(pointer, out var tokens))
        {
            return null;
        }

        var current = root;
        foreach (var token in tokens)
        {
            switch (current.Kind)
            {
                case JsonKind.Object:
                    var member = current[token];
                    if (member is null)
                    {
                        return null;
                    }

                    current = member;
                    break;
                case JsonKind.Array:
                    if (!TryParseIndex(token, out var index) || index >= current.Items.Count)
                    {
                        return null;
                    }

                    current = current.Items[index];
                    break;
                default:
                    return null;
            }
        }

        return current;
    }

    /// <summary>Parses a canonical array index: "0", or a non-zero digit followed by digits, within int range.</summary>
    public static bool TryParseIndex(string token, out int index)
    {
        index = 0;
        if (token.Length == 0 || token.Length > 10 || (token[0] == '0' && token.Length > 1))
        {
            return false;
        }

        long value = 0;
        foreach (var c in token)
        {
            if (c < '0' || c > '9')
            {
                return false;
            }

            value = (value * 10) + (c - '0');
        }

        if (value > int.MaxValue)
        {
            return false;
        }

        index = (int)value;
        return true;
    }

    /// <summary>
    /// Percent-encodes a pointer for use as a URI fragment (without the leading "#"), as RFC 6901 §6 describes:
    /// characters outside RFC 3986's fragment set are written as the %XX of their UTF-8 bytes
    /// (a lone surrogate is encoded as U+FFFD). "/" and "~" are kept.
    /// </summary>
    public static string EscapeForUriFragment(string pointer)
    {
        var clean = true;
        foreach (var c in pointer)
        {
            if (!IsFragmentChar(c))
            {
                clean = false;
                break;
            }
        }

        if (clean)
        {
            return pointer;
        }

        var builder = new StringBuilder(pointer.Length + 16);
        for (var i = 0; i < pointer.Length; i++)
        {
            var c = pointer[i];
            if (IsFragmentChar(c))
            {
                builder.Append(c);
                continue;
            }

            int codePoint = c;
            if (char.IsHighSurrogate(c) && i + 1 < pointer.Length && char.IsLowSurrogate(pointer[i + 1]))
            {
                codePoint = char.ConvertToUtf32(c, pointer[i + 1]);
                i++;
            }
            else if (char.IsSurrogate(c))
            {
                codePoint = 0xFFFD;
            }

            AppendUtf8PercentEncoded(builder, codePoint);
        }

        return builder.ToString();
    }

    /// <summary>
    /// Decodes a URI fragment (with or without its leading "#") into a JSON Pointer; unlike
    /// <see cref="TryUnescapeUriFragment"/> it never fails: a fragment with a malformed percent sequence or
    /// invalid UTF-8 is returned as it is (less the "#"). The result is not checked to be a valid pointer.
    /// </summary>
    public static string UnescapeUriFragment(string fragment)
        => TryUnescapeUriFragment(fragment, out var pointer) ? pointer : StripHash(fragment ?? string.Empty);

    /// <summary>
    /// Decodes a URI fragment (with or without its leading "#"): each %XX is a byte and consecutive bytes are
    /// decoded as UTF-8. Returns false for a "%" not followed by two hex digits or for invalid UTF-8.
    /// Characters that are not percent-encoded are kept as they are.
    /// </summary>
    public static bool TryUnescapeUriFragment(string fragment, out string pointer)
    {
        pointer = string.Empty;
        if (fragment is null)
        {
            return false;
        }

        var text = StripHash(fragment);
        if (text.IndexOf('%') < 0)
        {
            pointer = text;
            return true;
        }

        var builder = new StringBuilder(text.Length);
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (c != '%')
            {
                builder.Append(c);
                i++;
                continue;
            }

            if (!TryReadPercentByte(text, i, out var lead))
            {
                return false;
            }

            i += 3;
            int needed;
            int codePoint;
            int min;
            if (lead < 0x80)
            {
                builder.Append((char)lead);
                continue;
            }
            else if (lead >= 0xC2 && lead <= 0xDF)
            {
                needed = 1;
                codePoint = lead & 0x1F;
                min = 0x80;
            }
            else if (lead >= 0xE0 && lead <= 0xEF)
            {
                needed = 2;
                codePoint = lead & 0x0F;
                min = 0x800;
            }
            else if (lead >= 0xF0 && lead <= 0xF4)
            {
                needed = 3;
                codePoint = lead & 0x07;
                min = 0x10000;
            }
            else
            {
                return false;
            }

            for (var k = 0; k < needed; k++)
            {
                if (i >= text.Length || text[i] != '%' || !TryReadPercentByte(text, i, out var continuation) || (continuation & 0xC0) != 0x80)
                {
                    return false;
                }

                codePoint = (codePoint << 6) | (continuation & 0x3F);
                i += 3;
            }

            if (codePoint < min || codePoint > 0x10FFFF || (codePoint >= 0xD800 && codePoint <= 0xDFFF))
            {
                return false;
            }

            if (codePoint >= 0x10000)
            {
                builder.Append(char.ConvertFromUtf32(codePoint));
            }
            else
            {
                builder.Append((char)codePoint);
            }
        }

        pointer = builder.ToString();
        return true;
    }

    private static string StripHash(string fragment)
        => fragment.Length > 0 && fragment[0] == '#' ? fragment.Substring(1) : fragment;

    private static bool TryReadPercentByte(string text, int percent, out int value)
    {
        value = 0;
        if (percent + 2 >= text.Length)
        {
            return false;
        }

        var high = HexValue(text[percent + 1]);
        var low = HexValue(text[percent + 2]);
        if (high < 0 || low < 0)
        {
            return false;
        }

        value = (high << 4) | low;
        return true;
    }

    private static int HexValue(char c) => c switch
    {
        >= '0' and <= '9' => c - '0',
        >= 'a' and <= 'f' => c - 'a' + 10,
        >= 'A' and <= 'F' => c - 'A' + 10,
        _ => -1,
    };

    /// <summary>RFC 3986: fragment = *( pchar / "/" / "?" ), pchar = unreserved / sub-delims / ":" / "@" (and pct-encoded, which we produce).</summary>
    private static bool IsFragmentChar(char c)
    {
        if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))
        {
            return true;
        }

        switch (c)
        {
            case '-': case '.': case '_': case '~':
            case '!': case '$': case '&': case '\'': case '(': case ')': case '*': case '+': case ',': case ';': case '=':
            case ':': case '@': case '/': case '?':
                return true;
            default:
                return false;
        }
    }

    private static void AppendUtf8PercentEncoded(StringBuilder builder, int codePoint)
    {
        if (codePoint < 0x80)
        {
            AppendPercentByte(builder, codePoint);
        }
        else if (codePoint < 0x800)
        {
            AppendPercentByte(builder, 0xC0 | (codePoint >> 6));
            AppendPercentByte(builder, 0x80 | (codePoint & 0x3F));
        }
        else if (codePoint < 0x10000)
        {
            AppendPercentByte(builder, 0xE0 | (codePoint >> 12));
            AppendPercentByte(builder, 0x80 | ((codePoint >> 6) & 0x3F));
            AppendPercentByte(builder, 0x80 | (codePoint & 0x3F));
        }
        else
        {
            AppendPercentByte(builder, 0xF0 | (codePoint >> 18));
            AppendPercentByte(builder, 0x80 | ((codePoint >> 12) & 0x3F));
            AppendPercentByte(builder, 0x80 | ((codePoint >> 6) & 0x3F));
            AppendPercentByte(builder, 0x80 | (codePoint & 0x3F));
        }
    }

    private static void AppendPercentByte(StringBuilder builder, int value)
    {
        builder.Append('%');
        builder.Append(HexDigits[value >> 4]);
        builder.Append(HexDigits[value & 0xF]);
    }
}
