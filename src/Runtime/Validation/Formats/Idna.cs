using System;
using System.Globalization;
using System.Text;

namespace Hooksmith.Validation;

/// <summary>The IDNA 2008 rules for one U-label (RFC 5891 §4–5, RFC 5892, RFC 5893).</summary>
internal static class Idna
{
    private enum Property
    {
        Pvalid,
        ContextJ,
        ContextO,
        Disallowed,
    }

    /// <summary>Ranges DISALLOWED by the IgnorableProperties rule that the categories alone would let through.</summary>
    private static ReadOnlySpan<int> DefaultIgnorable =>
    [
        0x034F, 0x034F, 0x115F, 0x1160, 0x17B4, 0x17B5, 0x180B, 0x180D, 0x180F, 0x180F, 0x3164, 0x3164,
        0xFE00, 0xFE0F, 0xFFA0, 0xFFA0, 0xE0100, 0xE01EF,
    ];

    /// <summary>The IgnorableBlocks and OldHangulJamo rules of RFC 5892.</summary>
    private static ReadOnlySpan<int> DisallowedBlocks =>
    [
        0x1100, 0x11FF, 0x20D0, 0x20FF, 0xA960, 0xA97F, 0xD7B0, 0xD7FF, 0x1D100, 0x1D24F,
    ];

    /// <summary>
    /// Characters whose full case folding differs from their simple lower case, so that
    /// toCaseFold changes them although <see cref="Rune.ToLowerInvariant"/> does not.
    /// </summary>
    private static ReadOnlySpan<int> FoldedDifferently =>
    [
        0x0345, 0x0345, 0x13F8, 0x13FD, 0x1F80, 0x1F87, 0x1F90, 0x1F97, 0x1FA0, 0x1FA7, 0x1FB2, 0x1FB4,
        0x1FB7, 0x1FB7, 0x1FC2, 0x1FC4, 0x1FC7, 0x1FC7, 0x1FF2, 0x1FF4, 0x1FF7, 0x1FF7, 0xAB70, 0xABBF,
    ];

    /// <summary>
    /// Checks a U-label given as code points: hyphens, leading marks, code point properties and their
    /// contextual rules, and NFC.
    /// </summary>
    /// <param name="label">The label's code points.</param>
    /// <param name="rightToLeft">Whether the label has an R, AL or AN character, which makes the name a Bidi domain name.</param>
    /// <param name="bidiRuleHolds">Whether the label satisfies the Bidi rule of RFC 5893 §2.</param>
    public static bool IsULabel(ReadOnlySpan<int> label, out bool rightToLeft, out bool bidiRuleHolds)
    {
        rightToLeft = false;
        bidiRuleHolds = false;
        if (label.IsEmpty || label[0] == '-' || label[^1] == '-' || (label.Length >= 4 && label[2] == '-' && label[3] == '-'))
        {
            return false;
        }

        if (CharUnicodeInfo.GetUnicodeCategory(label[0]) is UnicodeCategory.NonSpacingMark
            or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark)
        {
            return false;
        }

        for (int i = 0; i < label.Length; i++)
        {
            bool allowed = GetProperty(label[i]) switch
            {
                Property.Pvalid => true,
                Property.ContextJ => JoinerRuleHolds(label, i),
                Property.ContextO => ContextORuleHolds(label, i),
                _ => false,
            };
            if (!allowed)
            {
                return false;
            }
        }

        if (!IsNfc(label))
        {
            return false;
        }

        bidiRuleHolds = BidiRuleHolds(label, out rightToLeft);
        return true;
    }

    /// <summary>The Bidi rule of RFC 5893 §2 for an LDH label, which has no right-to-left characters.</summary>
    public static bool BidiRuleHoldsForLdh(ReadOnlySpan<char> label)
        => char.IsAsciiLetter(label[0]) && char.IsAsciiLetterOrDigit(label[^1]);

