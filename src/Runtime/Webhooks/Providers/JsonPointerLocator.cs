using System;
using System.Text;
using System.Text.Json;

namespace Hooksmith.Webhooks;

/// <summary>
/// Finds the value a JSON Pointer (RFC 6901) names inside a well-formed JSON text, as a location in that text, so a
/// payload or a batch item is sliced out of the body rather than copied.
/// </summary>
/// <remarks>
/// Of duplicate members the last one wins, as a whole: a later <c>event</c> replaces an earlier one even when only
/// the earlier one has the member the rest of the pointer names. The text must be well formed (the caller checked it
/// with one reader pass); a malformed text makes the reader throw <see cref="JsonException"/>.
/// </remarks>
internal static class JsonPointerLocator
{
    /// <summary>Splits a pointer into its unescaped reference tokens (<c>~1</c> → <c>/</c>, <c>~0</c> → <c>~</c>).</summary>
    /// <exception cref="ArgumentException">The pointer is neither empty nor starts with <c>/</c>.</exception>
    public static byte[][] Parse(string pointer)
    {
        ArgumentNullException.ThrowIfNull(pointer);
        if (pointer.Length == 0)
        {
            return [];
        }

        if (pointer[0] != '/')
        {
            throw new ArgumentException($"'{pointer}' is not a JSON Pointer: it must be empty or start with '/'.", nameof(pointer));
        }

        var parts = pointer[1..].Split('/');
        var tokens = new byte[parts.Length][];
        for (var i = 0; i < parts.Length; i++)
        {
            tokens[i] = Encoding.UTF8.GetBytes(parts[i].Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal));
        }

        return tokens;
    }

    /// <summary>The location of the value at <paramref name="tokens"/>, or <c>default</c> (<see cref="JsonTokenType.None"/>) when there is none.</summary>
    public static JsonValueLocation Locate(ReadOnlySpan<byte> json, byte[][] tokens)
    {
        var reader = new Utf8JsonReader(json);
        reader.Read();
        return Descend(ref reader, tokens, 0);
    }

    /// <summary>
    /// Locates several pointers in one reader pass over <paramref name="json"/>: <c>found[i]</c> is what
    /// <see cref="Locate"/> would say of <c>pointers[i]</c>, duplicate members included (the last wins as a whole).
    /// </summary>
    /// <remarks>A provider's envelope names five or more values and a signed Adyen item nine: one pass instead of one each.</remarks>
    /// <exception cref="ArgumentException"><paramref name="found"/> is shorter than <paramref name="pointers"/>.</exception>
    public static void LocateAll(ReadOnlySpan<byte> json, ReadOnlySpan<byte[][]> pointers, Span<JsonValueLocation> found)
    {
        if (found.Length < pointers.Length)
        {
            throw new ArgumentException("There must be a location for every pointer.", nameof(found));
        }

        found[..pointers.Length].Clear();
        if (pointers.Length > MaxPointersInOnePass)
        {
            for (var i = 0; i < pointers.Length; i++)
            {
                found[i] = Locate(json, pointers[i]);
            }

            return;
        }

        var reader = new Utf8JsonReader(json);
        reader.Read();
        Span<int> all = stackalloc int[pointers.Length];
        for (var i = 0; i < all.Length; i++)
        {
            all[i] = i;
        }

        DescendAll(ref reader, pointers, all, 0, found);
    }

    // The indexes of the pointers followed at one depth live on the stack, a list per level.
    private const int MaxPointersInOnePass = 32;

    // The value the reader stands on is at depth `depth` of every pointer in `active` (their first `depth` tokens
    // matched the way here). Pointers that end here take the value's location; the others go on into it.
    private static void DescendAll(ref Utf8JsonReader reader, scoped ReadOnlySpan<byte[][]> pointers, scoped ReadOnlySpan<int> active, int depth, scoped Span<JsonValueLocation> found)
    {
        var kind = reader.TokenType;
        var start = (int)reader.TokenStartIndex;
        var ending = 0;
        foreach (var p in active)
        {
            ending += pointers[p].Length == depth ? 1 : 0;
        }

        var deeper = active.Length - ending;
        if (deeper > 0 && kind is JsonTokenType.StartObject or JsonTokenType.StartArray)
        {
            Span<int> next = stackalloc int[deeper];
            if (kind == JsonTokenType.StartObject)
            {
                while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
                {
                    var count = 0;
                    foreach (var p in active)
                    {
                        if (pointers[p].Length > depth && reader.ValueTextEquals(pointers[p][depth]))
                        {
                            next[count++] = p;
                        }
                    }

                    reader.Read();
                    if (count == 0)
                    {
                        reader.Skip();
                        continue;
                    }

                    // A later duplicate member replaces an earlier one as a whole, found or not.
                    foreach (var p in next[..count])
                    {
                        found[p] = default;
                    }

                    DescendAll(ref reader, pointers, next[..count], depth + 1, found);
                }
            }
            else
            {
                var position = 0;
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                {
                    var count = 0;
                    foreach (var p in active)
                    {
                        if (pointers[p].Length > depth && ArrayIndex(pointers[p][depth]) == position)
                        {
                            next[count++] = p;
                        }
                    }

                    position++;
                    if (count == 0)
                    {
                        reader.Skip();
                        continue;
                    }

                    DescendAll(ref reader, pointers, next[..count], depth + 1, found);
                }
            }
        }
        else if (kind is JsonTokenType.StartObject or JsonTokenType.StartArray)
        {
            reader.Skip();
        }

        if (ending == 0)
        {
            return;
        }

        // The reader now stands on the value's last token: a scalar, or a container's end.
        var location = new JsonValueLocation(kind, start, (int)reader.BytesConsumed - start);
        foreach (var p in active)
        {
            if (pointers[p].Length == depth)
            {
                found[p] = location;
            }
        }
    }

    private static JsonValueLocation Descend(ref Utf8JsonReader reader, byte[][] tokens, int depth)
    {
        if (depth == tokens.Length)
        {
            var kind = reader.TokenType;
            var start = (int)reader.TokenStartIndex;
            if (kind is JsonTokenType.StartObject or JsonTokenType.StartArray)
            {
                reader.Skip();
            }

            return new JsonValueLocation(kind, start, (int)reader.BytesConsumed - start);
        }

        var found = default(JsonValueLocation);
        switch (reader.TokenType)
        {
            case JsonTokenType.StartObject:
                while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
                {
                    var matches = reader.ValueTextEquals(tokens[depth]);
                    reader.Read();
                    if (matches)
                    {
                        found = Descend(ref reader, tokens, depth + 1);
                    }
                    else
                    {
                        reader.Skip();
                    }
                }

                return found;
            case JsonTokenType.StartArray:
                var index = ArrayIndex(tokens[depth]);
                var position = 0;
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                {
                    if (position++ == index)
                    {
                        found = Descend(ref reader, tokens, depth + 1);
                    }
                    else
                    {
                        reader.Skip();
                    }
                }

                return found;
            default:
                return found;
        }
    }

    // RFC 6901: an array index is 0 or digits without a leading zero; anything else names no element.
    private static int ArrayIndex(byte[] token)
    {
        if (token.Length == 0 || token.Length > 9 || (token[0] == (byte)'0' && token.Length > 1))
        {
            return -1;
        }

        var value = 0;
        foreach (var b in token)
        {
            if (b is < (byte)'0' or > (byte)'9')
            {
                return -1;
            }

            value = (value * 10) + (b - '0');
        }

        return value;
    }
}
