using System;
using System.Globalization;
using System.Numerics;

namespace Hooksmith;

/// <summary>
/// A JSON number held exactly as sign, significant digits and a power of ten, so that numbers
/// compare by mathematical value whatever their notation or size.
/// </summary>
public readonly struct JsonNumber : IEquatable<JsonNumber>, IComparable<JsonNumber>
{
    // Value = (Negative ? -1 : 1) * Significand * 10^Exponent, Significand without trailing zeros.
    private const long MaxExponent = long.MaxValue / 4;

    private readonly BigInteger _significand;
    private readonly long _exponent;

    private JsonNumber(BigInteger significand, long exponent)
    {
        _significand = significand;
        _exponent = significand.IsZero ? 0 : exponent;
    }

    /// <summary>True when the value is a whole number.</summary>
    public bool IsInteger => _exponent >= 0;

    /// <summary>Reads a JSON number literal (RFC 8259 grammar).</summary>
    /// <exception cref="FormatException">The text is not a JSON number.</exception>
    public static JsonNumber Parse(string literal)
        => TryParse(literal, out var number) ? number : throw new FormatException($"'{literal}' is not a JSON number.");

    /// <summary>Reads a JSON number literal; false when the text is not one.</summary>
    public static bool TryParse(ReadOnlySpan<char> literal, out JsonNumber number)
    {
        number = default;
        var i = 0;
        var negative = false;
        if (i < literal.Length && literal[i] == '-')
        {
            negative = true;
            i++;
        }

        var digitsStart = i;
        while (i < literal.Length && char.IsAsciiDigit(literal[i]))
        {
            i++;
        }

        var integerPart = literal[digitsStart..i];
        if (integerPart.Length == 0 || (integerPart.Length > 1 && integerPart[0] == '0'))
        {
            return false;
        }

        var fractionPart = ReadOnlySpan<char>.Empty;
        if (i < literal.Length && literal[i] == '.')
        {
            var fractionStart = ++i;
            while (i < literal.Length && char.IsAsciiDigit(literal[i]))
            {
                i++;
            }

            fractionPart = literal[fractionStart..i];
            if (fractionPart.Length == 0)
            {
                return false;
            }
        }

        long exponent = 0;
        if (i < literal.Length && (literal[i] == 'e' || literal[i] == 'E'))
        {
            i++;
            var exponentNegative = false;
            if (i < literal.Length && (literal[i] == '+' || literal[i] == '-'))
            {
                exponentNegative = literal[i] == '-';
                i++;
            }

            var exponentStart = i;
            while (i < literal.Length && char.IsAsciiDigit(literal[i]))
            {
                // Saturate: an exponent this large already puts the value beyond any comparison.
                exponent = Math.Min(exponent * 10 + (literal[i] - '0'), MaxExponent);
                i++;
            }

            if (i == exponentStart)
            {
                return false;
            }

            exponent = exponentNegative ? -exponent : exponent;
        }

        if (i != literal.Length)
        {
            return false;
        }

        var digits = string.Concat(integerPart, fractionPart).TrimStart('0');
        var trimmed = digits.TrimEnd('0');
        exponent = exponent - fractionPart.Length + (digits.Length - trimmed.Length);
        var significand = trimmed.Length == 0 ? BigInteger.Zero : BigInteger.Parse(trimmed, NumberStyles.None, CultureInfo.InvariantCulture);
        number = new JsonNumber(negative ? -significand : significand, exponent);
        return true;
    }

    /// <summary>Reads a JSON number literal given as UTF-8; false when the bytes are not one.</summary>
    internal static bool TryParse(ReadOnlySpan<byte> utf8, out JsonNumber number)
    {
        const int StackLimit = 128;
        Span<char> chars = utf8.Length <= StackLimit ? stackalloc char[StackLimit] : new char[utf8.Length];
        for (var i = 0; i < utf8.Length; i++)
        {
            chars[i] = (char)utf8[i];
        }

        return TryParse(chars[..utf8.Length], out number);
    }

    /// <summary>
    /// Whether a JSON number literal is a whole number, exactly: <c>1.0</c> and <c>1e2</c> are,
    /// <c>1e-400</c> and <c>0.00000000000000000000000000001</c> are not (a decimal would round them to 0).
    /// </summary>
    internal static bool IsIntegerLiteral(ReadOnlySpan<byte> utf8)
    {
        if (utf8.IndexOfAny((byte)'e', (byte)'E') < 0)
        {
            // Without an exponent, a whole number is one whose fraction digits are all zeros.
            var point = utf8.IndexOf((byte)'.');
            return point < 0 || utf8[(point + 1)..].IndexOfAnyExcept((byte)'0') < 0;
        }

        return TryParse(utf8, out var number) && number.IsInteger;
    }

    /// <summary>
    /// Reads a JSON number literal as a decimal when the decimal holds it exactly; false when it does not
    /// (too many digits, too small, too large), where a decimal would round silently.
    /// </summary>
    internal static bool TryGetExactDecimal(ReadOnlySpan<byte> utf8, out decimal value)
    {
        if (!decimal.TryParse(utf8, NumberStyles.Float, CultureInfo.InvariantCulture, out value))
        {
            return false;
        }

        // Short literals without an exponent have at most 27 digits and scale 26: a decimal holds them as written.
        if (utf8.Length <= 28 && utf8.IndexOfAny((byte)'e', (byte)'E') < 0)
        {
            return true;
        }

        return TryParse(utf8, out var exact)
            && TryParse(value.ToString(CultureInfo.InvariantCulture), out var held)
            && exact.Equals(held);
    }

    /// <inheritdoc/>
    public bool Equals(JsonNumber other) => _exponent == other._exponent && _significand == other._significand;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is JsonNumber other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(_significand, _exponent);

    /// <inheritdoc/>
    public int CompareTo(JsonNumber other)
    {
        var sign = _significand.Sign.CompareTo(other._significand.Sign);
        if (sign != 0 || _significand.IsZero)
        {
            return sign;
        }

        // Same sign, both non-zero: compare magnitudes by order of magnitude first, then exactly.
        var leftMagnitude = _exponent + Digits(_significand);
        var rightMagnitude = other._exponent + Digits(other._significand);
        if (leftMagnitude != rightMagnitude)
        {
            return leftMagnitude.CompareTo(rightMagnitude) * _significand.Sign;
        }

        var shift = _exponent - other._exponent;
        var left = shift > 0 ? _significand * BigInteger.Pow(10, (int)shift) : _significand;
        var right = shift < 0 ? other._significand * BigInteger.Pow(10, (int)-shift) : other._significand;
        return left.CompareTo(right);
    }

    /// <summary>Whether this number is an integer multiple of <paramref name="divisor"/>, exactly.</summary>
    /// <remarks>False for a zero divisor. Exponents too far apart to compare are treated as not a multiple.</remarks>
    public bool IsMultipleOf(JsonNumber divisor)
    {
        if (divisor._significand.IsZero)
        {
            return false;
        }

        if (_significand.IsZero)
        {
            return true;
        }

        // (s1·10^e1) / (s2·10^e2) is an integer when s1·10^(e1−e2) is divisible by s2 (e1 ≥ e2), or s1 by
        // s2·10^(e2−e1) (e1 < e2).
        var shift = _exponent - divisor._exponent;
        if (shift > 100_000)
        {
            // 10^shift supplies every factor 2 and 5 the divisor may need; what remains must divide s1.
            var rest = BigInteger.Abs(divisor._significand);
            while (rest.IsEven)
            {
                rest /= 2;
            }

            while ((rest % 5).IsZero)
            {
                rest /= 5;
            }

            return (_significand % rest).IsZero;
        }

        if (shift < -100_000)
        {
            // s1 would need more than 100,000 digits to be divisible by 10^-shift.
            return false;
        }

        if (shift >= 0)
        {
            return (_significand * BigInteger.Pow(10, (int)shift) % divisor._significand).IsZero;
        }

        return (_significand % (divisor._significand * BigInteger.Pow(10, (int)-shift))).IsZero;
    }

    /// <inheritdoc/>
    public override string ToString()
        => _exponent == 0
            ? _significand.ToString(CultureInfo.InvariantCulture)
            : string.Create(CultureInfo.InvariantCulture, $"{_significand}e{_exponent}");

    private static long Digits(BigInteger value) => BigInteger.Abs(value).ToString(CultureInfo.InvariantCulture).Length;
}
