using System;

namespace Hooksmith.Validation;

public static partial class FormatChecks
{
    /// <summary>
    /// <c>ipv4</c>: a dotted quad of decimal octets 0–255 (RFC 2673 §3.2), with no leading zeros, so
    /// that no reader takes <c>010</c> for octal.
    /// </summary>
    public static bool IsIPv4(ReadOnlySpan<char> value)
    {
        int i = 0;
        return TryReadIPv4(value, ref i) && i == value.Length;
    }

    /// <summary>
    /// <c>ipv6</c>: an RFC 4291 §2.2 text address: eight groups of one to four hex digits, at most one
    /// <c>::</c>, and optionally a dotted quad in place of the last two groups.
    /// </summary>
    /// <remarks>Zone identifiers (<c>%eth0</c>), prefix lengths and brackets are not part of an address.</remarks>
    public static bool IsIPv6(ReadOnlySpan<char> value)
    {
        if (value.Length < 2)
        {
            return false;
        }

        int i = 0;
        int groups = 0;
        bool compressed = false;
        if (value[0] == ':')
        {
            if (value[1] != ':')
            {
                return false;
            }

            compressed = true;
            i = 2;
            if (i == value.Length)
            {
                return true;
            }
        }

        while (true)
        {
            int start = i;
            while (i < value.Length && i - start < 5 && char.IsAsciiHexDigit(value[i]))
            {
                i++;
            }

            if (i == start)
            {
                return false;
            }

            if (i < value.Length && value[i] == '.')
            {
                // A dotted quad stands for the last two groups.
                i = start;
                if (!TryReadIPv4(value, ref i) || i != value.Length)
                {
                    return false;
                }

                groups += 2;
                break;
            }

            if (i - start > 4)
            {
                return false;
            }

            groups++;
            if (i == value.Length)
            {
                break;
            }

            if (value[i] != ':')
            {
                return false;
            }

            i++;
            if (i < value.Length && value[i] == ':')
            {
                if (compressed)
                {
                    return false;
                }

                compressed = true;
                i++;
                if (i == value.Length)
                {
                    break;
                }
            }
            else if (i == value.Length)
            {
                return false;
            }
        }

        return compressed ? groups <= 7 : groups == 8;
    }

    /// <summary>
    /// <c>hostname</c>: an RFC 1123 host name: dot-separated labels of letters, digits and inner
    /// hyphens, each at most 63 characters, at most 253 in all, without a trailing dot.
    /// </summary>
    /// <remarks>
    /// A label that starts with <c>xn--</c> must be a valid A-label (RFC 5890 §2.3.2.1): its
    /// Punycode must decode to a U-label that <see cref="IsIdnHostname"/> accepts.
    /// </remarks>
    public static bool IsHostname(ReadOnlySpan<char> value) => DomainNames.IsValid(value, allowUnicode: false);

    /// <summary>
    /// <c>idn-hostname</c>: an internationalized host name (RFC 5890–5893): labels that are ASCII
    /// host-name labels, A-labels or U-labels, separated by <c>.</c> or the ideographic and
    /// full-width full stops U+3002, U+FF0E and U+FF61 (RFC 3490 §3.1).
    /// </summary>
    /// <remarks>
    /// <para>
    /// Each U-label must be in NFC, must not begin with a combining mark or have hyphens at the
    /// start, end or in the third and fourth positions, must consist of code points that are PVALID
    /// under RFC 5892 (or CONTEXTJ/CONTEXTO ones whose rule holds), and must encode to an A-label of
    /// at most 63 characters; the whole name must fit 253 characters in A-label form, and a name with
    /// a right-to-left label must satisfy the Bidi rule of RFC 5893 in every label.
    /// </para>
    /// <para>
    /// What is approximated, because .NET exposes no such Unicode data: the derived property uses
    /// .NET's general categories and normalization with simple lower-casing in place of case folding
    /// (plus a list of the characters where the two differ); bidirectional classes, joining types,
    /// scripts and viramas come from built-in ranges covering the scripts that use them. Where
    /// globalization-invariant mode makes normalization a no-op, the NFC and stability checks are
    /// skipped. Punycode is decoded by this library, not <c>IdnMapping</c>, whose UTS #46 mapping
    /// (lower-casing, width folding) and platform-specific behaviour would accept strings that are
    /// not U-labels.
    /// </para>
    /// </remarks>
    public static bool IsIdnHostname(ReadOnlySpan<char> value) => DomainNames.IsValid(value, allowUnicode: true);

