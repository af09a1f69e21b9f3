using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using Hooksmith.Generator.Model;
using Microsoft.CodeAnalysis.CSharp;

namespace Hooksmith.Generator.Naming;

/// <summary>Turns JSON names (keys, titles, enum values) into C# identifiers.</summary>
internal static class Identifiers
{
    /// <summary>
    /// PascalCase from any text: words are split at anything that is not a letter or digit and at
    /// lower-to-upper humps; all-capital words are capitalised (<c>PAID</c> → <c>Paid</c>), other
    /// words keep their inner capitals (<c>OrderCalculated</c> stays). Returns "" when nothing is left.
    /// </summary>
    public static string ToPascalCase(string text) => ToPascalCase(text, keepCapitals: false);

    /// <summary>
    /// As <see cref="ToIdentifier"/>, but every word keeps the capitals it is spelled with (<c>iDealConsumerIBAN</c> →
    /// <c>IDealConsumerIBAN</c>, where <see cref="ToIdentifier"/> gives <c>IDealConsumerIban</c>): the name to tell apart
    /// JSON names that differ only in the case of a word, since C# names are case-sensitive too.
    /// </summary>
    public static string ToIdentifierKeepingCapitals(string text, string fallback)
        => SpellsAsWords(text) ? ToIdentifier(text, fallback) : Finish(ToPascalCase(text, keepCapitals: true), text, fallback);

    private static string ToPascalCase(string text, bool keepCapitals)
    {
        var builder = StringBuilderPool.Rent();
        var start = 0;
        while (NextWord(text, ref start, out var length))
        {
            var allUpper = !keepCapitals;
            for (var i = start; i < start + length && allUpper; i++)
            {
                allUpper = !char.IsLower(text[i]);
            }

            builder.Append(char.ToUpperInvariant(text[start]));
            for (var i = start + 1; i < start + length; i++)
            {
                builder.Append(allUpper ? char.ToLowerInvariant(text[i]) : text[i]);
            }

            start += length;
        }

        return StringBuilderPool.ToStringAndReturn(builder);
    }

    /// <summary>
    /// The longest identifier generated. Metadata names are limited (1024 UTF-8 bytes, error CS7013 when
    /// the assembly is written), type names become file names, and longer names help no one.
    /// </summary>
    public const int MaxLength = 128;

    /// <summary>A valid C# identifier for <paramref name="text"/>, never empty, never a keyword, at most <see cref="MaxLength"/> characters (plus '@').</summary>
    public static string ToIdentifier(string text, string fallback)
        => Finish(SpellsAsWords(text) ? SpellOut(text) : ToPascalCase(text), text, fallback);

    /// <summary>Makes a PascalCased <paramref name="name"/> of <paramref name="text"/> a valid identifier.</summary>
    private static string Finish(string name, string text, string fallback)
    {
        if (name.Length == 0)
        {
            name = text.Length == 0 ? fallback : fallback + EncodeSymbols(text);
        }

        if (char.IsDigit(name[0]))
        {
            name = "_" + name;
        }

        name = Shorten(name);

        if (SyntaxFacts.GetKeywordKind(name) != SyntaxKind.None || SyntaxFacts.GetContextualKeywordKind(name) != SyntaxKind.None)
        {
            name = "@" + name;
        }

        return name;
    }

    /// <summary>
    /// A C# namespace for a configured one: each dotted part that is not a plain identifier (a keyword,
    /// "My-Company", "1Foo", "@x") is made one as <see cref="ToIdentifier"/> does, and empty parts are
    /// dropped. Plain parts are kept as they are, so a valid namespace comes back unchanged. Parts never
    /// need '@', which a source file's hint name may not contain.
    /// </summary>
    public static string ToNamespace(string text, string fallback)
    {
        var parts = new List<string>();
        foreach (var part in text.Split('.'))
        {
            var trimmed = part.Trim();
            if (trimmed.Length == 0)
            {
                continue;
            }

            var isPlain = SyntaxFacts.IsValidIdentifier(trimmed)
                && trimmed[0] != '@'
                && SyntaxFacts.GetKeywordKind(trimmed) == SyntaxKind.None
                && SyntaxFacts.GetContextualKeywordKind(trimmed) == SyntaxKind.None;
            parts.Add(isPlain ? Shorten(trimmed) : ToIdentifier(trimmed, "N").TrimStart('@'));
        }

        return parts.Count == 0 ? fallback : string.Join(".", parts);
    }

    /// <summary>
    /// Cuts a name to <see cref="MaxLength"/>, ending it with a hash of the whole name so that long names
    /// that differ only at the end stay distinct, the same way in every build.
    /// </summary>
    private static string Shorten(string name)
    {
        if (name.Length <= MaxLength)
        {
            return name;
        }

        // FNV-1a: string.GetHashCode differs from one process to the next.
        var hash = 2166136261u;
        foreach (var c in name)
        {
            hash = unchecked((hash ^ c) * 16777619u);
        }

        return name.Substring(0, MaxLength - 9) + "_" + hash.ToString("X8", CultureInfo.InvariantCulture);
    }

    private static readonly string[] DigitWords = ["Zero", "One", "Two", "Three", "Four", "Five", "Six", "Seven", "Eight", "Nine"];

