using System.Collections.Generic;
using System.Globalization;
using System.Text;
using CsCheck;
using Hooksmith.Generator.Naming;
using Xunit;

namespace Hooksmith.Generator.Tests.Naming;

/// <summary>
/// <see cref="Identifiers.ToPascalCase(string)"/> splits a name into words in place (no string per word). Its words
/// must stay what they were when each word was built as a string of its own, since every generated name comes from
/// them: the reference below is that earlier splitting, kept as the specification.
/// </summary>
public sealed class PascalCaseTests
{
    /// <summary>
    /// Names made of the characters that decide the splitting: both cases (with acronyms), digits, separators,
    /// letters outside ASCII (titlecase <c>ǅ</c>, <c>İ</c>, <c>ß</c>, Greek, CJK) and a character outside the BMP.
    /// </summary>
    private static readonly Gen<string> Name = Choose(
        "a", "b", "z", "A", "B", "Z", "0", "7", "_", "-", ".", " ", "$", "/", "é", "É", "ß", "İ", "ǅ", "ω", "Ω", "中", "𝄞",
        "id", "Id", "ID", "url", "URL", "Http", "HTTP", "v2", "V2").Array[0, 10].Select(parts => string.Concat(parts));

    private static Gen<string> Choose(params string[] choices) => Gen.Int[0, choices.Length - 1].Select(i => choices[i]);

    [Fact]
    public void ToPascalCase_GivesWhatTheWordByWordSplittingGave()
    {
        Name.Sample(name => Assert.Equal(Reference(name), Identifiers.ToPascalCase(name)), iter: 20_000);
    }

    [Theory]
    [InlineData("orderId", "OrderId")]
    [InlineData("HTTPServer", "HttpServer")]
    [InlineData("customer.order.updated", "CustomerOrderUpdated")]
    [InlineData("__x__y", "XY")]
    [InlineData("", "")]
    [InlineData("v2Items", "V2Items")]
    public void ToPascalCase_Examples(string name, string expected) => Assert.Equal(expected, Identifiers.ToPascalCase(name));

    [Fact]
    public void KeepingCapitals_KeepsEachWordsCapitals() =>
        Assert.Equal("IDealConsumerIBAN", Identifiers.ToIdentifierKeepingCapitals("iDealConsumerIBAN", "Value"));

    /// <summary>The earlier implementation: each word built as a string, then cased.</summary>
    private static string Reference(string text)
    {
        var builder = new StringBuilder();
        foreach (var word in ReferenceWords(text))
        {
            var allUpper = true;
            foreach (var c in word)
            {
                if (char.IsLower(c))
                {
                    allUpper = false;
                    break;
                }
            }

            builder.Append(char.ToUpperInvariant(word[0]));
            var rest = word.Substring(1);
            builder.Append(allUpper ? rest.ToLowerInvariant() : rest);
        }

        return builder.ToString();
    }

    private static IEnumerable<string> ReferenceWords(string text)
    {
        var word = new StringBuilder();
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (!IsLetterOrDigit(c))
            {
                if (word.Length > 0)
                {
                    yield return word.ToString();
                    word.Clear();
                }

                continue;
            }

            if (word.Length > 0 && char.IsUpper(c))
            {
                var previous = text[i - 1];
                var nextIsLower = i + 1 < text.Length && char.IsLower(text[i + 1]);
                if (char.IsLower(previous) || char.IsDigit(previous) || (char.IsUpper(previous) && nextIsLower))
                {
                    yield return word.ToString();
                    word.Clear();
                }
            }

            word.Append(c);
        }

        if (word.Length > 0)
        {
            yield return word.ToString();
        }
    }

    private static bool IsLetterOrDigit(char c) => c < 128
        ? c is >= 'a' and <= 'z' or >= 'A' and <= 'Z' or >= '0' and <= '9'
        : CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter
            or UnicodeCategory.TitlecaseLetter or UnicodeCategory.ModifierLetter or UnicodeCategory.OtherLetter
            or UnicodeCategory.DecimalDigitNumber;
}
