using System;
using System.Collections.Generic;
using System.Globalization;

namespace Hooksmith.Generator.Planning;

/// <summary>
/// A set of Unicode code points (0 to 0x10FFFF, lone surrogates included) as sorted, disjoint,
/// non-adjacent inclusive ranges: the meaning of an ECMA-262 character class in Unicode mode.
/// </summary>
internal sealed class EcmaPatternCodePointSet
{
    public const int MaxCodePoint = 0x10FFFF;

    private readonly List<(int Low, int High)> ranges = new();
    private bool normalized = true;

    public static EcmaPatternCodePointSet Empty() => new();

    public static EcmaPatternCodePointSet Of(int low, int high)
    {
        var set = new EcmaPatternCodePointSet();
        set.Add(low, high);
        return set;
    }

    /// <summary>The ranges, sorted and merged.</summary>
    public IReadOnlyList<(int Low, int High)> Ranges
    {
        get
        {
            Normalize();
            return ranges;
        }
    }

    public void Add(int low, int high)
    {
        if (low > high)
        {
            return;
        }

        ranges.Add((low, high));
        normalized = false;
    }

    public void Add(int codePoint) => Add(codePoint, codePoint);

    public void AddAll(EcmaPatternCodePointSet other)
    {
        foreach (var (low, high) in other.Ranges)
        {
            Add(low, high);
        }
    }

    /// <summary>Every code point not in this set.</summary>
    public EcmaPatternCodePointSet Complement()
    {
        var result = new EcmaPatternCodePointSet();
        var next = 0;
        foreach (var (low, high) in Ranges)
        {
            result.Add(next, low - 1);
            next = high + 1;
        }

        result.Add(next, MaxCodePoint);
        return result;
    }

    /// <summary>The part of this set within <paramref name="low"/>..<paramref name="high"/>.</summary>
    public List<(int Low, int High)> Within(int low, int high)
    {
        var result = new List<(int Low, int High)>();
        foreach (var (l, h) in Ranges)
        {
            var a = Math.Max(l, low);
            var b = Math.Min(h, high);
            if (a <= b)
            {
                result.Add((a, b));
            }
        }

        return result;
    }

    private void Normalize()
    {
        if (normalized)
        {
            return;
        }

        ranges.Sort((x, y) => x.Low.CompareTo(y.Low));
        var write = 0;
        for (var read = 0; read < ranges.Count; read++)
        {
            var current = ranges[read];
            if (write > 0 && current.Low <= ranges[write - 1].High + 1)
            {
                var last = ranges[write - 1];
                ranges[write - 1] = (last.Low, Math.Max(last.High, current.High));
            }
            else
            {
                ranges[write++] = current;
            }
        }

        ranges.RemoveRange(write, ranges.Count - write);
        normalized = true;
    }
}

/// <summary>
/// Unicode General_Category data for ECMA-262 <c>\p{…}</c>, taken from the running .NET's
/// <see cref="CharUnicodeInfo"/>, for every code point (so astral ones too, which .NET regex
/// classes like <c>\p{L}</c> cannot match because they see UTF-16 code units).
/// </summary>
internal static class EcmaPatternUnicode
{
    private static readonly Dictionary<string, UnicodeCategory[]> Categories = BuildCategoryNames();

    /// <summary>The categories a General_Category value (short name, long name or alias) stands for.</summary>
    public static bool TryGetCategories(string name, out UnicodeCategory[] categories)
        => Categories.TryGetValue(name, out categories!);

    public static EcmaPatternCodePointSet SetOf(UnicodeCategory[] categories)
    {
        var wanted = new bool[32];
        foreach (var category in categories)
        {
            wanted[(int)category] = true;
        }

        var set = EcmaPatternCodePointSet.Empty();
        var table = Table.Runs;
        for (var i = 0; i < table.Length; i++)
        {
            if (wanted[table[i].Category])
            {
                var end = i + 1 < table.Length ? table[i + 1].Start - 1 : EcmaPatternCodePointSet.MaxCodePoint;
                set.Add(table[i].Start, end);
            }
        }

        return set;
    }