    /// <summary>
    /// Whether a name is made of digits and symbols only, with at least one symbol (<c>+1</c>, <c>-1</c>,
    /// <c>*</c>, <c>1.5</c>): dropping the symbols would make <c>+1</c> and <c>-1</c> one name.
    /// </summary>
    private static bool HasSymbolsButNoLetters(string text)
    {
        var symbols = false;
        foreach (var c in text)
        {
            if (IsIdentifierChar(c) && !char.IsDigit(c))
            {
                return false;
            }

            symbols |= !char.IsDigit(c) && !char.IsWhiteSpace(c);
        }

        return symbols;
    }

    /// <summary>
    /// Whether a name is spelled as words: symbols alone (<c>*</c>, <c>$</c>) or a signed or decimal number
    /// (<c>+1</c>, <c>-1</c>, <c>1.5</c>), whose symbols carry the meaning. Other names of digits and
    /// symbols (<c>2024-01</c>, a folder or version) keep their digits: <c>_202401</c>.
    /// </summary>
    private static bool SpellsAsWords(string text)
    {
        if (!HasSymbolsButNoLetters(text))
        {
            return false;
        }

        var trimmed = text.Trim();
        var i = 0;
        var digits = 0;
        if (i < trimmed.Length && trimmed[i] is '+' or '-')
        {
            i++;
        }

        for (; i < trimmed.Length && char.IsDigit(trimmed[i]); i++)
        {
            digits++;
        }

        if (i < trimmed.Length && trimmed[i] == '.')
        {
            for (i++; i < trimmed.Length && char.IsDigit(trimmed[i]); i++)
            {
                digits++;
            }
        }

        var number = digits > 0 && i == trimmed.Length;
        return number || !trimmed.Any(char.IsDigit);
    }

    /// <summary>
    /// Spells a name of digits and symbols as words: <c>+1</c> → <c>PlusOne</c>, <c>-1</c> → <c>MinusOne</c>,
    /// <c>1.5</c> → <c>OneDotFive</c>. A symbol without a word is encoded (<c>U2603</c>), so distinct names stay distinct.
    /// </summary>
    private static string SpellOut(string text)
    {
        var builder = new StringBuilder();
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c))
            {
                continue;
            }

            builder.Append(c is >= '0' and <= '9' ? DigitWords[c - '0'] : SymbolWord(c));
        }

        return builder.ToString();
    }

    private static string SymbolWord(char c) => c switch
    {
        '+' => "Plus",
        '-' => "Minus",
        '*' => "Star",
        '/' => "Slash",
        '\\' => "Backslash",
        '.' => "Dot",
        ',' => "Comma",
        ':' => "Colon",
        ';' => "Semicolon",
        '=' => "Equals",
        '<' => "LessThan",
        '>' => "GreaterThan",
        '!' => "Bang",
        '?' => "Question",
        '#' => "Hash",
        '$' => "Dollar",
        '%' => "Percent",
        '&' => "And",
        '@' => "At",
        '^' => "Caret",
        '~' => "Tilde",
        '|' => "Pipe",
        '_' => "Underscore",
        '\'' => "Quote",
        '"' => "DoubleQuote",
        '`' => "Backtick",
        '(' => "OpenParen",
        ')' => "CloseParen",
        '[' => "OpenBracket",
        ']' => "CloseBracket",
        '{' => "OpenBrace",
        '}' => "CloseBrace",
        _ => "U" + ((int)c).ToString("X4", CultureInfo.InvariantCulture),
    };

    /// <summary>Text for names made only of symbols: <c>$</c> → <c>U0024</c>, so distinct names stay distinct.</summary>
    private static string EncodeSymbols(string text)
    {
        var builder = new StringBuilder();
        foreach (var c in text)
        {
            builder.Append('U').Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
            if (builder.Length > 40)
            {
                break;
            }
        }

        return builder.ToString();
    }

    /// <summary>
    /// Finds the next word of a name at or after <paramref name="start"/>: a run of letters and digits, split
    /// at camelCase humps (<c>orderId</c> → <c>order</c>, <c>Id</c>) with acronyms kept together
    /// (<c>HTTPServer</c> → <c>HTTP</c>, <c>Server</c>). False when there is none.
    /// </summary>
    private static bool NextWord(string text, ref int start, out int length)
    {
        while (start < text.Length && !IsIdentifierChar(text[start]))
        {
            start++;
        }

        var end = start;
        while (end < text.Length && IsIdentifierChar(text[end]))
        {
            if (end > start && char.IsUpper(text[end]))
            {
                var previous = text[end - 1];
                var nextIsLower = end + 1 < text.Length && char.IsLower(text[end + 1]);
                if (char.IsLower(previous) || char.IsDigit(previous) || (char.IsUpper(previous) && nextIsLower))
                {
                    break;
                }
            }

            end++;
        }

        length = end - start;
        return length > 0;
    }

    private static bool IsIdentifierChar(char c)
    {
        if (c < 128)
        {
            return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
        }

        return CharUnicodeInfo.GetUnicodeCategory(c) switch
        {
            UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter or UnicodeCategory.TitlecaseLetter
                or UnicodeCategory.ModifierLetter or UnicodeCategory.OtherLetter or UnicodeCategory.DecimalDigitNumber => true,
            _ => false,
        };
    }
}
