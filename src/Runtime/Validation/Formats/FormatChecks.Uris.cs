using System;

namespace Hooksmith.Validation;

public static partial class FormatChecks
{
    [Flags]
    private enum UriChars
    {
        Unreserved = 1,
        SubDelims = 2,
        Colon = 4,
        At = 8,
        Slash = 16,
        Question = 32,
        Private = 64,
        RegName = Unreserved | SubDelims,
        UserInfo = RegName | Colon,
        Path = UserInfo | At | Slash,
        Query = Path | Question | Private,
        Fragment = Path | Question,
    }

    /// <summary><c>uri</c>: an absolute RFC 3986 URI (a scheme, then an optional query and fragment).</summary>
    /// <remarks>
    /// Checked against the RFC 3986 grammar, not <see cref="Uri"/>: a host may be any
    /// <c>reg-name</c> (so <c>999.999.999.999</c> is a name), ports are unbounded digit strings,
    /// and only percent-encoded non-ASCII is allowed.
    /// </remarks>
    public static bool IsUri(ReadOnlySpan<char> value) => IsUriLike(value, iri: false, reference: false);

    /// <summary><c>uri-reference</c>: an RFC 3986 URI or relative reference (§4.1), such as <c>../a?b#c</c> or the empty string.</summary>
    public static bool IsUriReference(ReadOnlySpan<char> value) => IsUriLike(value, iri: false, reference: true);

    /// <summary>
    /// <c>iri</c>: an absolute RFC 3987 IRI: as <see cref="IsUri"/>, with the <c>ucschar</c> code
    /// points allowed unencoded (and private-use ones in the query).
    /// </summary>
    /// <remarks>Bidirectional formatting characters (LRM, RLM, LRE, RLE, LRO, RLO, PDF) are refused, as RFC 3987 §4.1 requires.</remarks>
    public static bool IsIri(ReadOnlySpan<char> value) => IsUriLike(value, iri: true, reference: false);

    /// <summary><c>iri-reference</c>: an RFC 3987 IRI or relative IRI reference.</summary>
    public static bool IsIriReference(ReadOnlySpan<char> value) => IsUriLike(value, iri: true, reference: true);

