using System;
using System.Collections.Generic;
using System.Text.Json;

namespace Hooksmith.Serialization;

/// <summary>
/// Compares JSON values as JSON Schema does: numbers by mathematical value (<c>1</c> equals
/// <c>1.0</c> and <c>1e0</c>, exactly, at any size), strings ordinally, objects regardless of
/// member order, arrays element by element.
/// </summary>
public sealed class JsonElementComparer : IEqualityComparer<JsonElement>
{
    private JsonElementComparer()
    {
    }

    /// <summary>The shared instance.</summary>
    public static JsonElementComparer Instance { get; } = new();

    /// <inheritdoc/>
    public bool Equals(JsonElement x, JsonElement y)
    {
        var kind = x.ValueKind;
        if (kind != y.ValueKind)
        {
            return false;
        }

        switch (kind)
        {
            case JsonValueKind.Number:
                return SchemaNumber(x).Equals(SchemaNumber(y));
            case JsonValueKind.String:
                // Text that cannot be decoded compares by its bytes (and equals no decodable text).
                return JsonStringText.IsWellFormed(x) && JsonStringText.IsWellFormed(y)
                    ? x.ValueEquals(y.GetString())
                    : string.Equals(JsonStringText.ValueKey(x), JsonStringText.ValueKey(y), StringComparison.Ordinal);
            case JsonValueKind.Array:
                if (x.GetArrayLength() != y.GetArrayLength())
                {
                    return false;
                }

                using (var left = x.EnumerateArray())
                using (var right = y.EnumerateArray())
                {
                    while (left.MoveNext() && right.MoveNext())
                    {
                        if (!Equals(left.Current, right.Current))
                        {
                            return false;
                        }
                    }
                }

                return true;
            case JsonValueKind.Object:
                return ObjectEquals(x, y);
            default:
                return true;
        }
    }

    /// <inheritdoc/>
    public int GetHashCode(JsonElement obj)
    {
        switch (obj.ValueKind)
        {
            case JsonValueKind.Number:
                return SchemaNumber(obj).GetHashCode();
            case JsonValueKind.String:
                return StringComparer.Ordinal.GetHashCode(JsonStringText.ValueKey(obj));
            case JsonValueKind.Array:
                var hash = new HashCode();
                foreach (var item in obj.EnumerateArray())
                {
                    hash.Add(GetHashCode(item));
                }

                return hash.ToHashCode();
            case JsonValueKind.Object:
                var sum = 0;
                foreach (var member in obj.EnumerateObject())
                {
                    sum = unchecked(sum + HashCode.Combine(JsonStringText.NameKey(member), GetHashCode(member.Value)));
                }

                return sum;
            default:
                return (int)obj.ValueKind;
        }
    }

    private static JsonNumber SchemaNumber(in JsonElement number)
    {
        // A number token's raw text is ASCII digits, signs, '.', 'e': decoding it cannot fail.
        return JsonNumber.Parse(number.GetRawText());
    }

    private bool ObjectEquals(JsonElement x, JsonElement y)
    {
        // Duplicate names: the last one wins, as when the object is read into a dictionary.
        var right = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        foreach (var member in y.EnumerateObject())
        {
            right[JsonStringText.NameKey(member)] = member.Value;
        }

        var leftCount = 0;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var member in x.EnumerateObject())
        {
            if (seen.Add(JsonStringText.NameKey(member)))
            {
                leftCount++;
            }
        }

        if (leftCount != right.Count)
        {
            return false;
        }

        var left = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        foreach (var member in x.EnumerateObject())
        {
            left[JsonStringText.NameKey(member)] = member.Value;
        }

        foreach (var entry in left)
        {
            if (!right.TryGetValue(entry.Key, out var other) || !Equals(entry.Value, other))
            {
                return false;
            }
        }

        return true;
    }
}
