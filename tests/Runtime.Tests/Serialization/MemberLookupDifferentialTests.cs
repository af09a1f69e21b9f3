using System;
using System.Buffers;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using System.Text.Json;
using CsCheck;
using Hooksmith.Runtime.Tests.Voucherify;
using Hooksmith.Serialization;
using Hooksmith.Validation;

namespace Hooksmith.Runtime.Tests.Serialization;

/// <summary>
/// Issue 14's member lookup in generated <c>TryRead</c>: <see cref="ObjectReader.NextMember(ref Utf8JsonReader, BindingContext, PropertyNameSet, out int)"/>
/// must find exactly the member the sequential <see cref="Utf8JsonReader.ValueTextEquals(ReadOnlySpan{byte})"/> arms
/// it replaced found (the first listed name equal to the unescaped member name, or none), for random name sets and
/// random member names: escaped or not, differing only in case, non-ASCII, astral, long, and read from one buffer or
/// from a sequence of small segments.
/// </summary>
public sealed class MemberLookupDifferentialTests
{
    /// <summary>Few letters, so names collide in length and differ only in case; plus characters JSON escapes or that need several UTF-8 bytes.</summary>
    private static readonly string[] Characters = ["a", "b", "A", "B", "_", "é", "É", "日", "😀", "\ufffd", "\\", "\"", "\n", "\u0001", "/", " ", "0"];

    private static readonly Gen<string> Character = Gen.Int[0, Characters.Length - 1].Select(i => Characters[i]);

    private static readonly Gen<string> ShortName = Gen.Int[0, 6].SelectMany(length => Character.Array[length]).Select(string.Concat);

    /// <summary>Names from a few bytes to over a kilobyte: longer than the stack buffer once escaped, and longer than any listed name.</summary>
    private static readonly Gen<string> LongName = Gen.Int[100, 700].SelectMany(length => Character.Array[length]).Select(string.Concat);

    private static readonly Gen<string> AnyName = Gen.Frequency((8, ShortName), (1, LongName));

    /// <summary>A listed name may also have an unpaired surrogate (a schema may say anything), which UTF-8 would spell as U+FFFD.</summary>
    private static readonly Gen<string> ListedName = Gen.Frequency(
        (12, AnyName),
        (1, Gen.Select(ShortName, Gen.Int[0, 2], (name, which) => name + (which switch { 0 => "\ud800", 1 => "\udc00", _ => "\udc00\ud800" }))));

    /// <summary>How a member name is spelled in the JSON: each character as itself where JSON allows, or escaped.</summary>
    private enum Spelling
    {
        Raw,
        Escaped,
        Mixed,
    }

    [Fact]
    public void Lookup_finds_what_the_sequential_comparison_found()
    {
        var gen =
            from names in ListedName.List[0, 80]
            from members in Gen.Frequency((3, Gen.Int[0, 1000].Select(i => names.Count == 0 ? string.Empty : names[i % names.Count])), (2, AnyName)).List[0, 12]
            from spelling in Gen.Enum<Spelling>()
            from seed in Gen.Int
            from segment in Gen.Int[0, 8]
            select (names.Distinct(StringComparer.Ordinal).ToArray(), members, spelling, seed, segment);

        gen.Sample(sample => Agree(sample.Item1, sample.members, sample.spelling, sample.seed, sample.segment), iter: 3000);
    }

    [Fact]
    public void Escaped_names_are_found_and_names_differing_in_case_are_not()
    {
        var names = new PropertyNameSet("sku", "SKU", "quantity", "é");
        var found = IndexesOf(names, """{"\u0073ku":1,"sku":2,"SKU":3,"\u0053KU":4,"Sku":5,"\u00e9":6,"\u00C9":7,"quantit\u0079":8,"quantityy":9}"""u8.ToArray(), 0);

        Assert.Equal([0, 0, 1, 1, -1, 3, -1, 2, -1], found);
    }

    [Fact]
    public void A_listed_name_with_an_unpaired_surrogate_is_never_found_not_even_as_U_FFFD()
    {
        var names = new PropertyNameSet("a\ud800", "a\ufffd", "\udc00");
        var found = IndexesOf(names, Encoding.UTF8.GetBytes("""{"a\ufffd":1,"a\uFFFD":2,"\ufffd":3,"a":4}"""), 0);

        Assert.Equal([1, 1, -1, -1], found);
    }

    [Fact]
    public void Sets_over_64_names_find_every_name()
    {
        var list = Enumerable.Range(0, 150).Select(i => "member" + i.ToString(CultureInfo.InvariantCulture)).ToArray();
        var json = "{" + string.Join(",", list.Select(n => "\"" + n + "\":0")) + ",\"member150\":0}";

        Assert.Equal(Enumerable.Range(0, 150).Append(-1), IndexesOf(new PropertyNameSet(list), Encoding.UTF8.GetBytes(json), 0));
    }