    /// <summary>
    /// <c>uri-template</c>: RFC 6570 syntax up to level 4: literals and <c>{…}</c> expressions with
    /// an optional operator (<c>+ # . / ; ? &amp;</c>), comma-separated variable names, and
    /// <c>:length</c> (1–9999) or <c>*</c> modifiers.
    /// </summary>
    /// <remarks>
    /// The operators RFC 6570 reserves for future use (<c>= , ! @ |</c>) are refused. An apostrophe
    /// is accepted as a literal, as the JSON-Schema-Test-Suite reads the grammar.
    /// </remarks>
    public static bool IsUriTemplate(ReadOnlySpan<char> value)
    {
        for (int i = 0; i < value.Length;)
        {
            char c = value[i];
            if (c == '{')
            {
                int close = value[i..].IndexOf('}');
                if (close < 0 || !IsTemplateExpression(value.Slice(i + 1, close - 1)))
                {
                    return false;
                }

                i += close + 1;
            }
            else if (c == '%')
            {
                if (!IsPercentEncoded(value, i))
                {
                    return false;
                }

                i += 3;
            }
            else if (c < 0x80)
            {
                if (c <= ' ' || c is '"' or '<' or '>' or '\\' or '^' or '`' or '|' or '}' or (char)0x7F)
                {
                    return false;
                }

                i++;
            }
            else if (!TryReadScalar(value, ref i, out int codePoint) || !(IsUcsChar(codePoint) || IsPrivateUse(codePoint)))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsTemplateExpression(ReadOnlySpan<char> expression)
    {
        if (expression.IsEmpty)
        {
            return false;
        }

        int i = expression[0] is '+' or '#' or '.' or '/' or ';' or '?' or '&' ? 1 : 0;
        while (true)
        {
            // varname = varchar *( ["."] varchar ), varchar = ALPHA / DIGIT / "_" / pct-encoded
            bool needChar = true;
            while (i < expression.Length)
            {
                char c = expression[i];
                if (char.IsAsciiLetterOrDigit(c) || c == '_')
                {
                    i++;
                }
                else if (c == '%' && IsPercentEncoded(expression, i))
                {
                    i += 3;
                }
                else if (c == '.' && !needChar)
                {
                    i++;
                    needChar = true;
                    continue;
                }
                else
                {
                    break;
                }

                needChar = false;
            }

            if (needChar)
            {
                return false;
            }

            if (i < expression.Length && expression[i] == '*')
            {
                i++;
            }
            else if (i < expression.Length && expression[i] == ':')
            {
                int start = ++i;
                while (i < expression.Length && IsDigit(expression[i]) && i - start < 5)
                {
                    i++;
                }

                if (i == start || i - start > 4 || expression[start] == '0')
                {
                    return false;
                }
            }

            if (i == expression.Length)
            {
                return true;
            }

            if (expression[i] != ',')
            {
                return false;
            }

            i++;
        }
    }

    private static bool IsUriLike(ReadOnlySpan<char> s, bool iri, bool reference)
    {
        int i = 0;
        int delimiter = s.IndexOfAny(":/?#");
        bool hasScheme = delimiter >= 0 && s[delimiter] == ':';
        if (hasScheme)
        {
            // Without a valid scheme the colon would sit in the first segment of a relative path, which RFC 3986 §4.2 forbids.
            if (!IsScheme(s[..delimiter]))
            {
                return false;
            }

            i = delimiter + 1;
        }
        else if (!reference)
        {
            return false;
        }

        if (s.Length - i >= 2 && s[i] == '/' && s[i + 1] == '/')
        {
            i += 2;
            int end = s[i..].IndexOfAny("/?#");
            end = end < 0 ? s.Length : i + end;
            if (!IsAuthority(s[i..end], iri))
            {
                return false;
            }

            i = end;
        }

        int pathEnd = s[i..].IndexOfAny('?', '#');
        pathEnd = pathEnd < 0 ? s.Length : i + pathEnd;
        if (!HasOnly(s[i..pathEnd], UriChars.Path, iri))
        {
            return false;
        }

        i = pathEnd;
        if (i < s.Length && s[i] == '?')
        {
            int queryEnd = s[i..].IndexOf('#');
            queryEnd = queryEnd < 0 ? s.Length : i + queryEnd;
            if (!HasOnly(s[(i + 1)..queryEnd], UriChars.Query, iri))
            {
                return false;
            }

            i = queryEnd;
        }

        return i == s.Length || HasOnly(s[(i + 1)..], UriChars.Fragment, iri);
    }

    private static bool IsScheme(ReadOnlySpan<char> scheme)
    {
        if (scheme.IsEmpty || !char.IsAsciiLetter(scheme[0]))
        {
            return false;
        }

        foreach (char c in scheme)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c is not ('+' or '-' or '.'))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsAuthority(ReadOnlySpan<char> authority, bool iri)
    {
        int at = authority.IndexOf('@');
        if (at >= 0)
        {
            if (!HasOnly(authority[..at], UriChars.UserInfo, iri))
            {
                return false;
            }

            authority = authority[(at + 1)..];
        }

        ReadOnlySpan<char> port;
        if (authority.Length > 0 && authority[0] == '[')
        {
            int close = authority.IndexOf(']');
            if (close < 0 || !IsIPLiteral(authority[1..close]))
            {
                return false;
            }

            port = authority[(close + 1)..];
            if (port.Length > 0 && port[0] != ':')
            {
                return false;
            }
        }
        else
        {
            int colon = authority.IndexOf(':');
            var host = colon < 0 ? authority : authority[..colon];
            if (!HasOnly(host, UriChars.RegName, iri))
            {
                return false;
            }

            port = colon < 0 ? default : authority[colon..];
        }

        for (int i = 1; i < port.Length; i++)
        {
            if (!IsDigit(port[i]))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>An RFC 3986 <c>IP-literal</c> without its brackets: an IPv6 address or <c>v</c>HEX<c>.</c>text.</summary>
    private static bool IsIPLiteral(ReadOnlySpan<char> literal)
    {
        if (literal.Length > 0 && (literal[0] | 0x20) == 'v')
        {
            int i = 1;
            while (i < literal.Length && char.IsAsciiHexDigit(literal[i]))
            {
                i++;
            }

            if (i == 1 || i >= literal.Length - 1 || literal[i] != '.')
            {
                return false;
            }

            foreach (char c in literal[(i + 1)..])
            {
                if (c == '%' || !IsUriAscii(c, UriChars.UserInfo))
                {
                    return false;
                }
            }

            return true;
        }

        return IsIPv6(literal);
    }

    /// <summary>True when every character is in <paramref name="allowed"/>, percent-encoded, or (for IRIs) a <c>ucschar</c>.</summary>
    private static bool HasOnly(ReadOnlySpan<char> s, UriChars allowed, bool iri)
    {
        for (int i = 0; i < s.Length;)
        {
            char c = s[i];
            if (c == '%')
            {
                if (!IsPercentEncoded(s, i))
                {
                    return false;
                }

                i += 3;
            }
            else if (c < 0x80)
            {
                if (!IsUriAscii(c, allowed))
                {
                    return false;
                }

                i++;
            }
            else if (!iri || !TryReadScalar(s, ref i, out int codePoint)
                || !(IsUcsChar(codePoint) || ((allowed & UriChars.Private) != 0 && IsPrivateUse(codePoint))))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsUriAscii(char c, UriChars allowed)
    {
        if (char.IsAsciiLetterOrDigit(c))
        {
            return true;
        }

        var kind = c switch
        {
            '-' or '.' or '_' or '~' => UriChars.Unreserved,
            '!' or '$' or '&' or '\'' or '(' or ')' or '*' or '+' or ',' or ';' or '=' => UriChars.SubDelims,
            ':' => UriChars.Colon,
            '@' => UriChars.At,
            '/' => UriChars.Slash,
            '?' => UriChars.Question,
            _ => (UriChars)0,
        };
        return (kind & allowed) != 0;
    }

    /// <summary>RFC 3987 <c>ucschar</c>, less the bidirectional formatting characters of §4.1.</summary>
    private static bool IsUcsChar(int codePoint) => codePoint switch
    {
        0x200E or 0x200F or (>= 0x202A and <= 0x202E) => false,
        >= 0xA0 and <= 0xD7FF => true,
        >= 0xF900 and <= 0xFDCF => true,
        >= 0xFDF0 and <= 0xFFEF => true,
        >= 0xE1000 and <= 0xEFFFD => true,
        >= 0x10000 and < 0xE0000 => (codePoint & 0xFFFF) <= 0xFFFD,
        _ => false,
    };

    /// <summary>RFC 3987 <c>iprivate</c>.</summary>
    private static bool IsPrivateUse(int codePoint)
        => codePoint is (>= 0xE000 and <= 0xF8FF) or (>= 0xF0000 and <= 0xFFFFD) or (>= 0x100000 and <= 0x10FFFD);
}
