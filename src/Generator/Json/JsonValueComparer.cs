using System;
using System.Collections.Generic;

namespace Hooksmith.Generator.Json;

/// <summary>
/// Equality of JSON values as JSON Schema defines it (for const, enum and uniqueItems): numbers by
/// mathematical value (1 equals 1.0), strings by code units, objects by their set of members whatever the
/// order, arrays element by element, and true, false and null by kind.
/// </summary>
internal static class JsonValueComparer
{
    /// <summary>
    /// Deep equality. For an object with duplicate member names, the last value of each name counts (as the
    /// node's indexer does). Works with an explicit stack, so deep documents cannot overflow the call stack.
    /// </summary>
    public static bool DeepEquals(JsonNode a, JsonNode b)
    {
        if (a is null || b is null)
        {
            return ReferenceEquals(a, b);
        }

        var pending = new Stack<(JsonNode Left, JsonNode Right)>();
        pending.Push((a, b));
        while (pending.Count > 0)
        {
            var (left, right) = pending.Pop();
            if (ReferenceEquals(left, right))
            {
                continue;
            }

            if (left.Kind != right.Kind)
            {
                return false;
            }

            switch (left.Kind)
            {
                case JsonKind.String:
                    if (!string.Equals(left.Text, right.Text, StringComparison.Ordinal))
                    {
                        return false;
                    }

                    break;
                case JsonKind.Number:
                    if (!JsonNumber.MathEquals(left.Text!, right.Text!))
                    {
                        return false;
                    }

                    break;
                case JsonKind.Array:
                    if (left.Items.Count != right.Items.Count)
                    {
                        return false;
                    }

                    for (var i = 0; i < left.Items.Count; i++)
                    {
                        pending.Push((left.Items[i], right.Items[i]));
                    }

                    break;
                case JsonKind.Object:
                    // Same set of names in both directions, then the (last) value of each name.
                    foreach (var property in right.Properties)
                    {
                        if (left[property.Name] is null)
                        {
                            return false;
                        }
                    }

                    foreach (var property in left.Properties)
                    {
                        var other = right[property.Name];
                        if (other is null)
                        {
                            return false;
                        }

                        var mine = left[property.Name]!;
                        if (ReferenceEquals(mine, property.Value))
                        {
                            pending.Push((mine, other));
                        }
                    }

                    break;
            }
        }

        return true;
    }
}
