using System;
using System.Buffers;
using System.ComponentModel;
using System.Text.Json;
using System.Text.RegularExpressions;
using Hooksmith.Serialization;

namespace Hooksmith.Validation;

/// <summary>
/// The keyword checks that generated validators call when inline code would be long: numbers compared
/// by exact value, lengths in code points, JSON equality, formats, patterns.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class SchemaChecks
{
    /// <summary>
    /// Whether a number is a whole number, whatever its notation (<c>1.0</c> and <c>1e2</c> are), exactly:
    /// <c>1e-400</c> is not, though a decimal or a double would round it to 0.
    /// </summary>
    public static bool IsInteger(in JsonElement number)
    {
        if (number.ValueKind != JsonValueKind.Number)
        {
            return false;
        }

        return number.TryGetInt64(out _) || JsonNumber.IsIntegerLiteral(RawNumber(number));
    }

    /// <summary>
    /// Whether a value is of one of the JSON types <paramref name="types"/> lists: <c>integer</c> as
    /// <see cref="IsInteger"/> decides, <c>number</c> for every number. <see cref="StreamTypes.Any"/> allows no type.
    /// </summary>
    public static bool HasType(in JsonElement instance, StreamTypes types) => instance.ValueKind switch
    {
        JsonValueKind.Null => (types & StreamTypes.Null) != 0,
        JsonValueKind.True or JsonValueKind.False => (types & StreamTypes.Boolean) != 0,
        JsonValueKind.Object => (types & StreamTypes.Object) != 0,
        JsonValueKind.Array => (types & StreamTypes.Array) != 0,
        JsonValueKind.String => (types & StreamTypes.String) != 0,
        JsonValueKind.Number => (types & StreamTypes.Number) != 0 || ((types & StreamTypes.Integer) != 0 && IsInteger(instance)),
        _ => false,
    };

    /// <summary>Compares a number with a limit given exactly as a decimal: negative, zero or positive.</summary>
    public static int Compare(in JsonElement number, decimal limit)
        => TryGetExactDecimal(number, out var value) ? value.CompareTo(limit) : Exact(number).CompareTo(JsonNumber.Parse(limit.ToString(System.Globalization.CultureInfo.InvariantCulture)));

    /// <summary>Compares a number with a limit written as a JSON number literal too large or long for a decimal.</summary>
    public static int Compare(in JsonElement number, string limit) => Exact(number).CompareTo(JsonNumber.Parse(limit));

    /// <summary>Whether a number is a multiple of a positive divisor, exactly (<c>0.0075</c> is a multiple of <c>0.0001</c>).</summary>
    public static bool IsMultipleOf(in JsonElement number, string divisor)
    {
        if (TryGetExactDecimal(number, out var value)
            && decimal.TryParse(divisor, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var by)
            && by != 0)
        {
            try
            {
                return value % by == 0;
            }
            catch (OverflowException)
            {
                // Fall through to the exact path.
            }
        }

        return Exact(number).IsMultipleOf(JsonNumber.Parse(divisor));
    }

    /// <summary>As <see cref="IsMultipleOf(in JsonElement, string)"/>, for a number literal as the reader has it.</summary>
    public static bool IsMultipleOf(ReadOnlySpan<byte> number, string divisor)
    {
        if (JsonNumber.TryGetExactDecimal(number, out var value)
            && decimal.TryParse(divisor, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var by)
            && by != 0)
        {
            try
            {
                return value % by == 0;
            }
            catch (OverflowException)
            {
                // Fall through to the exact path.
            }
        }

        return JsonNumber.TryParse(number, out var exact) && exact.IsMultipleOf(JsonNumber.Parse(divisor));
    }

    /// <summary>Whether a number equals a JSON number literal, by mathematical value.</summary>
    public static bool NumberEquals(in JsonElement number, string literal)
        => number.ValueKind == JsonValueKind.Number && Exact(number).Equals(JsonNumber.Parse(literal));

    /// <summary>Whether a number equals a constant that a decimal holds exactly.</summary>
    public static bool NumberEquals(in JsonElement number, decimal constant)
        => number.ValueKind == JsonValueKind.Number && Compare(number, constant) == 0;

    /// <summary>The length of a string in Unicode code points (a surrogate pair counts once).</summary>
    public static int Length(in JsonElement text)
    {
        if (text.ValueKind != JsonValueKind.String)
        {
            return 0;
        }

        if (TryGetUnescapedUtf8(text, out var utf8))
        {
            // Every code point has exactly one byte that is not a continuation byte (10xxxxxx).
            var count = 0;
            foreach (var b in utf8)
            {
                if ((b & 0xC0) != 0x80)
                {
                    count++;
                }
            }

            return count;
        }

        var value = text.GetString()!;
        var points = 0;
        for (var i = 0; i < value.Length; i++)
        {
            if (!(char.IsLowSurrogate(value[i]) && i > 0 && char.IsHighSurrogate(value[i - 1])))
            {
                points++;
            }
        }

        return points;
    }

    /// <summary>The number of members of an object.</summary>
    public static int PropertyCount(in JsonElement value)
    {
        if (value.ValueKind != JsonValueKind.Object)
        {
            return 0;
        }

        var count = 0;
        foreach (var _ in value.EnumerateObject())
        {
            count++;
        }

        return count;
    }

    /// <summary>Whether no two items of an array are equal as JSON.</summary>
    public static bool HasUniqueItems(in JsonElement array)
    {
        var length = array.GetArrayLength();
        if (length < 2)
        {
            return true;
        }

        if (length <= 16)
        {
            for (var i = 0; i < length; i++)
            {
                for (var j = i + 1; j < length; j++)
                {
                    if (JsonElementComparer.Instance.Equals(array[i], array[j]))
                    {
                        return false;
                    }
                }
            }

            return true;
        }

        var seen = new System.Collections.Generic.HashSet<JsonElement>(length, JsonElementComparer.Instance);
        foreach (var item in array.EnumerateArray())
        {
            if (!seen.Add(item))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Whether two values are equal as JSON Schema compares them.</summary>
    public static bool JsonEquals(in JsonElement left, in JsonElement right) => JsonElementComparer.Instance.Equals(left, right);

    /// <summary>Reads a constant of a schema (an <c>enum</c> member, a <c>const</c>) once.</summary>
    public static JsonElement Parse(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.Clone();
    }

    /// <summary>Whether a string is valid for a format; true for other values and for formats this library does not know.</summary>
    public static bool IsFormat(string format, in JsonElement value)
    {
        if (value.ValueKind != JsonValueKind.String)
        {
            return true;
        }

        return WithChars(value, format, static (chars, name) => !FormatChecks.TryCheck(name, chars, out var valid) || valid);
    }

    /// <summary>Whether a string matches a (translated ECMA-262) pattern anywhere in it.</summary>
    public static bool IsMatch(Regex pattern, in JsonElement value)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        return WithChars(value, pattern, static (chars, regex) =>
        {
            try
            {
                return regex.IsMatch(chars);
            }
            catch (RegexMatchTimeoutException)
            {
                return false;
            }
        });
    }

    private delegate bool CharsCheck<TState>(ReadOnlySpan<char> chars, TState state);

    /// <summary>
    /// Runs a check over a string value as UTF-16. Short strings without escapes are decoded onto the stack
    /// (where the framework exposes the raw UTF-8), so checking them allocates nothing.
    /// </summary>
    private static bool WithChars<TState>(in JsonElement value, TState state, CharsCheck<TState> check)
    {
        const int StackLimit = 256;
        if (TryGetUnescapedUtf8(value, out var utf8))
        {
            if (utf8.Length <= StackLimit)
            {
                Span<char> buffer = stackalloc char[StackLimit];
                var length = System.Text.Encoding.UTF8.GetChars(utf8, buffer);
                return check(buffer[..length], state);
            }

            var rented = ArrayPool<char>.Shared.Rent(utf8.Length);
            try
            {
                var length = System.Text.Encoding.UTF8.GetChars(utf8, rented);
                return check(rented.AsSpan(0, length), state);
            }
            finally
            {
                ArrayPool<char>.Shared.Return(rented);
            }
        }

        return check(value.GetString(), state);
    }

    /// <summary>The UTF-8 bytes of a string value that has no escape sequences, read in place.</summary>
    private static bool TryGetUnescapedUtf8(in JsonElement value, out ReadOnlySpan<byte> utf8)
    {
#if NET9_0_OR_GREATER
        var raw = System.Runtime.InteropServices.JsonMarshal.GetRawUtf8Value(value);
        if (raw.Length >= 2 && raw[0] == (byte)'"' && raw[^1] == (byte)'"')
        {
            raw = raw[1..^1];
        }

        if (raw.IndexOf((byte)'\\') < 0)
        {
            utf8 = raw;
            return true;
        }
#endif
        utf8 = default;
        return false;
    }

    /// <summary>Whether a member name matches a pattern anywhere in it.</summary>
    public static bool IsMatch(Regex pattern, in JsonProperty property)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        try
        {
            return pattern.IsMatch(property.Name);
        }
        catch (RegexMatchTimeoutException)
        {
            return false;
        }
    }

    /// <summary>A member's name as a JSON string value, for <c>propertyNames</c>.</summary>
    public static JsonElement NameOf(in JsonProperty property)
    {
        var buffer = new ArrayBufferWriter<byte>(property.Name.Length + 8);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStringValue(property.Name);
        }

        using var document = JsonDocument.Parse(buffer.WrittenMemory);
        return document.RootElement.Clone();
    }

    /// <summary>Creates a pattern's regular expression, with a timeout so that no payload can stall validation.</summary>
    public static Regex Pattern(string dotNetPattern)
        => new(dotNetPattern, RegexOptions.CultureInvariant, TimeSpan.FromSeconds(2));

    private static JsonNumber Exact(in JsonElement number)
        => JsonNumber.TryParse(RawNumber(number), out var exact) ? exact : JsonNumber.Parse(number.GetRawText());

    /// <summary>A number as a decimal when the decimal holds it exactly (<see cref="JsonElement.TryGetDecimal"/> rounds <c>1e-30</c> to 0).</summary>
    private static bool TryGetExactDecimal(in JsonElement number, out decimal value)
    {
        if (number.TryGetInt64(out var whole))
        {
            value = whole;
            return true;
        }

        return JsonNumber.TryGetExactDecimal(RawNumber(number), out value);
    }

    /// <summary>A number as written: its UTF-8 text, read in place where the framework exposes it.</summary>
    private static ReadOnlySpan<byte> RawNumber(in JsonElement number)
    {
#if NET9_0_OR_GREATER
        return System.Runtime.InteropServices.JsonMarshal.GetRawUtf8Value(number);
#else
        return System.Text.Encoding.ASCII.GetBytes(number.GetRawText());
#endif
    }
}
