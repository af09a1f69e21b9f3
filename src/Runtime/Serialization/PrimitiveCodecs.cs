using System.Buffers;
using System;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text.Json;

namespace Hooksmith.Serialization;

/// <summary>JSON strings as <see cref="string"/>.</summary>
public readonly struct StringCodec : IJsonCodec<string>
{
    /// <inheritdoc/>
    public static bool TryRead(ref Utf8JsonReader reader, BindingContext context, [MaybeNullWhen(false)] out string value)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            context.ReportTypeMismatch("string", reader.TokenType);
            value = null;
            return false;
        }

        if (!JsonStringText.IsWellFormed(ref reader))
        {
            context.ReportUnrepresentable("a string", JsonStringText.ValueProblem);
            value = null;
            return false;
        }

        value = reader.GetString()!;
        return true;
    }

    /// <inheritdoc/>
    public static void Write(Utf8JsonWriter writer, string value) => writer.WriteStringValue(value);
}

/// <summary>JSON integers as <see cref="long"/>; integers outside its range are reported, not truncated.</summary>
public readonly struct Int64Codec : IJsonCodec<long>
{
    /// <inheritdoc/>
    public static bool TryRead(ref Utf8JsonReader reader, BindingContext context, out long value)
    {
        if (reader.TokenType != JsonTokenType.Number)
        {
            context.ReportTypeMismatch("integer", reader.TokenType);
            value = 0;
            return false;
        }

        if (reader.TryGetInt64(out value))
        {
            return true;
        }

        // 1.0 and 1e2 are integers in JSON Schema even though Utf8JsonReader will not read them as Int64;
        // 1e-30 is not, though a decimal rounds it to 0: whether it is whole is decided on the literal.
        var literal = NumberLiteral(ref reader);
        if (!JsonNumber.IsIntegerLiteral(literal))
        {
            context.ReportUnrepresentable("a 64-bit integer", "it is not a whole number");
            return false;
        }

        if (JsonNumber.TryGetExactDecimal(literal, out var number) && number >= long.MinValue && number <= long.MaxValue)
        {
            value = (long)number;
            return true;
        }

        context.ReportUnrepresentable("a 64-bit integer", "it is out of range");
        return false;
    }

    /// <inheritdoc/>
    public static void Write(Utf8JsonWriter writer, long value) => writer.WriteNumberValue(value);

    /// <summary>The number the reader is on, as written.</summary>
    internal static ReadOnlySpan<byte> NumberLiteral(ref readonly Utf8JsonReader reader)
        => reader.HasValueSequence ? reader.ValueSequence.ToArray() : reader.ValueSpan;
}

/// <summary>JSON numbers as <see cref="decimal"/>, exact for the amounts webhooks carry.</summary>
public readonly struct DecimalCodec : IJsonCodec<decimal>
{
    /// <inheritdoc/>
    public static bool TryRead(ref Utf8JsonReader reader, BindingContext context, out decimal value)
    {
        if (reader.TokenType != JsonTokenType.Number)
        {
            context.ReportTypeMismatch("number", reader.TokenType);
            value = 0;
            return false;
        }

        // A decimal holds 28 significant digits and no exponent beyond ±28: 1e-30 would be read as 0 and
        // 0.1234567890123456789012345678901 rounded, silently. Such a value is reported and kept as written.
        if (JsonNumber.TryGetExactDecimal(Int64Codec.NumberLiteral(ref reader), out value))
        {
            return true;
        }

        context.ReportUnrepresentable("a decimal", "a decimal cannot hold it exactly (too many digits, too small or too large)");
        value = 0;
        return false;
    }

    /// <inheritdoc/>
    public static void Write(Utf8JsonWriter writer, decimal value) => writer.WriteNumberValue(value);
}

/// <summary>JSON booleans as <see cref="bool"/>.</summary>
public readonly struct BooleanCodec : IJsonCodec<bool>
{
    /// <inheritdoc/>
    public static bool TryRead(ref Utf8JsonReader reader, BindingContext context, out bool value)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.True:
                value = true;
                return true;
            case JsonTokenType.False:
                value = false;
                return true;
            default:
                context.ReportTypeMismatch("boolean", reader.TokenType);
                value = false;
                return false;
        }
    }

    /// <inheritdoc/>
    public static void Write(Utf8JsonWriter writer, bool value) => writer.WriteBooleanValue(value);
}