    private static Dictionary<string, UnicodeCategory[]> BuildCategoryNames()
    {
        var map = new Dictionary<string, UnicodeCategory[]>(StringComparer.Ordinal);
        void Add(UnicodeCategory[] categories, params string[] names)
        {
            foreach (var name in names)
            {
                map[name] = categories;
            }
        }

        UnicodeCategory[] One(UnicodeCategory c) => new[] { c };

        Add(One(UnicodeCategory.UppercaseLetter), "Lu", "Uppercase_Letter");
        Add(One(UnicodeCategory.LowercaseLetter), "Ll", "Lowercase_Letter");
        Add(One(UnicodeCategory.TitlecaseLetter), "Lt", "Titlecase_Letter");
        Add(One(UnicodeCategory.ModifierLetter), "Lm", "Modifier_Letter");
        Add(One(UnicodeCategory.OtherLetter), "Lo", "Other_Letter");
        Add(new[] { UnicodeCategory.UppercaseLetter, UnicodeCategory.LowercaseLetter, UnicodeCategory.TitlecaseLetter }, "LC", "Cased_Letter");
        Add(new[] { UnicodeCategory.UppercaseLetter, UnicodeCategory.LowercaseLetter, UnicodeCategory.TitlecaseLetter, UnicodeCategory.ModifierLetter, UnicodeCategory.OtherLetter }, "L", "Letter");
        Add(One(UnicodeCategory.NonSpacingMark), "Mn", "Nonspacing_Mark");
        Add(One(UnicodeCategory.SpacingCombiningMark), "Mc", "Spacing_Mark");
        Add(One(UnicodeCategory.EnclosingMark), "Me", "Enclosing_Mark");
        Add(new[] { UnicodeCategory.NonSpacingMark, UnicodeCategory.SpacingCombiningMark, UnicodeCategory.EnclosingMark }, "M", "Mark", "Combining_Mark");
        Add(One(UnicodeCategory.DecimalDigitNumber), "Nd", "Decimal_Number", "digit");
        Add(One(UnicodeCategory.LetterNumber), "Nl", "Letter_Number");
        Add(One(UnicodeCategory.OtherNumber), "No", "Other_Number");
        Add(new[] { UnicodeCategory.DecimalDigitNumber, UnicodeCategory.LetterNumber, UnicodeCategory.OtherNumber }, "N", "Number");
        Add(One(UnicodeCategory.ConnectorPunctuation), "Pc", "Connector_Punctuation");
        Add(One(UnicodeCategory.DashPunctuation), "Pd", "Dash_Punctuation");
        Add(One(UnicodeCategory.OpenPunctuation), "Ps", "Open_Punctuation");
        Add(One(UnicodeCategory.ClosePunctuation), "Pe", "Close_Punctuation");
        Add(One(UnicodeCategory.InitialQuotePunctuation), "Pi", "Initial_Punctuation");
        Add(One(UnicodeCategory.FinalQuotePunctuation), "Pf", "Final_Punctuation");
        Add(One(UnicodeCategory.OtherPunctuation), "Po", "Other_Punctuation");
        Add(new[] { UnicodeCategory.ConnectorPunctuation, UnicodeCategory.DashPunctuation, UnicodeCategory.OpenPunctuation, UnicodeCategory.ClosePunctuation, UnicodeCategory.InitialQuotePunctuation, UnicodeCategory.FinalQuotePunctuation, UnicodeCategory.OtherPunctuation }, "P", "Punctuation", "punct");
        Add(One(UnicodeCategory.MathSymbol), "Sm", "Math_Symbol");
        Add(One(UnicodeCategory.CurrencySymbol), "Sc", "Currency_Symbol");
        Add(One(UnicodeCategory.ModifierSymbol), "Sk", "Modifier_Symbol");
        Add(One(UnicodeCategory.OtherSymbol), "So", "Other_Symbol");
        Add(new[] { UnicodeCategory.MathSymbol, UnicodeCategory.CurrencySymbol, UnicodeCategory.ModifierSymbol, UnicodeCategory.OtherSymbol }, "S", "Symbol");
        Add(One(UnicodeCategory.SpaceSeparator), "Zs", "Space_Separator");
        Add(One(UnicodeCategory.LineSeparator), "Zl", "Line_Separator");
        Add(One(UnicodeCategory.ParagraphSeparator), "Zp", "Paragraph_Separator");
        Add(new[] { UnicodeCategory.SpaceSeparator, UnicodeCategory.LineSeparator, UnicodeCategory.ParagraphSeparator }, "Z", "Separator");
        Add(One(UnicodeCategory.Control), "Cc", "Control", "cntrl");
        Add(One(UnicodeCategory.Format), "Cf", "Format");
        Add(One(UnicodeCategory.Surrogate), "Cs", "Surrogate");
        Add(One(UnicodeCategory.PrivateUse), "Co", "Private_Use");
        Add(One(UnicodeCategory.OtherNotAssigned), "Cn", "Unassigned");
        Add(new[] { UnicodeCategory.Control, UnicodeCategory.Format, UnicodeCategory.Surrogate, UnicodeCategory.PrivateUse, UnicodeCategory.OtherNotAssigned }, "C", "Other");
        return map;
    }

    /// <summary>Runs of equal category over all code points, built once on first use.</summary>
    private static class Table
    {
        public static readonly (int Start, int Category)[] Runs = Build();

        private static (int Start, int Category)[] Build()
        {
            var runs = new List<(int Start, int Category)>();
            var previous = -1;
            var pair = new char[2];
            for (var cp = 0; cp <= EcmaPatternCodePointSet.MaxCodePoint; cp++)
            {
                int category;
                if (cp < 0x10000)
                {
                    category = (int)CharUnicodeInfo.GetUnicodeCategory((char)cp);
                }
                else
                {
                    var offset = cp - 0x10000;
                    pair[0] = (char)(0xD800 + (offset >> 10));
                    pair[1] = (char)(0xDC00 + (offset & 0x3FF));
                    category = (int)CharUnicodeInfo.GetUnicodeCategory(new string(pair), 0);
                }

                if (category != previous)
                {
                    runs.Add((cp, category));
                    previous = category;
                }
            }

            return runs.ToArray();
        }
    }
}
