using System;
using System.Globalization;
using System.Numerics;

namespace Hooksmith.Generator.Json;

/// <summary>
/// Exact arithmetic on JSON number literals (RFC 8259 grammar), without going through double:
/// a literal is read as sign × digits × 10^exponent with arbitrary-precision parts.
/// </summary>
internal static class JsonNumber
{
    /// <summary>
    /// <see cref="TryGetInteger"/> gives up (returns false) when the integer would have more decimal digits
    /// than this, so that a literal like 1e100000000 cannot make it allocate gigabytes or hang.
    /// </summary>
    public const int MaxIntegerDigits = 10_000;

    private static readonly BigInteger Ten = new(10);

    /// <summary>
    /// True when <paramref name="literal"/> is a valid JSON number whose mathematical value is an integer
    /// ("1", "-0", "1.0", "1e2", "2.50e1"), with that value. False for non-integers ("1.5", "1e-1"),
    /// invalid literals, and integers of more than <see cref="MaxIntegerDigits"/> digits.
    /// </summary>
    public static bool TryGetInteger(string literal, out BigInteger value)
    {
        value = BigInteger.Zero;
        if (!TryDecompose(literal, out var number))
        {
            return false;
        }

        if (number.Sign == 0)
        {
            return true;
        }

        if (number.Exponent.Sign < 0 || number.Exponent + number.Digits.Length > MaxIntegerDigits)
        {
            return false;
        }

        var magnitude = ParseDigits(number.Digits) * BigInteger.Pow(Ten, (int)number.Exponent);
        value = number.Sign < 0 ? -magnitude : magnitude;
        return true;
    }

    /// <summary>
    /// True when <paramref name="literal"/> is a valid JSON number whose mathematical value is an integer,
    /// however large (never materialises the value, unlike <see cref="TryGetInteger"/>).
    /// </summary>
    public static bool IsInteger(string literal)
        => TryDecompose(literal, out var number) && (number.Sign == 0 || number.Exponent.Sign >= 0);

    /// <summary>True when <paramref name="literal"/> matches the RFC 8259 number grammar.</summary>
    public static bool IsValid(string literal) => TryDecompose(literal, out _);

    /// <summary>
    /// Compares the mathematical values of two JSON number literals exactly ("1.0" equals "1"; huge exponents
    /// are compared without being materialised). Throws <see cref="ArgumentException"/> for an invalid literal.
    /// </summary>
    public static int Compare(string a, string b)
    {
        if (!TryDecompose(a, out var x))
        {
            throw new ArgumentException("Not a JSON number literal: " + a, nameof(a));
        }

        if (!TryDecompose(b, out var y))
        {
            throw new ArgumentException("Not a JSON number literal: " + b, nameof(b));
        }

        return Compare(x, y);
    }

    /// <summary>True when both literals are valid and denote the same number ("1" and "1.0e0"); false otherwise.</summary>
    public static bool MathEquals(string a, string b)
    {
        if (string.Equals(a, b, StringComparison.Ordinal))
        {
            return TryDecompose(a, out _);
        }

        return TryDecompose(a, out var x)
            && TryDecompose(b, out var y)
            && x.Sign == y.Sign
            && string.Equals(x.Digits, y.Digits, StringComparison.Ordinal)
            && x.Exponent == y.Exponent;
    }

    /// <summary>
    /// True when <paramref name="value"/> divided by <paramref name="divisor"/> is an integer, computed exactly in
    /// decimal ("0.0075" is a multiple of "0.0001"). False when the divisor is not strictly positive or either
    /// literal is invalid. Zero is a multiple of every positive divisor.
    /// </summary>
    public static bool IsMultipleOf(string value, string divisor)
    {
        if (!TryDecompose(value, out var v) || !TryDecompose(divisor, out var d) || d.Sign <= 0)
        {
            return false;
        }

        if (v.Sign == 0)
        {
            return true;
        }

        // v / d = (Mv / Md) × 10^k. Digits carry no trailing zeros, so Mv is not divisible by 10 and a
        // negative k can never give an integer.
        var k = v.Exponent - d.Exponent;
        if (k.Sign < 0)
        {
            return false;
        }

        // Md divides Mv × 10^k exactly when its factors other than 2 and 5 divide Mv and 10^k supplies the
        // missing 2s and 5s; Md has fewer than 4 × (its digit count) of those, so larger k change nothing.
        var bound = 4 * d.Digits.Length;
        var shift = k > bound ? bound : (int)k;
        var mv = ParseDigits(v.Digits);
        var md = ParseDigits(d.Digits);
        return (mv * BigInteger.Pow(Ten, shift) % md).IsZero;
    }

    private static int Compare(in Decomposed x, in Decomposed y)
    {
        if (x.Sign != y.Sign)
        {
            return x.Sign < y.Sign ? -1 : 1;
        }

        if (x.Sign == 0)
        {
            return 0;
        }

        var magnitude = CompareMagnitude(x, y);
        return x.Sign < 0 ? -magnitude : magnitude;
    }

