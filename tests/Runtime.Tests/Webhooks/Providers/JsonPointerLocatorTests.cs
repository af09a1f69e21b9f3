using System;
using System.Linq;
using System.Text;
using CsCheck;
using Hooksmith.Webhooks;

namespace Hooksmith.Runtime.Tests.Webhooks.Providers;

public sealed class JsonPointerLocatorTests
{
    // Few names and small indexes, so that random documents repeat members, nest the same names and hold what the
    // random pointers name (or almost name).
    private static readonly string[] Names = ["a", "b", "c", "a/b", "0"];

    private static Gen<string> Choice(params string[] choices) => Gen.Int[0, choices.Length - 1].Select(i => choices[i]);

    private static readonly Gen<string> Scalar = Choice("1", "-2.5e3", "\"x\"", "\"\"", "\"\\u00e9\\\"\"", "true", "false", "null");

    private static readonly Gen<string> Json = JsonAt(0);

    private static Gen<string> JsonAt(int depth)
    {
        if (depth >= 3)
        {
            return Scalar;
        }

        var inner = JsonAt(depth + 1);
        return Gen.Frequency(
            (2, Scalar),
            (3, Gen.Select(Choice(Names), inner).Array[0, 5].Select(members => "{" + string.Join(",", members.Select(m => $"\"{m.Item1}\":{m.Item2}")) + "}")),
            (1, inner.Array[0, 4].Select(items => "[" + string.Join(",", items) + "]")));
    }

    private static readonly Gen<string> Pointer = Choice("a", "b", "c", "a~1b", "0", "1", "01", "2").Array[0, 4]
        .Select(tokens => tokens.Length == 0 ? string.Empty : "/" + string.Join("/", tokens));

    [Fact]
    public void Locating_several_pointers_in_one_pass_finds_what_locating_each_finds()
    {
        Gen.Select(Json, Pointer.Array[1, 12]).Sample((json, pointers) =>
        {
            var bytes = Encoding.UTF8.GetBytes(json);
            var parsed = pointers.Select(JsonPointerLocator.Parse).ToArray();
            var found = new JsonValueLocation[parsed.Length];

            JsonPointerLocator.LocateAll(bytes, parsed, found);

            for (var i = 0; i < parsed.Length; i++)
            {
                Assert.True(JsonPointerLocator.Locate(bytes, parsed[i]) == found[i], $"{pointers[i]} in {json}: {JsonPointerLocator.Locate(bytes, parsed[i])} one by one, {found[i]} in one pass");
            }
        }, iter: 3000, threads: 1);
    }

    [Fact]
    public void A_later_duplicate_member_replaces_an_earlier_one_as_a_whole_in_one_pass()
    {
        var json = Encoding.UTF8.GetBytes("""{"event":{"id":"first","type":"t"},"event":{"type":"u"},"id":7}""");
        var pointers = new[] { "/event/id", "/event/type", "/id", "/event", "/missing" }.Select(JsonPointerLocator.Parse).ToArray();
        var found = new JsonValueLocation[pointers.Length];

        JsonPointerLocator.LocateAll(json, pointers, found);

        Assert.False(found[0].Exists);
        Assert.Equal("u", found[1].ScalarText(json));
        Assert.Equal("7", found[2].ScalarText(json));
        Assert.Equal("""{"type":"u"}""", Encoding.UTF8.GetString(json, found[3].Start, found[3].Length));
        Assert.False(found[4].Exists);
    }

    [Fact]
    public void More_pointers_than_one_pass_follows_are_located_one_by_one_with_the_same_result()
    {
        var json = Encoding.UTF8.GetBytes("""{"a":[1,{"b":2}],"c":"d"}""");
        var pointers = Enumerable.Range(0, 40).Select(i => (i % 4) switch { 0 => "/a/1/b", 1 => "/c", 2 => "/a/0", _ => "/nothing" }).Select(JsonPointerLocator.Parse).ToArray();
        var found = new JsonValueLocation[pointers.Length];

        JsonPointerLocator.LocateAll(json, pointers, found);

        for (var i = 0; i < pointers.Length; i++)
        {
            Assert.Equal(JsonPointerLocator.Locate(json, pointers[i]), found[i]);
        }
    }

    [Fact]
    public void Fewer_locations_than_pointers_is_refused()
    {
        var pointers = new[] { JsonPointerLocator.Parse("/a"), JsonPointerLocator.Parse("/b") };

        Assert.Throws<ArgumentException>(() => JsonPointerLocator.LocateAll("{}"u8, pointers, new JsonValueLocation[1]));
    }
}