    [Fact]
    public void An_empty_set_finds_nothing_not_even_the_empty_name()
    {
        Assert.Equal([-1, -1, -1], IndexesOf(new PropertyNameSet(), """{"":0,"a":0,"\u0061":0}"""u8.ToArray(), 0));
    }

    [Theory]
    [InlineData("""{"sku":1,"\ud800x":2,"quantity":3}""")]
    [InlineData("""{"sku":1,"\udc00":2}""")]
    [InlineData("""{"\ud83d\u0041":2}""")]
    public void An_undecodable_name_fails_the_object_at_that_member_as_before(string json)
    {
        var names = new PropertyNameSet("sku", "quantity");
        var bytes = Encoding.UTF8.GetBytes(json);

        var (byName, byNameContext) = Walk(bytes, useSet: null);
        var (bySet, bySetContext) = Walk(bytes, names);

        Assert.True(byName.Failed);
        Assert.True(bySet.Failed);
        Assert.Equal(
            byNameContext.ToResult().Errors.Select(e => (e.Keyword, e.InstanceLocation)),
            bySetContext.ToResult().Errors.Select(e => (e.Keyword, e.InstanceLocation)));
    }

    [Fact]
    public void Invalid_utf8_in_a_name_fails_the_object_as_before()
    {
        var bytes = new List<byte>(Encoding.UTF8.GetBytes("{\"a\":1,\"")) { 0xC3, 0x28 };
        bytes.AddRange(Encoding.UTF8.GetBytes("\":2}"));

        var (bySet, context) = Walk(bytes.ToArray(), new PropertyNameSet("a"));

        Assert.True(bySet.Failed);
        Assert.Equal("encoding", Assert.Single(context.ToResult().Errors).Keyword);
    }

    [Fact]
    public void Looking_up_escaped_names_up_to_the_stack_buffer_does_not_allocate()
    {
        var names = new PropertyNameSet("id", "object", new string('n', 80));
        var json = Encoding.UTF8.GetBytes("{\"\\u0069d\":0,\"" + string.Concat(Enumerable.Repeat("\\u006e", 80)) + "\":0,\"obj\\u0065ct\":0,\"\\u0078\":0}");
        var expected = new[] { 0, 2, 1, -1 };
        Assert.Equal(expected, IndexesOf(names, json, 0));

        var before = GC.GetAllocatedBytesForCurrentThread();
        var total = 0;
        for (var round = 0; round < 100; round++)
        {
            var reader = new Utf8JsonReader(json);
            reader.Read();
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                total += names.IndexOfName(ref reader);
                reader.Read();
            }
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
        Assert.Equal(100 * expected.Sum(), total);
    }

    [Fact]
    public void The_seed_with_its_member_names_escaped_at_random_binds_to_the_same_model()
    {
        var seed = CustomerOrderUpdated.Parse(SeedPayload.Data);
        Gen.Int.Sample(
            random =>
            {
                using var document = JsonDocument.Parse(SeedPayload.Data);
                var respelled = Respell(document.RootElement, new Random(random), changeCase: false);
                Assert.True(CustomerOrderUpdated.TryParse(Encoding.UTF8.GetBytes(respelled), out var bound, out var result), respelled);
                Assert.True(result.IsValid, result.ToString());
                Assert.Equal(seed, bound);
            },
            iter: 200);
    }

    [Fact]
    public void A_seed_member_spelled_in_another_case_is_kept_unknown_and_its_property_left_unset()
    {
        using var document = JsonDocument.Parse(SeedPayload.Data);
        var respelled = Respell(document.RootElement, new Random(7), changeCase: true);

        var bound = CustomerOrderUpdated.Parse(Encoding.UTF8.GetBytes(respelled));

        var order = Assert.IsType<Order>(bound.Order);
        Assert.Null(order.Id);
        Assert.Equal("ord_tNridJhmcEOQXUqNyenX1Up6", order.AdditionalProperties!["ID"].GetString());
    }

