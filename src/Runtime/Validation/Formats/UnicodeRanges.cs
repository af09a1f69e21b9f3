using System;
using System.Globalization;

namespace Hooksmith.Validation;

/// <summary>Bidirectional classes of RFC 5893, as far as labels need them.</summary>
internal enum BidiClass
{
    L,
    R,
    AL,
    EN,
    AN,
    ES,
    CS,
    ET,
    ON,
    BN,
    NSM,
    Other,
}

/// <summary>
/// Unicode properties that .NET does not expose (bidirectional class, joining type, script,
/// canonical combining class 9), approximated by ranges for the scripts where IDNA uses them.
/// </summary>
internal static class UnicodeRanges
{
    /// <summary>Code points with Canonical_Combining_Class = Virama (9), Unicode 15.</summary>
    private static ReadOnlySpan<int> Viramas =>
    [
        0x094D, 0x09CD, 0x0A4D, 0x0ACD, 0x0B4D, 0x0BCD, 0x0C4D, 0x0CCD, 0x0D3B, 0x0D3C, 0x0D4D, 0x0DCA,
        0x0E3A, 0x0EBA, 0x0F84, 0x1039, 0x103A, 0x1714, 0x1715, 0x1734, 0x17D2, 0x1A60, 0x1B44, 0x1BAA,
        0x1BAB, 0x1BF2, 0x1BF3, 0x2D7F, 0xA806, 0xA82C, 0xA8C4, 0xA953, 0xA9C0, 0xAAF6, 0xABED, 0x10A3F,
        0x11046, 0x11070, 0x1107F, 0x110B9, 0x11133, 0x11134, 0x111C0, 0x11235, 0x112EA, 0x1134D, 0x11442,
        0x114C2, 0x115BF, 0x1163F, 0x116B6, 0x1172B, 0x11839, 0x1193D, 0x1193E, 0x119E0, 0x11A34, 0x11A47,
        0x11A99, 0x11C3F, 0x11D44, 0x11D45, 0x11D97, 0x11F41, 0x11F42,
    ];

    /// <summary>Greek script (for RFC 5892 A.4), as inclusive ranges.</summary>
    private static ReadOnlySpan<int> Greek =>
    [
        0x0370, 0x0373, 0x0375, 0x0377, 0x037A, 0x037D, 0x037F, 0x037F, 0x0384, 0x0384, 0x0386, 0x0386,
        0x0388, 0x038A, 0x038C, 0x038C, 0x038E, 0x03A1, 0x03A3, 0x03E1, 0x03F0, 0x03FF, 0x1D26, 0x1D2A,
        0x1D5D, 0x1D61, 0x1D66, 0x1D6A, 0x1DBF, 0x1DBF, 0x1F00, 0x1FFE, 0x2126, 0x2126, 0xAB65, 0xAB65,
        0x10140, 0x1018E, 0x101A0, 0x101A0, 0x1D200, 0x1D245,
    ];

    /// <summary>Hebrew script (for RFC 5892 A.5 and A.6), as inclusive ranges.</summary>
    private static ReadOnlySpan<int> Hebrew => [0x0591, 0x05F4, 0xFB1D, 0xFB4F];

    /// <summary>Hiragana, Katakana and Han scripts (for RFC 5892 A.7), as inclusive ranges.</summary>
    private static ReadOnlySpan<int> HiraganaKatakanaHan =>
    [
        0x2E80, 0x2E99, 0x2E9B, 0x2EF3, 0x2F00, 0x2FD5, 0x3005, 0x3005, 0x3007, 0x3007, 0x3021, 0x3029,
        0x3038, 0x303B, 0x3041, 0x3096, 0x309D, 0x309F, 0x30A1, 0x30FA, 0x30FD, 0x30FF, 0x31F0, 0x31FF,
        0x32D0, 0x32FE, 0x3300, 0x3357, 0x3400, 0x4DBF, 0x4E00, 0x9FFF, 0xF900, 0xFA6D, 0xFA70, 0xFAD9,
        0xFF66, 0xFF6F, 0xFF71, 0xFF9D, 0x16FF0, 0x16FF1, 0x1AFF0, 0x1AFFE, 0x1B000, 0x1B122, 0x1B132, 0x1B132,
        0x1B150, 0x1B152, 0x1B155, 0x1B155, 0x1B164, 0x1B167, 0x1F200, 0x1F200, 0x20000, 0x2A6DF,
        0x2A700, 0x2EBEF, 0x2F800, 0x2FA1F, 0x30000, 0x323AF,
    ];