/// <summary>
/// <c>date-time</c> strings as <see cref="DateTimeOffset"/>. A string that is not a date-time is
/// reported and kept raw: whether it is invalid is for validation (format assertion) to say.
/// </summary>
public readonly struct DateTimeOffsetCodec : IJsonCodec<DateTimeOffset>
{
    /// <inheritdoc/>
    public static bool TryRead(ref Utf8JsonReader reader, BindingContext context, out DateTimeOffset value)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            context.ReportTypeMismatch("string", reader.TokenType);
            value = default;
            return false;
        }

        if (JsonStringText.IsWellFormed(ref reader) && reader.TryGetDateTimeOffset(out value))
        {
            return true;
        }

        value = default;
        context.ReportUnrepresentable("a date-time", "it is not an RFC 3339 date-time");
        return false;
    }

    /// <summary>
    /// Writes RFC 3339 the way most webhook providers (and JavaScript's <c>toISOString</c>) do:
    /// <c>Z</c> for UTC and three fraction digits for whole milliseconds, so a parsed
    /// <c>2024-03-12T13:40:39.080Z</c> is written back as it came; finer values keep every digit they need.
    /// </summary>
    public static void Write(Utf8JsonWriter writer, DateTimeOffset value)
    {
        Span<byte> buffer = stackalloc byte[48];
        var milliseconds = value.Ticks % TimeSpan.TicksPerMillisecond == 0;
        var format = value.Offset == TimeSpan.Zero
            ? (milliseconds ? "yyyy-MM-dd'T'HH:mm:ss.fff'Z'" : "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'")
            : (milliseconds ? "yyyy-MM-dd'T'HH:mm:ss.fffzzz" : "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFzzz");
        buffer[0] = (byte)'"';
        value.TryFormat(buffer[1..], out var written, format, CultureInfo.InvariantCulture);
        buffer[written + 1] = (byte)'"';

        // Written raw: the text is plain ASCII, and the default encoder would escape the '+' of an offset.
        writer.WriteRawValue(buffer[..(written + 2)], skipInputValidation: true);
    }
}

/// <summary>
/// <c>date</c> strings (RFC 3339 full-date, <c>2019-10-11</c>) as <see cref="DateOnly"/>. Only that one
/// spelling is read, so a bound date writes back exactly as it came. Any other text (<c>2019-10-11T00:00:00Z</c>,
/// <c>2019-02-30</c>, <c>20191011</c>) is reported at its pointer and kept raw: whether it is invalid is for
/// validation (format assertion) to say.
/// </summary>
public readonly struct DateOnlyCodec : IJsonCodec<DateOnly>
{
    /// <summary>The length of <c>yyyy-MM-dd</c>; an escaped string may be longer before it is unescaped.</summary>
    private const int Length = 10;

    /// <inheritdoc/>
    public static bool TryRead(ref Utf8JsonReader reader, BindingContext context, out DateOnly value)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            context.ReportTypeMismatch("string", reader.TokenType);
            value = default;
            return false;
        }

        // An escaped date ("\u0032019-…") is at most six bytes per character before unescaping.
        Span<byte> text = stackalloc byte[Length * 6];
        var rawLength = reader.HasValueSequence ? reader.ValueSequence.Length : reader.ValueSpan.Length;
        if (rawLength <= text.Length && JsonStringText.IsWellFormed(ref reader))
        {
            var written = reader.CopyString(text);
            if (TryParse(text[..written], out value))
            {
                return true;
            }
        }

        value = default;
        context.ReportUnrepresentable("a date", "it is not an RFC 3339 full-date (yyyy-MM-dd)");
        return false;
    }

    /// <summary>Reads exactly <c>yyyy-MM-dd</c> (ASCII digits, a real day of the proleptic Gregorian calendar, year 0001 or later).</summary>
    public static bool TryParse(ReadOnlySpan<byte> utf8, out DateOnly value)
    {
        value = default;
        if (utf8.Length != Length || utf8[4] != (byte)'-' || utf8[7] != (byte)'-'
            || !TryDigits(utf8[..4], out var year) || !TryDigits(utf8.Slice(5, 2), out var month) || !TryDigits(utf8.Slice(8, 2), out var day))
        {
            return false;
        }

        if (year < 1 || month < 1 || month > 12 || day < 1 || day > DateTime.DaysInMonth(year, month))
        {
            return false;
        }

        value = new DateOnly(year, month, day);
        return true;
    }

    /// <summary>Writes <c>yyyy-MM-dd</c>.</summary>
    public static void Write(Utf8JsonWriter writer, DateOnly value)
    {
        Span<byte> buffer = stackalloc byte[Length + 2];
        buffer[0] = (byte)'"';
        value.TryFormat(buffer[1..], out var written, "yyyy-MM-dd", CultureInfo.InvariantCulture);
        buffer[written + 1] = (byte)'"';

        // Written raw: the text is plain ASCII digits and dashes.
        writer.WriteRawValue(buffer[..(written + 2)], skipInputValidation: true);
    }

    private static bool TryDigits(ReadOnlySpan<byte> digits, out int value)
    {
        value = 0;
        foreach (var digit in digits)
        {
            if (digit < (byte)'0' || digit > (byte)'9')
            {
                return false;
            }

            value = (value * 10) + (digit - '0');
        }

        return true;
    }
}

/// <summary>Any JSON value kept as a <see cref="JsonElement"/> that owns its memory.</summary>
public readonly struct ElementCodec : IJsonCodec<JsonElement>
{
    /// <inheritdoc/>
    public static bool TryRead(ref Utf8JsonReader reader, BindingContext context, out JsonElement value)
    {
        value = JsonElement.ParseValue(ref reader);
        return true;
    }

    /// <inheritdoc/>
    public static void Write(Utf8JsonWriter writer, JsonElement value) => JsonElementWriter.Write(writer, value);
}
