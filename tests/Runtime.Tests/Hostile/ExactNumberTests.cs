using System;
using System.Globalization;
using System.Linq;
using System.Text;
using CsCheck;
using Hooksmith.Runtime.Tests.Voucherify;
using Hooksmith.Serialization;

namespace Hooksmith.Runtime.Tests.Hostile;

/// <summary>
/// <c>type: integer</c> rejects any non-integer however small, exactly; binding reports a number its .NET
/// type cannot hold exactly and keeps it as written; integers in any notation still bind.
/// </summary>
public sealed class ExactNumberTests
{
    private const string Amount = "\"amount\": 5500";
    private const string ProductPrice = "\"price\": 2500\n";

    /// <summary>Numbers that are not whole, many of which a decimal or a double rounds to a whole number.</summary>
    private static readonly Gen<string> NonIntegers = Gen.OneOf(
        Gen.Int[1, 500].Select(n => $"1e-{n}"),
        Gen.Select(Gen.Int[0, 60], Gen.Int[1, 9], (zeros, digit) => "0." + new string('0', zeros) + digit),
        Gen.Select(Gen.Long[0, 1_000_000], Gen.Int[0, 40], Gen.Int[1, 9], (whole, zeros, digit) => $"{whole}.{new string('0', zeros)}{digit}"),
        Gen.Select(Gen.Int[1, 9], Gen.Int[0, 30], Gen.Int[1, 400], (digit, length, exponent) => $"{digit}{new string('3', length)}7e-{exponent + length + 1}"),
        Gen.Select(Gen.Int[1, 500], Gen.Bool, (n, negative) => (negative ? "-" : string.Empty) + $"1E-{n}"));

    /// <summary>A whole number and ways of writing it that are not plain integer notation.</summary>
    private static readonly Gen<(long Value, string Literal)> IntegerSpellings =
        Gen.Select(Gen.Long[-1_000_000_000_000, 1_000_000_000_000], Gen.Int[0, 3], Gen.Int[1, 12], (value, shape, k) =>
        {
            var plain = value.ToString(CultureInfo.InvariantCulture);
            var literal = shape switch
            {
                0 => plain + "." + new string('0', k),
                1 => plain + "e0",
                2 => plain + new string('0', k) + "e-" + k.ToString(CultureInfo.InvariantCulture),
                _ => plain + "E+0",
            };
            return (value, literal);
        });

    [Fact]
    public void Integer_field_rejects_any_non_integer_and_keeps_it_as_written()
    {
        NonIntegers.Sample(literal =>
        {
            var payload = SeedMutation.Replace(Amount, Encoding.ASCII.GetBytes("\"amount\": " + literal));

            Assert.Contains(CustomerOrderUpdated.Validate(payload).Errors, e => e.InstanceLocation == "/order/amount" && e.Keyword == "type");
            Assert.True(CustomerOrderUpdated.TryParse(payload, out var data, out var result));
            Assert.Contains(result.Errors, e => e.InstanceLocation == "/order/amount");
            Assert.Null(data.Order!.Amount);
            Assert.Equal(literal, data.Order.AdditionalProperties!["amount"].GetRawText());
            Assert.True(SeedMutation.Holds(JsonModel.ToUtf8Bytes(data), Encoding.ASCII.GetBytes("\"amount\":" + literal)));
        }, iter: 400);
    }

    [Fact]
    public void Integer_field_takes_whole_numbers_in_any_notation()
    {
        IntegerSpellings.Sample(sample =>
        {
            var payload = SeedMutation.Replace(Amount, Encoding.ASCII.GetBytes("\"amount\": " + sample.Literal));

            Assert.DoesNotContain(CustomerOrderUpdated.Validate(payload).Errors, e => e.InstanceLocation == "/order/amount");
            Assert.True(CustomerOrderUpdated.TryParse(payload, out var data, out var result));
            Assert.DoesNotContain(result.Errors, e => e.InstanceLocation == "/order/amount");
            Assert.Equal(sample.Value, data.Order!.Amount);
        }, iter: 400);
    }

    [Theory]
    [InlineData("1e-30")]
    [InlineData("1e-400")]
    [InlineData("0.00000000000000000000000000001")]
    [InlineData("0.1234567890123456789012345678901")]
    [InlineData("79228162514264337593543950336")]
    [InlineData("1e400")]
    [InlineData("-1E29")]
    public void Number_a_decimal_cannot_hold_is_reported_and_kept_as_written(string literal)
    {
        var payload = SeedMutation.Replace(ProductPrice, Encoding.ASCII.GetBytes($"\"price\": {literal}\n"));

        Assert.True(CustomerOrderUpdated.Validate(payload).IsValid); // it is a number: only its .NET type cannot hold it
        Assert.True(CustomerOrderUpdated.TryParse(payload, out var data, out var result));
        var error = Assert.Single(result.Errors);
        Assert.Equal(("/order/items/0/product/price", "binding"), (error.InstanceLocation, error.Keyword));
        var product = data.Order!.Items![0].Product!;
        Assert.Null(product.Price);
        Assert.Equal(literal, product.AdditionalProperties!["price"].GetRawText());
    }

    [Fact]
    public void Numbers_a_decimal_holds_bind_exactly()
    {
        var decimals = Gen.Select(Gen.Long[-999_999_999_999_999, 999_999_999_999_999], Gen.Byte[0, 12], Gen.Int[-3, 3], (units, scale, shift) =>
        {
            var magnitude = Math.Abs(units);
            var value = new decimal((int)(magnitude & 0xFFFFFFFF), (int)(magnitude >> 32), 0, units < 0, scale);
            var text = value.ToString(CultureInfo.InvariantCulture);
            return (value, text: shift == 0 ? text : (value * (decimal)Math.Pow(10, -shift)).ToString(CultureInfo.InvariantCulture) + "e" + shift.ToString(CultureInfo.InvariantCulture));
        });

        decimals.Sample(sample =>
        {
            var payload = SeedMutation.Replace(ProductPrice, Encoding.ASCII.GetBytes($"\"price\": {sample.text}\n"));
            Assert.True(CustomerOrderUpdated.TryParse(payload, out var data, out var result), result.ToString());
            Assert.True(result.IsValid, $"{sample.text}: {result}");
            Assert.Equal(sample.value, data.Order!.Items![0].Product!.Price);
        }, iter: 400);
    }

    [Theory]
    [InlineData("1e-30", false)]
    [InlineData("1e-400", false)]
    [InlineData("0.00000000000000000000000000001", false)]
    [InlineData("1.0", true)]
    [InlineData("1e2", true)]
    [InlineData("100e-2", true)]
    [InlineData("1.5e1", true)]
    [InlineData("15e-1", false)]
    [InlineData("-0.0", true)]
    [InlineData("1e400", true)]
    public void Whole_number_test_is_exact(string literal, bool whole)
        => Assert.Equal(whole, JsonNumber.IsIntegerLiteral(Encoding.ASCII.GetBytes(literal)));

    [Fact]
    public void Exact_decimal_reading_agrees_with_exact_arithmetic()
    {
        NonIntegers.Sample(literal =>
        {
            var bytes = Encoding.ASCII.GetBytes(literal);
            if (JsonNumber.TryGetExactDecimal(bytes, out var value))
            {
                Assert.Equal(JsonNumber.Parse(literal), JsonNumber.Parse(value.ToString(CultureInfo.InvariantCulture)));
            }
        }, iter: 400);
    }
}