    /// <summary>
    /// Joining types other than U and T (ArabicShaping.txt) for Arabic, Syriac, NKo, Mongolian and
    /// Phags-pa: start, end, type ('D', 'R', 'L' or 'C').
    /// </summary>
    private static ReadOnlySpan<int> JoiningTypes =>
    [
        0x0620, 0x0620, 'D', 0x0622, 0x0625, 'R', 0x0626, 0x0626, 'D', 0x0627, 0x0627, 'R',
        0x0628, 0x0628, 'D', 0x0629, 0x0629, 'R', 0x062A, 0x062E, 'D', 0x062F, 0x0632, 'R',
        0x0633, 0x063F, 'D', 0x0640, 0x0640, 'C', 0x0641, 0x0647, 'D', 0x0648, 0x0648, 'R',
        0x0649, 0x064A, 'D', 0x066E, 0x066F, 'D', 0x0671, 0x0673, 'R', 0x0675, 0x0677, 'R',
        0x0678, 0x0687, 'D', 0x0688, 0x0699, 'R', 0x069A, 0x06BF, 'D', 0x06C0, 0x06C0, 'R',
        0x06C1, 0x06C2, 'D', 0x06C3, 0x06CB, 'R', 0x06CC, 0x06CC, 'D', 0x06CD, 0x06CD, 'R',
        0x06CE, 0x06CE, 'D', 0x06CF, 0x06CF, 'R', 0x06D0, 0x06D1, 'D', 0x06D2, 0x06D3, 'R',
        0x06D5, 0x06D5, 'R', 0x06EE, 0x06EF, 'R', 0x06FA, 0x06FC, 'D', 0x06FF, 0x06FF, 'D',
        0x0710, 0x0710, 'R', 0x0712, 0x0714, 'D', 0x0715, 0x0719, 'R', 0x071A, 0x071D, 'D',
        0x071E, 0x071E, 'R', 0x071F, 0x0727, 'D', 0x0728, 0x0728, 'R', 0x0729, 0x0729, 'D',
        0x072A, 0x072A, 'R', 0x072B, 0x072B, 'D', 0x072C, 0x072C, 'R', 0x072D, 0x072E, 'D',
        0x072F, 0x072F, 'R', 0x074D, 0x074D, 'R', 0x074E, 0x0758, 'D', 0x0759, 0x075B, 'R',
        0x075C, 0x076A, 'D', 0x076B, 0x076C, 'R', 0x076D, 0x0770, 'D', 0x0771, 0x0771, 'R',
        0x0772, 0x0772, 'D', 0x0773, 0x0774, 'R', 0x0775, 0x0777, 'D', 0x0778, 0x0779, 'R',
        0x077A, 0x077F, 'D', 0x07CA, 0x07EA, 'D', 0x07FA, 0x07FA, 'C', 0x08A0, 0x08A9, 'D',
        0x08AA, 0x08AC, 'R', 0x08AE, 0x08AE, 'R', 0x08AF, 0x08B0, 'D', 0x08B1, 0x08B2, 'R',
        0x08B3, 0x08B8, 'D', 0x08B9, 0x08B9, 'R', 0x08BA, 0x08C8, 'D', 0x1807, 0x1807, 'D',
        0x180A, 0x180A, 'C', 0x1820, 0x1878, 'D', 0x1887, 0x18A8, 'D', 0x18AA, 0x18AA, 'D',
        0x200D, 0x200D, 'C', 0xA840, 0xA871, 'D', 0xA872, 0xA872, 'L',
    ];

    /// <summary>Arabic number (AN) ranges.</summary>
    private static ReadOnlySpan<int> ArabicNumbers =>
    [
        0x0600, 0x0605, 0x0660, 0x0669, 0x066B, 0x066C, 0x06DD, 0x06DD, 0x0890, 0x0891, 0x08E2, 0x08E2,
        0x10D30, 0x10D39, 0x10E60, 0x10E7E,
    ];

    /// <summary>European number (EN) ranges beyond ASCII digits.</summary>
    private static ReadOnlySpan<int> EuropeanNumbers =>
    [
        0x00B2, 0x00B3, 0x00B9, 0x00B9, 0x06F0, 0x06F9, 0x2070, 0x2070, 0x2074, 0x2079, 0x2080, 0x2089,
        0x2488, 0x249B, 0xFF10, 0xFF19, 0x102E1, 0x102FB, 0x1D7CE, 0x1D7FF, 0x1F100, 0x1F10A, 0x1FBF0, 0x1FBF9,
    ];

    /// <summary>Arabic letter (AL) blocks; marks and numbers inside them are classed first.</summary>
    private static ReadOnlySpan<int> ArabicLetters =>
    [
        0x0600, 0x07BF, 0x0860, 0x08FF, 0xFB50, 0xFDFF, 0xFE70, 0xFEFF, 0x10D00, 0x10D3F, 0x10EC0, 0x10EFF,
        0x10F30, 0x10F6F, 0x1EC70, 0x1ECBF, 0x1ED00, 0x1ED4F, 0x1EE00, 0x1EEFF,
    ];

