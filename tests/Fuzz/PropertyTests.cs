using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using System.Text.Json;
using CsCheck;

namespace Hooksmith.Fuzz;

/// <summary>
/// CsCheck properties: any JSON value put in place of any value of the seed payload goes through every
/// entry point without an exception, and a value that binds writes back to an equal value.
/// </summary>
public sealed class PropertyTests
{
    private static readonly byte[] Seed = FuzzSeeds.SeedData;

    /// <summary>The start and length of every value in the seed (scalars, arrays, objects), and of every member name.</summary>
    private static readonly (int Start, int Length)[] Places = ValuePlaces(Seed);

    private static Gen<string> OneOf(params string[] choices) => Gen.Int[0, choices.Length - 1].Select(i => choices[i]);

    private static readonly Gen<string> HostileString = Gen.OneOf(
        Gen.String.Select(s => JsonSerializer.Serialize(s)),
        Gen.Int[0xD800, 0xDFFF].Select(unit => $"\"\\u{unit:x4}\""),
        Gen.Select(Gen.String[Gen.Char.AlphaNumeric, 0, 8], Gen.Int[0xD800, 0xDBFF], (text, high) => $"\"{text}\\u{high:X4}{text}\""));

    private static readonly Gen<string> HostileNumber = Gen.OneOf(
        Gen.Long.Select(n => n.ToString(CultureInfo.InvariantCulture)),
        Gen.Double.Where(d => double.IsFinite(d)).Select(d => d.ToString("R", CultureInfo.InvariantCulture)),
        Gen.Select(Gen.Int[1, 9], Gen.Int[-500, 500], (digit, exponent) => $"{digit}e{exponent}"),
        Gen.Select(Gen.Int[0, 60], Gen.Int[1, 9], (zeros, digit) => $"0.{new string('0', zeros)}{digit}"),
        Gen.Int[20, 80].Select(digits => new string('9', digits)));

    private static readonly Gen<string> Scalar = Gen.OneOf(HostileString, HostileNumber, OneOf("null", "true", "false"));

    /// <summary>JSON values up to a few levels deep, with repeated member names on purpose.</summary>
    private static readonly Gen<string> Value = Gen.Recursive<string>((depth, self) => depth >= 3
        ? Scalar
        : Gen.Frequency(
            (4, Scalar),
            (1, self.Array[0, 4].Select(items => "[" + string.Join(",", items) + "]")),
            (1, Gen.Select(OneOf("\"a\"", "\"b\"", "\"id\"", "\"status\"", "\"\\ud800\""), self).Array[0, 4]
                .Select(members => "{" + string.Join(",", members.Select(m => m.Item1 + ":" + m.Item2)) + "}"))));

    [Fact]
    public void Any_value_anywhere_in_the_seed_never_throws_and_round_trips()
    {
        var target = new ModelTarget<Seed.CustomerOrderUpdated>();
        Gen.Select(Gen.Int[0, Places.Length - 1], Value).Sample((place, value) =>
        {
            var (start, length) = Places[place];
            var input = (byte[])[.. Seed.AsSpan(0, start), .. Encoding.UTF8.GetBytes(value), .. Seed.AsSpan(start + length)];
            FuzzRun.Exercise(target, input, $"{value} at byte {start}");
        }, iter: 1_500 * FuzzRun.Scale);
    }

    [Fact]
    public void Any_member_name_in_the_seed_never_throws()
    {
        var target = new ModelTarget<Seed.CustomerOrderUpdated>();
        var names = NamePlaces(Seed);
        Gen.Select(Gen.Int[0, names.Length - 1], HostileString).Sample((place, name) =>
        {
            var (start, length) = names[place];
            var input = (byte[])[.. Seed.AsSpan(0, start), .. Encoding.UTF8.GetBytes(name), .. Seed.AsSpan(start + length)];
            FuzzRun.Exercise(target, input, $"name {name} at byte {start}");
        }, iter: 500 * FuzzRun.Scale);
    }

    private static (int Start, int Length)[] ValuePlaces(byte[] json)
    {
        var places = new List<(int, int)>();
        var reader = new Utf8JsonReader(json);
        while (reader.Read())
        {
            var start = (int)reader.TokenStartIndex;
            switch (reader.TokenType)
            {
                case JsonTokenType.String:
                    places.Add((start, reader.ValueSpan.Length + 2));
                    break;
                case JsonTokenType.Number or JsonTokenType.True or JsonTokenType.False or JsonTokenType.Null:
                    places.Add((start, reader.ValueSpan.Length));
                    break;
                case JsonTokenType.StartArray or JsonTokenType.StartObject:
                    var copy = reader;
                    copy.Skip();
                    places.Add((start, (int)copy.BytesConsumed - start));
                    break;
            }
        }

        return [.. places];
    }

    private static (int Start, int Length)[] NamePlaces(byte[] json)
    {
        var places = new List<(int, int)>();
        var reader = new Utf8JsonReader(json);
        while (reader.Read())
        {
            if (reader.TokenType == JsonTokenType.PropertyName)
            {
                places.Add(((int)reader.TokenStartIndex, reader.ValueSpan.Length + 2));
            }
        }

        return [.. places];
    }
}