    private static Property GetProperty(int codePoint)
    {
        switch (codePoint)
        {
            // The Exceptions table of RFC 5892 §2.6.
            case 0x00DF or 0x03C2 or 0x06FD or 0x06FE or 0x0F0B or 0x3007:
                return Property.Pvalid;
            case 0x00B7 or 0x0375 or 0x05F3 or 0x05F4 or 0x30FB or (>= 0x0660 and <= 0x0669) or (>= 0x06F0 and <= 0x06F9):
                return Property.ContextO;
            case 0x0640 or 0x07FA or 0x302E or 0x302F or (>= 0x3031 and <= 0x3035) or 0x303B:
                return Property.Disallowed;
            case 0x200C or 0x200D:
                return Property.ContextJ;
        }

        if (codePoint < 0x80)
        {
            return codePoint is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-' ? Property.Pvalid : Property.Disallowed;
        }

        // LetterDigits; every other category (unassigned included) is DISALLOWED or UNASSIGNED.
        if (CharUnicodeInfo.GetUnicodeCategory(codePoint) is not (UnicodeCategory.LowercaseLetter
            or UnicodeCategory.UppercaseLetter or UnicodeCategory.OtherLetter or UnicodeCategory.ModifierLetter
            or UnicodeCategory.DecimalDigitNumber or UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark))
        {
            return Property.Disallowed;
        }

        if (UnicodeRanges.InRanges(DisallowedBlocks, codePoint) || UnicodeRanges.InRanges(DefaultIgnorable, codePoint)
            || IsUnstable(codePoint))
        {
            return Property.Disallowed;
        }

        return Property.Pvalid;
    }

    /// <summary>The Unstable rule: NFKC(CaseFold(NFKC(cp))) differs from cp.</summary>
    private static bool IsUnstable(int codePoint)
    {
        // Hangul syllables and the main CJK blocks are stable; skip the normalization calls.
        if (codePoint is (>= 0xAC00 and <= 0xD7A3) or (>= 0x4E00 and <= 0x9FFF) or (>= 0x3400 and <= 0x4DBF))
        {
            return false;
        }

        // Cherokee capitals fold to themselves; their small letters fold to the capitals.
        if (codePoint is >= 0x13A0 and <= 0x13F5)
        {
            return false;
        }

        if (UnicodeRanges.InRanges(FoldedDifferently, codePoint)
            || Rune.ToLowerInvariant(new Rune(codePoint)).Value != codePoint)
        {
            return true;
        }

        Span<char> buffer = stackalloc char[2];
        int length = new Rune(codePoint).EncodeToUtf16(buffer);
        try
        {
            string text = new(buffer[..length]);
            return !string.Equals(text.Normalize(NormalizationForm.FormKC), text, StringComparison.Ordinal);
        }
        catch (ArgumentException)
        {
            return false;
        }
        catch (PlatformNotSupportedException)
        {
            return false;
        }
    }

    private static bool IsNfc(ReadOnlySpan<int> label)
    {
        // Text below U+0300 that holds no combining characters is always NFC.
        bool simple = true;
        foreach (int codePoint in label)
        {
            if (codePoint >= 0x0300)
            {
                simple = false;
                break;
            }
        }

        if (simple)
        {
            return true;
        }

        Span<char> buffer = stackalloc char[label.Length * 2];
        int length = 0;
        foreach (int codePoint in label)
        {
            length += new Rune(codePoint).EncodeToUtf16(buffer[length..]);
        }

        try
        {
            return new string(buffer[..length]).IsNormalized(NormalizationForm.FormC);
        }
        catch (ArgumentException)
        {
            return false;
        }
        catch (PlatformNotSupportedException)
        {
            return true;
        }
    }

