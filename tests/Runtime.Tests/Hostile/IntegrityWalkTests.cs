using System.Linq;
using System.Text;
using System.Text.Json;
using CsCheck;
using Hooksmith.Serialization;

namespace Hooksmith.Runtime.Tests.Hostile;

/// <summary>
/// The quick integrity walk (<see cref="JsonIntegrity.IsClean(in JsonElement, bool)"/>, which compares member
/// names by hash and, when the bytes passed the vectorised text test, decodes no string) says "clean" exactly
/// when the exhaustive one (<see cref="JsonIntegrity.Collect"/>) finds nothing: over random documents whose
/// objects have few or many members, names that repeat at any depth, spelled plainly or escaped.
/// </summary>
public sealed class IntegrityWalkTests
{
    // A small alphabet so that names repeat often; the escaped spellings decode to names of the same alphabet.
    private static readonly string[] Names = ["a", "b", "id", "st\\u0061tus", "status", "\\u0062", "\\u00e9t\\u00E9", "été", "x\\/y", "x/y"];

    private static readonly string[] Scalars = ["1", "-2.5e3", "true", "null", "\"s\"", "\"\\u00e9\"", "\"line\\nbreak\""];

    private static readonly Gen<string> Scalar = Gen.Int[0, Scalars.Length - 1].Select(i => Scalars[i]);

    private static Gen<string> Value(int depth)
        => depth == 0
            ? Scalar
            : Gen.Frequency(
                (3, Scalar),
                (2, Gen.Int[0, 40].SelectMany(count => Object(depth - 1, count))),
                (1, Value(depth - 1).Array[0, 4].Select(items => "[" + string.Join(",", items) + "]")));

    /// <summary>An object of <paramref name="count"/> members, some of them (with luck) sharing a name; more than 32 take the set path.</summary>
    private static Gen<string> Object(int depth, int count)
        => Gen.Select(Gen.Int[0, Names.Length - 1].Array[count], Gen.Bool.Array[count], Value(depth).Array[count], (picks, unique, values) =>
            "{" + string.Join(",", Enumerable.Range(0, count).Select(i => $"\"{(unique[i] ? $"m{i}" : Names[picks[i]])}\":{values[i]}")) + "}");

    [Fact]
    public void Quick_walk_agrees_with_the_exhaustive_one_on_random_documents()
    {
        Value(3).Sample(json =>
        {
            using var document = JsonDocument.Parse(json);
            var root = document.RootElement;
            var expected = JsonIntegrity.Collect(root, string.Empty, out _).Count == 0;
            Assert.Equal(expected, JsonIntegrity.IsClean(root));
            Assert.False(JsonIntegrity.MayHoldIllFormedText(Encoding.UTF8.GetBytes(json)));
            Assert.Equal(expected, JsonIntegrity.IsClean(root, checkText: false));
        }, iter: 2000);
    }

    [Theory]
    [InlineData(2)]
    [InlineData(32)]
    [InlineData(33)]
    [InlineData(200)]
    public void A_repeat_between_the_first_and_last_member_is_found_at_any_size(int count)
    {
        var members = Enumerable.Range(0, count).Select(i => $"\"n{i}\":{i}").ToList();
        members[^1] = "\"n\\u0030\":0"; // the first member's name, escaped
        using var document = JsonDocument.Parse("{\"outer\":{" + string.Join(",", members) + "}}");
        Assert.False(JsonIntegrity.IsClean(document.RootElement, checkText: false));
        Assert.False(JsonIntegrity.IsClean(document.RootElement));
    }

    [Fact]
    public void Undecodable_text_is_still_found_when_the_caller_does_not_vouch_for_it()
    {
        using var document = JsonDocument.Parse("{\"a\":[\"\\ud800\"]}");
        Assert.True(JsonIntegrity.MayHoldIllFormedText("{\"a\":[\"\\ud800\"]}"u8));
        Assert.False(JsonIntegrity.IsClean(document.RootElement));
    }
}