    /// <summary>The JSON of <paramref name="element"/> with every member name spelled at random (and every <c>id</c> as <c>ID</c> if asked).</summary>
    private static string Respell(JsonElement element, Random random, bool changeCase)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                var members = element.EnumerateObject().Select(p =>
                {
                    var name = changeCase && p.Name == "id" ? "ID" : p.Name;
                    return "\"" + Spell(name, Spelling.Mixed, random) + "\":" + Respell(p.Value, random, changeCase);
                });
                return "{" + string.Join(",", members) + "}";
            case JsonValueKind.Array:
                return "[" + string.Join(",", element.EnumerateArray().Select(e => Respell(e, random, changeCase))) + "]";
            default:
                return element.GetRawText();
        }
    }

    private static void Agree(string[] list, List<string> members, Spelling spelling, int seed, int segment)
    {
        var random = new Random(seed);
        var json = new StringBuilder("{");
        foreach (var listed in members)
        {
            // A listed name's unpaired surrogate becomes U+FFFD, as a member can spell it.
            var member = Encoding.UTF8.GetString(Encoding.UTF8.GetBytes(listed));
            json.Append('"').Append(Spell(member, spelling, random)).Append("\":0,");
        }

        json.Append("\"end\":0}");
        var bytes = Encoding.UTF8.GetBytes(json.ToString());
        var names = new PropertyNameSet(list);
        var utf8 = list.Select(Encoding.UTF8.GetBytes).ToArray();
        var wellFormed = list.Select(n => Encoding.UTF8.GetString(Encoding.UTF8.GetBytes(n)) == n).ToArray(); // false: an unpaired surrogate

        var reader = Reader(bytes, segment);
        reader.Read();
        var objectReader = default(ObjectReader);
        var context = new BindingContext();
        var count = 0;
        while (objectReader.NextMember(ref reader, context, names, out var found))
        {
            var expected = -1;
            for (var i = 0; i < utf8.Length; i++)
            {
                // As the emitter compared: UTF-8 text for a well-formed name, the string (which no member equals) for one with an unpaired surrogate.
                if (wellFormed[i] ? reader.ValueTextEquals(utf8[i]) : reader.ValueTextEquals(list[i]))
                {
                    expected = i;
                    break;
                }
            }

            Assert.True(expected == found, $"member #{count} of {json}: expected {expected}, found {found}; names: {string.Join(" | ", list)}");
            reader.Read();
            count++;
        }

        Assert.False(objectReader.Failed);
        Assert.Equal(members.Count + 1, count);
    }

    /// <summary>A member name as JSON text: characters JSON requires escaped always are, others as <paramref name="spelling"/> says.</summary>
    private static string Spell(string name, Spelling spelling, Random random)
    {
        var text = new StringBuilder();
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            var escape = spelling switch
            {
                Spelling.Raw => false,
                Spelling.Escaped => true,
                _ => random.Next(3) == 0,
            };
            if (c is '"' or '\\' || c < ' ')
            {
                text.Append(c switch
                {
                    '"' => "\\\"",
                    '\\' => escape ? "\\u005c" : "\\\\",
                    '\n' => escape ? "\\u000A" : "\\n",
                    _ => "\\u" + ((int)c).ToString("x4", CultureInfo.InvariantCulture),
                });
            }
            else if (char.IsHighSurrogate(c) && i + 1 < name.Length && char.IsLowSurrogate(name[i + 1]))
            {
                // A pair is escaped whole or not at all: half an escape next to a raw half is a lone surrogate.
                text.Append(escape ? $"\\u{(int)c:x4}\\u{(int)name[i + 1]:X4}" : name.Substring(i, 2));
                i++;
            }
            else if (escape)
            {
                // Either case of hex digits, and the short escape JSON has for '/'.
                text.Append(c == '/' && random.Next(2) == 0 ? "\\/" : "\\u" + ((int)c).ToString(random.Next(2) == 0 ? "x4" : "X4", CultureInfo.InvariantCulture));
            }
            else
            {
                text.Append(c);
            }
        }

        return text.ToString();
    }

    private static Utf8JsonReader Reader(byte[] bytes, int segment)
    {
        if (segment == 0)
        {
            return new Utf8JsonReader(bytes);
        }

        // Segments of a few bytes: member names span segments, so the reader gives them as a value sequence.
        Chunk? first = null, last = null;
        for (var start = 0; start < bytes.Length; start += segment)
        {
            var memory = bytes.AsMemory(start, Math.Min(segment, bytes.Length - start));
            last = last is null ? first = new Chunk(memory, 0) : last.Append(memory);
        }

        return new Utf8JsonReader(new ReadOnlySequence<byte>(first!, 0, last!, last!.Memory.Length));
    }

    private static List<int> IndexesOf(PropertyNameSet names, byte[] json, int segment)
    {
        var reader = Reader(json, segment);
        reader.Read();
        var objectReader = default(ObjectReader);
        var context = new BindingContext();
        var found = new List<int>();
        while (objectReader.NextMember(ref reader, context, names, out var member))
        {
            found.Add(member);
            reader.Read();
        }

        Assert.False(objectReader.Failed);
        return found;
    }

    /// <summary>Reads members to the end or to a name that cannot be decoded, by the old overload or by the lookup.</summary>
    private static (ObjectReader Reader, BindingContext Context) Walk(byte[] json, PropertyNameSet? useSet)
    {
        var reader = new Utf8JsonReader(json);
        reader.Read();
        var objectReader = default(ObjectReader);
        var context = new BindingContext();
        while (useSet is null ? objectReader.NextMember(ref reader, context) : objectReader.NextMember(ref reader, context, useSet, out _))
        {
            reader.Read();
        }

        return (objectReader, context);
    }

    private sealed class Chunk : ReadOnlySequenceSegment<byte>
    {
        public Chunk(ReadOnlyMemory<byte> memory, long runningIndex)
        {
            Memory = memory;
            RunningIndex = runningIndex;
        }

        public Chunk Append(ReadOnlyMemory<byte> memory)
        {
            var next = new Chunk(memory, RunningIndex + Memory.Length);
            Next = next;
            return next;
        }
    }
}