    private static int CompareMagnitude(in Decomposed x, in Decomposed y)
    {
        // A value with n significant digits and exponent e lies in [10^(n+e-1), 10^(n+e)).
        var orderX = x.Exponent + x.Digits.Length;
        var orderY = y.Exponent + y.Digits.Length;
        var order = orderX.CompareTo(orderY);
        if (order != 0)
        {
            return order;
        }

        // Same order of magnitude: the digit strings are aligned at their first digit.
        var common = Math.Min(x.Digits.Length, y.Digits.Length);
        for (var i = 0; i < common; i++)
        {
            if (x.Digits[i] != y.Digits[i])
            {
                return x.Digits[i] < y.Digits[i] ? -1 : 1;
            }
        }

        return x.Digits.Length.CompareTo(y.Digits.Length);
    }

    private static BigInteger ParseDigits(string digits)
    {
        if (digits.Length <= 18)
        {
            long small = 0;
            foreach (var c in digits)
            {
                small = (small * 10) + (c - '0');
            }

            return new BigInteger(small);
        }

        return BigInteger.Parse(digits, NumberStyles.None, CultureInfo.InvariantCulture);
    }

    /// <summary>A number as Sign × Digits × 10^Exponent, Digits without leading or trailing zeros ("" for zero).</summary>
    private readonly struct Decomposed
    {
        public Decomposed(int sign, string digits, BigInteger exponent)
        {
            Sign = sign;
            Digits = digits;
            Exponent = exponent;
        }

        public int Sign { get; }

        public string Digits { get; }

        public BigInteger Exponent { get; }
    }

    private static bool TryDecompose(string literal, out Decomposed number)
    {
        number = default;
        if (literal is null)
        {
            return false;
        }

        var length = literal.Length;
        var i = 0;
        var negative = false;
        if (i < length && literal[i] == '-')
        {
            negative = true;
            i++;
        }

        var intStart = i;
        if (i < length && literal[i] == '0')
        {
            i++;
        }
        else if (i < length && literal[i] >= '1' && literal[i] <= '9')
        {
            while (i < length && IsDigit(literal[i]))
            {
                i++;
            }
        }
        else
        {
            return false;
        }

        var intEnd = i;
        int fracStart = i, fracEnd = i;
        if (i < length && literal[i] == '.')
        {
            i++;
            fracStart = i;
            while (i < length && IsDigit(literal[i]))
            {
                i++;
            }

            fracEnd = i;
            if (fracEnd == fracStart)
            {
                return false;
            }
        }

        BigInteger exponent = BigInteger.Zero;
        if (i < length && (literal[i] == 'e' || literal[i] == 'E'))
        {
            i++;
            var negativeExponent = false;
            if (i < length && (literal[i] == '+' || literal[i] == '-'))
            {
                negativeExponent = literal[i] == '-';
                i++;
            }

            var expStart = i;
            while (i < length && IsDigit(literal[i]))
            {
                i++;
            }

            if (i == expStart)
            {
                return false;
            }

            // Leading zeros in the exponent are allowed ("1e007").
            while (expStart < i - 1 && literal[expStart] == '0')
            {
                expStart++;
            }

            exponent = ParseDigits(literal.Substring(expStart, i - expStart));
            if (negativeExponent)
            {
                exponent = -exponent;
            }
        }

        if (i != length)
        {
            return false;
        }

        // Significant digits: integer part then fraction part, without leading and trailing zeros.
        var intLength = intEnd - intStart;
        var fracLength = fracEnd - fracStart;
        var total = intLength + fracLength;
        int first = 0, last = total - 1;
        while (first < total && DigitAt(literal, intStart, intLength, fracStart, first) == '0')
        {
            first++;
        }

        if (first == total)
        {
            number = new Decomposed(0, string.Empty, BigInteger.Zero);
            return true;
        }

        while (DigitAt(literal, intStart, intLength, fracStart, last) == '0')
        {
            last--;
        }

        string digits;
        if (last < intLength)
        {
            digits = literal.Substring(intStart + first, last - first + 1);
        }
        else if (first >= intLength)
        {
            digits = literal.Substring(fracStart + (first - intLength), last - first + 1);
        }
        else
        {
            digits = literal.Substring(intStart + first, intLength - first) + literal.Substring(fracStart, last - intLength + 1);
        }

        // value = int.frac × 10^exp = (all digits) × 10^(exp - fracLength); dropping trailing zeros raises the exponent.
        var trailing = total - 1 - last;
        number = new Decomposed(negative ? -1 : 1, digits, exponent - fracLength + trailing);
        return true;
    }

    private static char DigitAt(string literal, int intStart, int intLength, int fracStart, int index)
        => index < intLength ? literal[intStart + index] : literal[fracStart + index - intLength];

    private static bool IsDigit(char c) => c >= '0' && c <= '9';
}