    /// <summary>RFC 5892 Appendix A.1 (ZERO WIDTH NON-JOINER) and A.2 (ZERO WIDTH JOINER).</summary>
    private static bool JoinerRuleHolds(ReadOnlySpan<int> label, int index)
    {
        if (index > 0 && UnicodeRanges.IsVirama(label[index - 1]))
        {
            return true;
        }

        if (label[index] == 0x200D)
        {
            return false;
        }

        // (Joining_Type:{L,D})(Joining_Type:T)* ZWNJ (Joining_Type:T)*(Joining_Type:{R,D})
        int before = index - 1;
        while (before >= 0 && UnicodeRanges.JoiningType(label[before]) == 'T')
        {
            before--;
        }

        int after = index + 1;
        while (after < label.Length && UnicodeRanges.JoiningType(label[after]) == 'T')
        {
            after++;
        }

        return before >= 0 && after < label.Length
            && UnicodeRanges.JoiningType(label[before]) is 'L' or 'D'
            && UnicodeRanges.JoiningType(label[after]) is 'R' or 'D';
    }

    /// <summary>RFC 5892 Appendix A.3–A.9.</summary>
    private static bool ContextORuleHolds(ReadOnlySpan<int> label, int index)
    {
        int codePoint = label[index];
        switch (codePoint)
        {
            case 0x00B7:
                return index > 0 && index + 1 < label.Length && label[index - 1] == 'l' && label[index + 1] == 'l';
            case 0x0375:
                return index + 1 < label.Length && UnicodeRanges.IsGreek(label[index + 1]);
            case 0x05F3 or 0x05F4:
                return index > 0 && UnicodeRanges.IsHebrew(label[index - 1]);
            case 0x30FB:
                foreach (int other in label)
                {
                    if (other != 0x30FB && UnicodeRanges.IsHiraganaKatakanaOrHan(other))
                    {
                        return true;
                    }
                }

                return false;
            case >= 0x0660 and <= 0x0669:
                foreach (int other in label)
                {
                    if (other is >= 0x06F0 and <= 0x06F9)
                    {
                        return false;
                    }
                }

                return true;
            case >= 0x06F0 and <= 0x06F9:
                foreach (int other in label)
                {
                    if (other is >= 0x0660 and <= 0x0669)
                    {
                        return false;
                    }
                }

                return true;
            default:
                return false;
        }
    }

    /// <summary>The six conditions of RFC 5893 §2 for one label.</summary>
    private static bool BidiRuleHolds(ReadOnlySpan<int> label, out bool rightToLeft)
    {
        rightToLeft = false;
        bool hasEuropeanNumber = false;
        bool hasArabicNumber = false;
        foreach (int codePoint in label)
        {
            var bidi = UnicodeRanges.Bidi(codePoint);
            rightToLeft |= bidi is BidiClass.R or BidiClass.AL or BidiClass.AN;
            hasEuropeanNumber |= bidi == BidiClass.EN;
            hasArabicNumber |= bidi == BidiClass.AN;
        }

        var first = UnicodeRanges.Bidi(label[0]);
        bool rtlLabel = first is BidiClass.R or BidiClass.AL;
        if (!rtlLabel && first != BidiClass.L)
        {
            return false;
        }

        foreach (int codePoint in label)
        {
            var bidi = UnicodeRanges.Bidi(codePoint);
            bool allowed = rtlLabel
                ? bidi is BidiClass.R or BidiClass.AL or BidiClass.AN or BidiClass.EN or BidiClass.ES or BidiClass.CS
                    or BidiClass.ET or BidiClass.ON or BidiClass.BN or BidiClass.NSM
                : bidi is BidiClass.L or BidiClass.EN or BidiClass.ES or BidiClass.CS or BidiClass.ET or BidiClass.ON
                    or BidiClass.BN or BidiClass.NSM;
            if (!allowed)
            {
                return false;
            }
        }

        int last = label.Length - 1;
        while (last > 0 && UnicodeRanges.Bidi(label[last]) == BidiClass.NSM)
        {
            last--;
        }

        var end = UnicodeRanges.Bidi(label[last]);
        return rtlLabel
            ? end is BidiClass.R or BidiClass.AL or BidiClass.EN or BidiClass.AN && !(hasEuropeanNumber && hasArabicNumber)
            : end is BidiClass.L or BidiClass.EN;
    }
}
