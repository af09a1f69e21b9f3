using System.Collections.Generic;
using System.Text.Json;

namespace Hooksmith.Serialization;

/// <summary>
/// Value equality for what generated models hold: lists and maps by content, raw JSON by JSON
/// Schema's equality (numbers by value, objects regardless of member order).
/// </summary>
public static class StructuralEquality
{
    /// <summary>Compares two lists element by element.</summary>
    public static bool ListEquals<T>(IReadOnlyList<T>? left, IReadOnlyList<T>? right)
    {
        if (ReferenceEquals(left, right))
        {
            return true;
        }

        if (left is null || right is null || left.Count != right.Count)
        {
            return false;
        }

        var comparer = ValueComparer<T>.Instance;
        for (var i = 0; i < left.Count; i++)
        {
            if (!comparer.Equals(left[i], right[i]))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>A hash code consistent with <see cref="ListEquals{T}"/>.</summary>
    public static int ListHashCode<T>(IReadOnlyList<T>? list)
    {
        if (list is null)
        {
            return 0;
        }

        var hash = new System.HashCode();
        var comparer = ValueComparer<T>.Instance;
        hash.Add(list.Count);
        for (var i = 0; i < list.Count; i++)
        {
            hash.Add(list[i] is null ? 0 : comparer.GetHashCode(list[i]!));
        }

        return hash.ToHashCode();
    }

    /// <summary>Compares two maps by their entries, whatever their order.</summary>
    public static bool MapEquals<T>(IReadOnlyDictionary<string, T>? left, IReadOnlyDictionary<string, T>? right)
    {
        if (ReferenceEquals(left, right))
        {
            return true;
        }

        if (left is null || right is null || left.Count != right.Count)
        {
            return false;
        }

        var comparer = ValueComparer<T>.Instance;
        foreach (var entry in left)
        {
            if (!right.TryGetValue(entry.Key, out var other) || !comparer.Equals(entry.Value, other))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>A hash code consistent with <see cref="MapEquals{T}"/>.</summary>
    public static int MapHashCode<T>(IReadOnlyDictionary<string, T>? map)
    {
        if (map is null)
        {
            return 0;
        }

        // Order-independent: sum of entry hashes.
        var comparer = ValueComparer<T>.Instance;
        var sum = map.Count;
        foreach (var entry in map)
        {
            sum = unchecked(sum + System.HashCode.Combine(entry.Key, entry.Value is null ? 0 : comparer.GetHashCode(entry.Value)));
        }

        return sum;
    }

    /// <summary>JSON Schema equality of two JSON values.</summary>
    public static bool ElementEquals(JsonElement left, JsonElement right) => JsonElementComparer.Instance.Equals(left, right);

    /// <summary>JSON Schema equality of two optional JSON values.</summary>
    public static bool ElementEquals(JsonElement? left, JsonElement? right)
        => left is { } l ? right is { } r && JsonElementComparer.Instance.Equals(l, r) : right is null;

    /// <summary>A hash code consistent with <see cref="ElementEquals(JsonElement, JsonElement)"/>.</summary>
    public static int ElementHashCode(JsonElement? element)
        => element is { } e ? JsonElementComparer.Instance.GetHashCode(e) : 0;

    /// <summary>The comparer used for elements: JSON equality for raw JSON, the default otherwise.</summary>
    private static class ValueComparer<T>
    {
        public static readonly IEqualityComparer<T> Instance = typeof(T) == typeof(JsonElement)
            ? (IEqualityComparer<T>)(object)JsonElementComparer.Instance
            : EqualityComparer<T>.Default;
    }
}