    /// <summary>Right-to-left (R) blocks.</summary>
    private static ReadOnlySpan<int> RightToLeft =>
    [
        0x0590, 0x05FF, 0x07C0, 0x085F, 0xFB1D, 0xFB4F, 0x10800, 0x10CFF, 0x10D40, 0x10EBF, 0x10F00, 0x10F2F,
        0x10F70, 0x10FFF, 0x1E800, 0x1EC6F, 0x1ECC0, 0x1ECFF, 0x1ED50, 0x1EDFF, 0x1EF00, 0x1EFFF,
    ];

    public static bool IsVirama(int codePoint) => Viramas.BinarySearch(codePoint) >= 0;

    public static bool IsGreek(int codePoint) => InRanges(Greek, codePoint);

    public static bool IsHebrew(int codePoint) => InRanges(Hebrew, codePoint);

    public static bool IsHiraganaKatakanaOrHan(int codePoint) => InRanges(HiraganaKatakanaHan, codePoint);

    /// <summary>The joining type: 'D', 'R', 'L', 'C', 'T' (transparent) or 'U' (non-joining).</summary>
    public static char JoiningType(int codePoint)
    {
        var table = JoiningTypes;
        int low = 0;
        int high = (table.Length / 3) - 1;
        while (low <= high)
        {
            int middle = (low + high) >>> 1;
            if (codePoint < table[middle * 3])
            {
                high = middle - 1;
            }
            else if (codePoint > table[(middle * 3) + 1])
            {
                low = middle + 1;
            }
            else
            {
                return (char)table[(middle * 3) + 2];
            }
        }

        // Joining_Type T is derived from these categories for the characters not listed.
        return CharUnicodeInfo.GetUnicodeCategory(codePoint) is UnicodeCategory.NonSpacingMark
            or UnicodeCategory.EnclosingMark or UnicodeCategory.Format ? 'T' : 'U';
    }

    public static BidiClass Bidi(int codePoint)
    {
        if (codePoint < 0x80)
        {
            return codePoint switch
            {
                >= '0' and <= '9' => BidiClass.EN,
                >= 'a' and <= 'z' or >= 'A' and <= 'Z' => BidiClass.L,
                '+' or '-' => BidiClass.ES,
                ',' or '.' or '/' or ':' => BidiClass.CS,
                '#' or '$' or '%' => BidiClass.ET,
                < 0x09 or (> 0x0D and < 0x1C) or 0x7F => BidiClass.BN,
                0x09 or 0x0A or 0x0B or 0x0C or 0x0D or 0x1C or 0x1D or 0x1E or 0x1F or ' ' => BidiClass.Other,
                _ => BidiClass.ON,
            };
        }

        if (InRanges(ArabicNumbers, codePoint))
        {
            return BidiClass.AN;
        }

        if (InRanges(EuropeanNumbers, codePoint))
        {
            return BidiClass.EN;
        }

        var category = CharUnicodeInfo.GetUnicodeCategory(codePoint);
        switch (category)
        {
            case UnicodeCategory.NonSpacingMark:
            case UnicodeCategory.EnclosingMark:
                return BidiClass.NSM;
            case UnicodeCategory.Format:
                return codePoint switch
                {
                    0x200E => BidiClass.L,
                    0x200F => BidiClass.R,
                    0x061C => BidiClass.AL,
                    _ => BidiClass.BN,
                };
        }

        if (InRanges(RightToLeft, codePoint))
        {
            return BidiClass.R;
        }

        if (InRanges(ArabicLetters, codePoint))
        {
            return BidiClass.AL;
        }

        return category switch
        {
            UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter or UnicodeCategory.TitlecaseLetter
                or UnicodeCategory.ModifierLetter or UnicodeCategory.OtherLetter or UnicodeCategory.SpacingCombiningMark
                or UnicodeCategory.DecimalDigitNumber or UnicodeCategory.LetterNumber or UnicodeCategory.OtherNumber => BidiClass.L,
            UnicodeCategory.SpaceSeparator or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator
                or UnicodeCategory.Control => BidiClass.Other,
            _ => BidiClass.ON,
        };
    }

    /// <summary>True when <paramref name="codePoint"/> lies in one of the inclusive, sorted (start, end) pairs.</summary>
    public static bool InRanges(ReadOnlySpan<int> ranges, int codePoint)
    {
        int low = 0;
        int high = (ranges.Length / 2) - 1;
        while (low <= high)
        {
            int middle = (low + high) >>> 1;
            if (codePoint < ranges[middle * 2])
            {
                high = middle - 1;
            }
            else if (codePoint > ranges[(middle * 2) + 1])
            {
                low = middle + 1;
            }
            else
            {
                return true;
            }
        }

        return false;
    }
}
