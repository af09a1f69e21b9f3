using System;
using System.Globalization;
using System.Numerics;

namespace Hooksmith.Generator.Tests.Json;

// Inside the namespace, so these win over the runtime's public Hooksmith.JsonPointer and Hooksmith.JsonNumber.
using Hooksmith.Generator.Json;

public class JsonNumberTests
{
    [Theory]
    [InlineData("0", "0")]
    [InlineData("-0", "0")]
    [InlineData("-0.0e-5", "0")]
    [InlineData("1", "1")]
    [InlineData("-17", "-17")]
    [InlineData("1.0", "1")]
    [InlineData("1.000000000000000000000000000000", "1")]
    [InlineData("1e2", "100")]
    [InlineData("1E+2", "100")]
    [InlineData("2.50e1", "25")]
    [InlineData("-1.5e1", "-15")]
    [InlineData("100e-2", "1")]
    [InlineData("1e007", "10000000")]
    [InlineData("0.5e1", "5")]
    [InlineData("123456789012345678901234567890", "123456789012345678901234567890")]
    [InlineData("-9223372036854775809", "-9223372036854775809")]
    [InlineData("1.23456789012345678901234567890e29", "123456789012345678901234567890")]
    public void TryGetInteger_accepts_every_notation_of_an_integer(string literal, string expected)
    {
        Assert.True(JsonNumber.TryGetInteger(literal, out var value));
        Assert.Equal(BigInteger.Parse(expected, CultureInfo.InvariantCulture), value);
        Assert.True(JsonNumber.IsInteger(literal));
    }

    [Theory]
    [InlineData("1.5")]
    [InlineData("1e-1")]
    [InlineData("0.1")]
    [InlineData("-0.5")]
    [InlineData("12345678901234567890.5")]
    [InlineData("1.0000000000000000000000000001")]
    [InlineData("25e-1")]
    [InlineData("1e-100000000")]
    public void TryGetInteger_rejects_fractions(string literal)
    {
        Assert.False(JsonNumber.TryGetInteger(literal, out var value));
        Assert.Equal(BigInteger.Zero, value);
        Assert.False(JsonNumber.IsInteger(literal));
    }

    [Theory]
    [InlineData("")]
    [InlineData("01")]
    [InlineData("1.")]
    [InlineData(".5")]
    [InlineData("+1")]
    [InlineData("1e")]
    [InlineData("NaN")]
    [InlineData("1 ")]
    [InlineData("--1")]
    [InlineData("0x10")]
    public void Invalid_literals_are_not_integers_and_not_valid(string literal)
    {
        Assert.False(JsonNumber.TryGetInteger(literal, out _));
        Assert.False(JsonNumber.IsValid(literal));
        Assert.False(JsonNumber.MathEquals(literal, literal));
        Assert.False(JsonNumber.IsMultipleOf(literal, "1"));
        Assert.Throws<ArgumentException>(() => JsonNumber.Compare(literal, "1"));
        Assert.Throws<ArgumentException>(() => JsonNumber.Compare("1", literal));
    }

    [Fact]
    public void One_e_400_is_an_integer_computed_exactly()
    {
        Assert.True(JsonNumber.TryGetInteger("1e400", out var value));
        Assert.Equal(BigInteger.Pow(10, 400), value);

        Assert.True(JsonNumber.TryGetInteger("-3.5e400", out var negative));
        Assert.Equal(-35 * BigInteger.Pow(10, 399), negative);
    }

    [Fact]
    public void Absurd_exponents_give_up_instead_of_allocating()
    {
        var before = GC.GetAllocatedBytesForCurrentThread();

        Assert.False(JsonNumber.TryGetInteger("1e100000000", out _));
        Assert.False(JsonNumber.TryGetInteger("1e99999999999999999999999999", out _));
        Assert.True(JsonNumber.IsInteger("1e100000000"));
        Assert.True(JsonNumber.TryGetInteger("1e9999", out var largest));
        Assert.Equal(BigInteger.Pow(10, 9999), largest);
        Assert.False(JsonNumber.TryGetInteger("1e10000", out _));

        // 10^100000000 would take about 40 MB; what is allowed (10^9999 and its digits) is a few KB.
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.True(allocated < 1_000_000, $"{allocated} bytes allocated");
    }

