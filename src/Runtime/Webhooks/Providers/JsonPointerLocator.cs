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
