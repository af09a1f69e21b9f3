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
    /// <summary>Whether a number is a whole number, whatever its notation (<c>1.0</c> and <c>1e2</c> are).</summary>
    public static bool IsInteger(in JsonElement number)
    {
        if (number.ValueKind != JsonValueKind.Number)
        {
            return false;
        }

        if (number.TryGetInt64(out _))
        {
            return true;
        }

        if (number.TryGetDecimal(out var value))
        {
            return decimal.Truncate(value) == value;
        }

        return Exact(number).IsInteger;
    }

    /// <summary>Compares a number with a limit given exactly as a decimal: negative, zero or positive.</summary>
    public static int Compare(in JsonElement number, decimal limit)
        => number.TryGetDecimal(out var value) ? value.CompareTo(limit) : Exact(number).CompareTo(JsonNumber.Parse(limit.ToString(System.Globalization.CultureInfo.InvariantCulture)));

    /// <summary>Compares a number with a limit written as a JSON number literal too large or long for a decimal.</summary>
    public static int Compare(in JsonElement number, string limit) => Exact(number).CompareTo(JsonNumber.Parse(limit));

    /// <summary>Whether a number is a multiple of a positive divisor, exactly (<c>0.0075</c> is a multiple of <c>0.0001</c>).</summary>
    public static bool IsMultipleOf(in JsonElement number, string divisor)
    {
        if (number.TryGetDecimal(out var value)
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

    /// <summary>Whether a number equals a JSON number literal, by mathematical value.</summary>
    public static bool NumberEquals(in JsonElement number, string literal)
        => number.ValueKind == JsonValueKind.Number && Exact(number).Equals(JsonNumber.Parse(literal));

    /// <summary>The length of a string in Unicode code points (a surrogate pair counts once).</summary>
    public static int Length(in JsonElement text)
    {
        if (text.ValueKind != JsonValueKind.String)
        {
            return 0;
        }

        var value = text.GetString()!;
        var count = 0;
        for (var i = 0; i < value.Length; i++)
        {
            if (!(char.IsLowSurrogate(value[i]) && i > 0 && char.IsHighSurrogate(value[i - 1])))
            {
                count++;
            }
        }

        return count;
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

        FormatChecks.TryCheck(format, value.GetString(), out var valid);
        return valid;
    }

    /// <summary>Whether a string matches a (translated ECMA-262) pattern anywhere in it.</summary>
    public static bool IsMatch(Regex pattern, in JsonElement value)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        try
        {
            return pattern.IsMatch(value.GetString()!);
        }
        catch (RegexMatchTimeoutException)
        {
            return false;
        }
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

    private static JsonNumber Exact(in JsonElement number) => JsonNumber.Parse(number.GetRawText());
}