    [Theory]
    [InlineData("1.0", "1", 0)]
    [InlineData("1e2", "99.9", 1)]
    [InlineData("99.9", "1e2", -1)]
    [InlineData("-1", "1", -1)]
    [InlineData("0", "-0", 0)]
    [InlineData("-0.0", "0e10", 0)]
    [InlineData("0", "1e-1000000000", -1)]
    [InlineData("0", "-1e-1000000000", 1)]
    [InlineData("1e1000000000", "1e999999999", 1)]
    [InlineData("-1e1000000000", "-1e999999999", -1)]
    [InlineData("1e99999999999999999999999", "1e99999999999999999999998", 1)]
    [InlineData("9.99e99999999999999999999998", "1e99999999999999999999999", -1)]
    [InlineData("123.456", "123.4560001", -1)]
    [InlineData("123.4560", "123.456", 0)]
    [InlineData("99999999999999999999", "1e20", -1)]
    [InlineData("1e20", "100000000000000000000", 0)]
    [InlineData("12", "1.2e1", 0)]
    [InlineData("0.001", "1E-3", 0)]
    [InlineData("-2", "-10", 1)]
    [InlineData("0.1", "0.09999999999999999999999999", 1)]
    [InlineData("9007199254740993", "9007199254740992", 1)]
    public void Compare_is_exact_on_mathematical_values(string a, string b, int expected)
    {
        Assert.Equal(expected, Math.Sign(JsonNumber.Compare(a, b)));
        Assert.Equal(-expected, Math.Sign(JsonNumber.Compare(b, a)));
        Assert.Equal(expected == 0, JsonNumber.MathEquals(a, b));
        Assert.Equal(expected == 0, JsonNumber.MathEquals(b, a));
    }

    [Fact]
    public void Compare_agrees_with_decimal_on_random_literals()
    {
        var random = new Random(99);
        for (var i = 0; i < 5000; i++)
        {
            var a = RandomLiteral(random);
            var b = RandomLiteral(random);
            var expected = decimal.Parse(a, NumberStyles.Float, CultureInfo.InvariantCulture)
                .CompareTo(decimal.Parse(b, NumberStyles.Float, CultureInfo.InvariantCulture));

            Assert.True(Math.Sign(expected) == Math.Sign(JsonNumber.Compare(a, b)), a + " vs " + b);
        }
    }

    [Theory]
    [InlineData("0.0075", "0.0001", true)]
    [InlineData("1e308", "0.123456789", false)]
    [InlineData("10", "2.5", true)]
    [InlineData("0.3", "0.1", true)]
    [InlineData("4.5", "1.5", true)]
    [InlineData("4.6", "1.5", false)]
    [InlineData("1", "3", false)]
    [InlineData("-12", "4", true)]
    [InlineData("0", "3", true)]
    [InlineData("-0.0", "0.7", true)]
    [InlineData("7", "0", false)]
    [InlineData("7", "-0.0", false)]
    [InlineData("7", "-1", false)]
    [InlineData("0.01", "0.1", false)]
    [InlineData("1", "0.3333", false)]
    [InlineData("1.0", "1e0", true)]
    [InlineData("1e100000000", "7", false)]
    [InlineData("1e100000000", "2", true)]
    [InlineData("1e100000000", "1e99999999", true)]
    [InlineData("1e99999999", "1e100000000", false)]
    [InlineData("1e-100000000", "1", false)]
    [InlineData("1e-100000000", "1e-100000001", true)]
    [InlineData("123456789012345678901234567890", "10", true)]
    [InlineData("123456789012345678901234567890", "7", true)]
    [InlineData("123456789012345678901234567890", "11", false)]
    [InlineData("123456789012345678901234567891", "123456789012345678901234567891", true)]
    [InlineData("1.23456789e5", "0.00001", true)]
    [InlineData("19.99", "0.01", true)]
    [InlineData("0.3", "0.2", false)]
    [InlineData("6.4e-3", "1.6e-3", true)]
    [InlineData("1e20", "1024", true)]
    [InlineData("1e20", "3", false)]
    [InlineData("1e20", "1048576", true)]
    public void IsMultipleOf_uses_exact_decimal_arithmetic(string value, string divisor, bool expected)
    {
        Assert.Equal(expected, JsonNumber.IsMultipleOf(value, divisor));
    }

    [Fact]
    public void IsMultipleOf_agrees_with_decimal_on_random_literals()
    {
        var random = new Random(7);
        for (var i = 0; i < 5000; i++)
        {
            var value = RandomLiteral(random);
            var divisor = RandomLiteral(random);
            var d = decimal.Parse(divisor, NumberStyles.Float, CultureInfo.InvariantCulture);
            var v = decimal.Parse(value, NumberStyles.Float, CultureInfo.InvariantCulture);
            var expected = d > 0 && v % d == 0;

            Assert.True(expected == JsonNumber.IsMultipleOf(value, divisor), value + " multiple of " + divisor);
        }
    }

    /// <summary>A small valid literal in some notation, exactly representable as a decimal.</summary>
    private static string RandomLiteral(Random random)
    {
        var sign = random.Next(3) == 0 ? "-" : string.Empty;
        var integer = random.Next(4) == 0 ? "0" : random.Next(1, 2000).ToString(CultureInfo.InvariantCulture);
        var fraction = random.Next(2) == 0 ? string.Empty : "." + random.Next(0, 1000).ToString("D" + random.Next(1, 4), CultureInfo.InvariantCulture);
        var exponent = random.Next(3) == 0 ? "e" + (random.Next(2) == 0 ? "-" : "+") + random.Next(0, 4).ToString(CultureInfo.InvariantCulture) : string.Empty;
        return sign + integer + fraction + exponent;
    }
}