    /// <summary>
    /// <c>email</c>: an RFC 5321 §4.1.2 <c>Mailbox</c>: a dot-atom or quoted-string local part,
    /// <c>@</c>, and a host name or an address literal <c>[IPv4]</c> or <c>[IPv6:…]</c>.
    /// </summary>
    /// <remarks>
    /// RFC 5322 additions (comments, folding white space, display names) are not part of a mailbox.
    /// General address literals (<c>[tag:…]</c>) are refused, since no tag but <c>IPv6</c> is
    /// registered. Length limits of local parts are not enforced.
    /// </remarks>
    public static bool IsEmail(ReadOnlySpan<char> value) => IsMailbox(value, unicode: false);

    /// <summary>
    /// <c>idn-email</c>: an RFC 6531 mailbox: as <see cref="IsEmail"/>, with non-ASCII characters
    /// allowed in the local part and an internationalized host name (<see cref="IsIdnHostname"/>).
    /// </summary>
    public static bool IsIdnEmail(ReadOnlySpan<char> value) => IsMailbox(value, unicode: true);

    private static bool TryReadIPv4(ReadOnlySpan<char> s, ref int i)
    {
        for (int part = 0; part < 4; part++)
        {
            if (part > 0)
            {
                if (i >= s.Length || s[i] != '.')
                {
                    return false;
                }

                i++;
            }

            int start = i;
            int octet = 0;
            while (i < s.Length && IsDigit(s[i]) && i - start < 4)
            {
                octet = (octet * 10) + (s[i] - '0');
                i++;
            }

            int digits = i - start;
            if (digits == 0 || digits > 3 || octet > 255 || (digits > 1 && s[start] == '0'))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsMailbox(ReadOnlySpan<char> s, bool unicode)
    {
        int at;
        if (s.Length > 0 && s[0] == '"')
        {
            int i = 1;
            while (true)
            {
                if (i >= s.Length)
                {
                    return false;
                }

                char c = s[i];
                if (c == '"')
                {
                    break;
                }

                if (c == '\\')
                {
                    // quoted-pairSMTP is ASCII even in RFC 6531.
                    if (i + 1 >= s.Length || s[i + 1] < 32 || s[i + 1] > 126)
                    {
                        return false;
                    }

                    i += 2;
                }
                else if (c >= 32 && c <= 126)
                {
                    i++;
                }
                else if (!unicode || c < 0x80 || !TryReadScalar(s, ref i, out _))
                {
                    return false;
                }
            }

            at = i + 1;
            if (at >= s.Length || s[at] != '@')
            {
                return false;
            }
        }
        else
        {
            int i = 0;
            bool atomStart = true;
            while (true)
            {
                if (i >= s.Length)
                {
                    return false;
                }

                char c = s[i];
                if (c == '@' || c == '.')
                {
                    if (atomStart)
                    {
                        return false;
                    }

                    if (c == '@')
                    {
                        break;
                    }

                    atomStart = true;
                    i++;
                }
                else if (c < 0x80)
                {
                    if (!IsAtext(c))
                    {
                        return false;
                    }

                    atomStart = false;
                    i++;
                }
                else if (unicode && TryReadScalar(s, ref i, out _))
                {
                    atomStart = false;
                }
                else
                {
                    return false;
                }
            }

            at = i;
        }

        var domain = s[(at + 1)..];
        if (domain.Length > 0 && domain[0] == '[')
        {
            if (domain.Length < 2 || domain[^1] != ']')
            {
                return false;
            }

            var literal = domain[1..^1];
            if (literal.Length > 5 && literal[..5].Equals("IPv6:", StringComparison.OrdinalIgnoreCase))
            {
                return IsIPv6(literal[5..]);
            }

            return IsIPv4(literal);
        }

        return DomainNames.IsValid(domain, unicode);
    }

    /// <summary>RFC 5322 <c>atext</c>: letters, digits and <c>!#$%&amp;'*+-/=?^_`{|}~</c>.</summary>
    private static bool IsAtext(char c)
        => char.IsAsciiLetterOrDigit(c) || (c < 0x80 && "!#$%&'*+-/=?^_`{|}~".Contains(c));
}
