using System;

namespace Hooksmith.Validation;

/// <summary>
/// The <c>format</c> assertions of JSON Schema 2020-12 (§7.3) and draft-07, one method per format.
/// </summary>
/// <remarks>
/// <para>
/// Every method takes the string value of an instance and says whether it is syntactically a
/// member of the format. Non-string instances are always valid for these formats; callers check
/// only strings. No method throws for any input, lone surrogates included, and no method
/// allocates for ASCII input, except where <see cref="IsHostname"/> or
/// <see cref="IsIdnHostname"/> meet a Punycode (<c>xn--</c>) label, whose Unicode form must be
/// checked for normalization.
/// </para>
/// <para>
/// Where a standard leaves room, the checks follow the JSON-Schema-Test-Suite. The notes on each
/// method say what is approximated; the larger approximations are in
/// <see cref="IsIdnHostname"/> (Unicode data that .NET does not expose) and
/// <see cref="IsRegex"/> (a syntax check, not a compiler).
/// </para>
/// </remarks>
public static partial class FormatChecks
{
    /// <summary>
    /// Runs the check for a format by its JSON Schema name, such as <c>date-time</c> or <c>uuid</c>.
    /// </summary>
    /// <param name="format">The format name, matched case-sensitively.</param>
    /// <param name="value">The string value to check.</param>
    /// <param name="valid">Whether <paramref name="value"/> is valid for the format; <see langword="true"/> when the format is unknown.</param>
    /// <returns>
    /// <see langword="true"/> when the format is one this class checks; <see langword="false"/> for an
    /// unknown format, which JSON Schema treats as an annotation only.
    /// </returns>
    public static bool TryCheck(string format, ReadOnlySpan<char> value, out bool valid)
    {
        switch (format)
        {
            case "date-time": valid = IsDateTime(value); return true;
            case "date": valid = IsDate(value); return true;
            case "time": valid = IsTime(value); return true;
            case "duration": valid = IsDuration(value); return true;
            case "email": valid = IsEmail(value); return true;
            case "idn-email": valid = IsIdnEmail(value); return true;
            case "hostname": valid = IsHostname(value); return true;
            case "idn-hostname": valid = IsIdnHostname(value); return true;
            case "ipv4": valid = IsIPv4(value); return true;
            case "ipv6": valid = IsIPv6(value); return true;
            case "uri": valid = IsUri(value); return true;
            case "uri-reference": valid = IsUriReference(value); return true;
            case "iri": valid = IsIri(value); return true;
            case "iri-reference": valid = IsIriReference(value); return true;
            case "uri-template": valid = IsUriTemplate(value); return true;
            case "uuid": valid = IsUuid(value); return true;
            case "json-pointer": valid = IsJsonPointer(value); return true;
            case "relative-json-pointer": valid = IsRelativeJsonPointer(value); return true;
            case "regex": valid = IsRegex(value); return true;
            default: valid = true; return false;
        }
    }

    private static bool IsDigit(char c) => (uint)(c - '0') <= 9;

    /// <summary>Reads the Unicode scalar at <paramref name="index"/>; false for a lone surrogate.</summary>
    internal static bool TryReadScalar(ReadOnlySpan<char> s, ref int index, out int codePoint)
    {
        char c = s[index];
        if (char.IsHighSurrogate(c))
        {
            if (index + 1 < s.Length && char.IsLowSurrogate(s[index + 1]))
            {
                codePoint = char.ConvertToUtf32(c, s[index + 1]);
                index += 2;
                return true;
            }

            codePoint = 0;
            return false;
        }

        if (char.IsLowSurrogate(c))
        {
            codePoint = 0;
            return false;
        }

        codePoint = c;
        index++;
        return true;
    }

    /// <summary>True when <paramref name="s"/> has <c>%</c> followed by two hex digits at <paramref name="index"/>.</summary>
    private static bool IsPercentEncoded(ReadOnlySpan<char> s, int index)
        => index + 2 < s.Length && s[index] == '%' && char.IsAsciiHexDigit(s[index + 1]) && char.IsAsciiHexDigit(s[index + 2]);
}
