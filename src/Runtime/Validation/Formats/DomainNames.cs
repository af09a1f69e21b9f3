using System;

namespace Hooksmith.Validation;

/// <summary>Host names: RFC 1123 labels, A-labels and U-labels (RFC 5890 §2.3.2).</summary>
internal static class DomainNames
{
    private const int MaxLabel = 63;
    private const int MaxName = 253;

    /// <summary>Checks a host name with no trailing dot.</summary>
    /// <param name="name">The name.</param>
    /// <param name="allowUnicode">Whether U-labels and the ideographic full stops are allowed (<c>idn-hostname</c>).</param>
    public static bool IsValid(ReadOnlySpan<char> name, bool allowUnicode)
    {
        if (name.IsEmpty)
        {
            return false;
        }

        int asciiLength = -1;
        bool bidiDomain = false;
        bool bidiRuleHolds = true;
        int start = 0;
        for (int i = 0; i <= name.Length; i++)
        {
            if (i < name.Length && !IsSeparator(name[i], allowUnicode))
            {
                continue;
            }

            if (!IsLabel(name[start..i], allowUnicode, out int labelLength, out bool rightToLeft, out bool labelBidi))
            {
                return false;
            }

            asciiLength += labelLength + 1;
            if (asciiLength > MaxName)
            {
                return false;
            }

            bidiDomain |= rightToLeft;
            bidiRuleHolds &= labelBidi;
            start = i + 1;
        }

        // RFC 5893 §2: in a name with a right-to-left label, every label must satisfy the Bidi rule.
        return !bidiDomain || bidiRuleHolds;
    }

    private static bool IsSeparator(char c, bool allowUnicode)
        => c == '.' || (allowUnicode && c is '\u3002' or '\uFF0E' or '\uFF61');

    /// <param name="label">The label.</param>
    /// <param name="allowUnicode">Whether a U-label is allowed.</param>
    /// <param name="asciiLength">The length of the label's ASCII (A-label) form.</param>
    /// <param name="rightToLeft">Whether the label is right-to-left (RFC 5893).</param>
    /// <param name="bidiRuleHolds">Whether the label satisfies the Bidi rule.</param>
    private static bool IsLabel(ReadOnlySpan<char> label, bool allowUnicode, out int asciiLength, out bool rightToLeft, out bool bidiRuleHolds)
    {
        asciiLength = label.Length;
        rightToLeft = false;
        bidiRuleHolds = false;
        if (label.IsEmpty)
        {
            return false;
        }

        bool ascii = true;
        foreach (char c in label)
        {
            if (c >= 0x80)
            {
                ascii = false;
                break;
            }
        }

        if (ascii)
        {
            if (label.Length > MaxLabel || !IsLdhLabel(label))
            {
                return false;
            }

            if (label.Length >= 4 && label[2] == '-' && label[3] == '-')
            {
                if ((label[0] | 0x20) == 'x' && (label[1] | 0x20) == 'n')
                {
                    return IsALabel(label[4..], out rightToLeft, out bidiRuleHolds);
                }

                // A reserved LDH label that is not an A-label is no IDNA label (RFC 5890 §2.3.1).
                if (allowUnicode)
                {
                    return false;
                }
            }

            bidiRuleHolds = Idna.BidiRuleHoldsForLdh(label);
            return true;
        }

        if (!allowUnicode)
        {
            return false;
        }

        // An A-label is at most 63 characters, so its U-label has fewer code points than that.
        Span<int> codePoints = stackalloc int[MaxLabel];
        int count = 0;
        for (int i = 0; i < label.Length;)
        {
            if (count == MaxLabel || !FormatChecks.TryReadScalar(label, ref i, out int codePoint))
            {
                return false;
            }

            codePoints[count++] = codePoint;
        }

        var uLabel = codePoints[..count];
        if (!Idna.IsULabel(uLabel, out rightToLeft, out bidiRuleHolds))
        {
            return false;
        }

        Span<char> encoded = stackalloc char[MaxLabel - 4];
        if (!Punycode.TryEncode(uLabel, encoded, out int encodedLength))
        {
            return false;
        }

        asciiLength = 4 + encodedLength;
        return true;
    }

    /// <summary>An A-label's Punycode part must decode to a U-label that encodes back to it.</summary>
    private static bool IsALabel(ReadOnlySpan<char> punycode, out bool rightToLeft, out bool bidiRuleHolds)
    {
        rightToLeft = false;
        bidiRuleHolds = false;
        Span<int> decoded = stackalloc int[MaxLabel];
        if (punycode.IsEmpty || !Punycode.TryDecode(punycode, decoded, out int count))
        {
            return false;
        }

        // A-labels compare case-insensitively (RFC 5891 §5.4), so read the basic code points in lower case.
        var uLabel = decoded[..count];
        bool hasNonAscii = false;
        for (int i = 0; i < uLabel.Length; i++)
        {
            hasNonAscii |= uLabel[i] >= 0x80;
            if (uLabel[i] is >= 'A' and <= 'Z')
            {
                uLabel[i] |= 0x20;
            }
        }

        if (!hasNonAscii || !Idna.IsULabel(uLabel, out rightToLeft, out bidiRuleHolds))
        {
            return false;
        }

        Span<char> encoded = stackalloc char[MaxLabel];
        return Punycode.TryEncode(uLabel, encoded, out int length)
            && encoded[..length].Equals(punycode, StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>Letters, digits and hyphens, not starting or ending with a hyphen (RFC 1123 §2.1).</summary>
    private static bool IsLdhLabel(ReadOnlySpan<char> label)
    {
        if (label[0] == '-' || label[^1] == '-')
        {
            return false;
        }

        foreach (char c in label)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c != '-')
            {
                return false;
            }
        }

        return true;
    }
}
