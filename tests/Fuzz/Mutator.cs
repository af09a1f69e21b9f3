using System;
using System.Collections.Generic;
using System.Text;
using System.Text.Json;

namespace Hooksmith.Fuzz;

/// <summary>
/// Makes mutants of a valid payload: byte-level damage (flips, cuts, repeats, insertions) and JSON-aware
/// replacements of whole tokens by values chosen to hurt — undecodable text, numbers a .NET type cannot
/// hold, repeated members, deep nesting, wrong types. One to four mutations per mutant.
/// </summary>
internal static class Mutator
{
    /// <summary>Values a token is replaced by.</summary>
    private static readonly byte[][] Dictionary = Utf8(
    [
        "\"\\ud800\"", "\"\\udc00\"", "\"a\\uDBFF\\u0041b\"", "\"\\udc00\\ud800\"", "\"\\u0000\"", "\"\\\\\"", "\"\\\"\"",
        "1e-30", "1e-400", "0.00000000000000000000000000001", "1e400", "-1E+999999999999", "1.0", "1e2", "-0", "-0.0",
        "9223372036854775808", "-9223372036854775809", "79228162514264337593543950336", "0.1234567890123456789012345678901",
        "123456789012345678901234567890123456789012345678901234567890",
        "null", "true", "false", "[]", "{}", "\"\"", "[null]", "{\"\":null}", "[[[[[[[[[[[[[[[[[[[[1]]]]]]]]]]]]]]]]]]]",
        "\"2024-03-12T13:40:39Z\"", "\"2024-03-12T13:40:39.1234567+14:00\"", "\"2024-02-30T25:61:61Z\"", "\"2019-10-11\"",
        "\"9999-12-31T23:59:59.9999999-14:00\"", "\"0001-01-01T00:00:00+14:00\"",
        "\"PAID\"", "\"not-a-known-value\"", "\"x@y\"", "\"http://[::1]\"",
    ]);

    /// <summary>Raw bytes spliced in anywhere.</summary>
    private static readonly byte[][] Splices =
    [
        [0xFF], [0xC0, 0x80], [0xED, 0xA0, 0x80], [0xE2, 0x82], [0x80], [0xF4, 0x90, 0x80, 0x80], [0xEF, 0xBB, 0xBF],
        .. Utf8(["\\ud800", "\\udc00", "\\u", "\\", "\"", ",", ":", "{", "}", "[", "]", "\"a\":1,", "\"a\":1,\"a\":2,", " ", "\n", "\0"]),
    ];

    public static byte[] Mutate(byte[] seed, Random random)
    {
        var mutant = seed;
        var count = 1 + random.Next(4);
        for (var i = 0; i < count; i++)
        {
            mutant = random.Next(10) switch
            {
                0 => FlipByte(mutant, random),
                1 => Cut(mutant, random),
                2 => Repeat(mutant, random),
                3 => Splice(mutant, random),
                4 => DuplicateMember(mutant, random),
                _ => ReplaceToken(mutant, random),
            };
        }

        return mutant;
    }

    private static byte[] FlipByte(byte[] input, Random random)
    {
        if (input.Length == 0)
        {
            return input;
        }

        var copy = (byte[])input.Clone();
        copy[random.Next(copy.Length)] ^= (byte)(1 << random.Next(8));
        return copy;
    }

    private static byte[] Cut(byte[] input, Random random)
    {
        if (input.Length == 0)
        {
            return input;
        }

        var start = random.Next(input.Length);
        var length = random.Next(Math.Min(64, input.Length - start) + 1);
        return [.. input.AsSpan(0, start), .. input.AsSpan(start + length)];
    }

    private static byte[] Repeat(byte[] input, Random random)
    {
        if (input.Length == 0)
        {
            return input;
        }

        var start = random.Next(input.Length);
        var length = random.Next(Math.Min(64, input.Length - start) + 1);
        var slice = input.AsSpan(start, length);
        return [.. input.AsSpan(0, start + length), .. slice, .. input.AsSpan(start + length)];
    }

    private static byte[] Splice(byte[] input, Random random)
    {
        var at = random.Next(input.Length + 1);
        var piece = Splices[random.Next(Splices.Length)];
        return [.. input.AsSpan(0, at), .. piece, .. input.AsSpan(at)];
    }

    /// <summary>Replaces one token (a scalar, a member name's string, or a whole array or object) by a dictionary value.</summary>
    private static byte[] ReplaceToken(byte[] input, Random random)
    {
        var tokens = Tokens(input);
        if (tokens.Count == 0)
        {
            return Splice(input, random);
        }

        var (start, length, isName) = tokens[random.Next(tokens.Count)];
        var replacement = Dictionary[random.Next(Dictionary.Length)];
        if (isName && replacement[0] != (byte)'"')
        {
            replacement = Dictionary[random.Next(7)]; // a name must stay a string to keep the rest readable
        }

        return [.. input.AsSpan(0, start), .. replacement, .. input.AsSpan(start + length)];
    }

    /// <summary>Repeats a member of some object right after itself, with its value or another.</summary>
    private static byte[] DuplicateMember(byte[] input, Random random)
    {
        var members = new List<(int Start, int Length)>();
        try
        {
            var reader = new Utf8JsonReader(input, new JsonReaderOptions { MaxDepth = 512 });
            while (reader.Read())
            {
                if (reader.TokenType == JsonTokenType.PropertyName)
                {
                    var start = (int)reader.TokenStartIndex;
                    reader.Read();
                    reader.Skip();
                    members.Add((start, (int)reader.BytesConsumed - start));
                }
            }
        }
        catch (JsonException)
        {
            // A mutant already broken: duplicate what was read before the break.
        }

        if (members.Count == 0)
        {
            return Splice(input, random);
        }

        var (at, size) = members[random.Next(members.Count)];
        var member = input.AsSpan(at, size);
        return [.. input.AsSpan(0, at + size), .. ","u8, .. member, .. input.AsSpan(at + size)];
    }

    private static List<(int Start, int Length, bool IsName)> Tokens(byte[] input)
    {
        var tokens = new List<(int, int, bool)>();
        try
        {
            var reader = new Utf8JsonReader(input, new JsonReaderOptions { MaxDepth = 512 });
            while (reader.Read())
            {
                var start = (int)reader.TokenStartIndex;
                switch (reader.TokenType)
                {
                    case JsonTokenType.PropertyName:
                        tokens.Add((start, reader.ValueSpan.Length + 2, true)); // the raw text and its quotes
                        break;
                    case JsonTokenType.String:
                        tokens.Add((start, reader.ValueSpan.Length + 2, false));
                        break;
                    case JsonTokenType.Number or JsonTokenType.True or JsonTokenType.False or JsonTokenType.Null:
                        tokens.Add((start, reader.ValueSpan.Length, false));
                        break;
                    case JsonTokenType.StartArray or JsonTokenType.StartObject:
                        var copy = reader;
                        copy.Skip();
                        tokens.Add((start, (int)copy.BytesConsumed - start, false));
                        break;
                }
            }
        }
        catch (JsonException)
        {
            // Tokens before the damage are still good places to mutate.
        }

        return tokens;
    }

    private static byte[][] Utf8(string[] texts) => Array.ConvertAll(texts, Encoding.UTF8.GetBytes);
}
