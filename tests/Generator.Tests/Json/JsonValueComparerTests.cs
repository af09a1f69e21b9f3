using System.IO;
using System.Linq;
using System.Text;

namespace Hooksmith.Generator.Tests.Json;

// Inside the namespace, so these win over the runtime's public Hooksmith.JsonPointer and Hooksmith.JsonNumber.
using Hooksmith.Generator.Json;

public class JsonValueComparerTests
{
    [Theory]
    [InlineData("1", "1.0")]
    [InlineData("1", "1e0")]
    [InlineData("100", "1E+2")]
    [InlineData("-0", "0")]
    [InlineData("0.5", "5e-1")]
    [InlineData("123456789012345678901234567890", "1.2345678901234567890123456789e29")]
    [InlineData("\"a\"", "\"\\u0061\"")]
    [InlineData("\"\\/\"", "\"/\"")]
    [InlineData("true", "true")]
    [InlineData("false", "false")]
    [InlineData("null", "null")]
    [InlineData("{}", "{ }")]
    [InlineData("[]", "[ ]")]
    [InlineData("{\"a\": 1, \"b\": [true, null]}", "{\"b\": [true, null], \"a\": 1.0}")]
    [InlineData("[1, {\"x\": [2.0]}]", "[1.0, {\"x\": [2]}]")]
    [InlineData("{\"a\": 1, \"a\": 2}", "{\"a\": 2}")]
    [InlineData("{\"a\": 2}", "{\"a\": 1, \"a\": 2.0}")]
    public void Equal_values(string left, string right)
    {
        var a = JsonTestSupport.ParseOk(left);
        var b = JsonTestSupport.ParseOk(right);

        Assert.True(JsonValueComparer.DeepEquals(a, b));
        Assert.True(JsonValueComparer.DeepEquals(b, a));
        Assert.True(JsonValueComparer.DeepEquals(a, a));
    }

    [Theory]
    [InlineData("1", "2")]
    [InlineData("1", "1.0000000000000000000000001")]
    [InlineData("1", "\"1\"")]
    [InlineData("true", "false")]
    [InlineData("true", "1")]
    [InlineData("false", "0")]
    [InlineData("null", "false")]
    [InlineData("null", "\"\"")]
    [InlineData("{}", "[]")]
    [InlineData("\"a\"", "\"A\"")]
    [InlineData("\"e\\u0301\"", "\"\\u00e9\"")]
    [InlineData("[1, 2]", "[2, 1]")]
    [InlineData("[1, 2]", "[1, 2, 2]")]
    [InlineData("[[1]]", "[1]")]
    [InlineData("{\"a\": 1}", "{\"a\": 1, \"b\": 1}")]
    [InlineData("{\"a\": 1}", "{\"b\": 1}")]
    [InlineData("{\"a\": 1}", "{\"A\": 1}")]
    [InlineData("{\"a\": {\"b\": [1, {\"c\": null}]}}", "{\"a\": {\"b\": [1, {\"c\": false}]}}")]
    [InlineData("{\"a\": 1, \"a\": 2}", "{\"a\": 1}")]
    [InlineData("{\"a\": 1, \"b\": 2}", "{\"a\": 1, \"a\": 2}")]
    public void Unequal_values(string left, string right)
    {
        var a = JsonTestSupport.ParseOk(left);
        var b = JsonTestSupport.ParseOk(right);

        Assert.False(JsonValueComparer.DeepEquals(a, b));
        Assert.False(JsonValueComparer.DeepEquals(b, a));
    }

    [Fact]
    public void Very_deep_values_compare_without_recursion()
    {
        const int depth = 3000;
        var left = JsonTestSupport.ParseOk(new string('[', depth) + "1" + new string(']', depth), maxDepth: depth);
        var right = JsonTestSupport.ParseOk(new string('[', depth) + "1.0" + new string(']', depth), maxDepth: depth);
        var other = JsonTestSupport.ParseOk(new string('[', depth) + "2" + new string(']', depth), maxDepth: depth);

        Assert.True(JsonValueComparer.DeepEquals(left, right));
        Assert.False(JsonValueComparer.DeepEquals(left, other));
    }

    [Fact]
    public void A_corpus_document_equals_a_copy_with_members_reversed_and_numbers_rewritten()
    {
        var text = File.ReadAllText(Path.Combine(JsonTestSupport.CorpusDir, "events-distribution.json"));
        var root = JsonTestSupport.ParseOk(text);
        var builder = new StringBuilder();
        WriteReordered(builder, root);
        var reordered = JsonTestSupport.ParseOk(builder.ToString());

        Assert.NotEqual(JsonTextWriter.ToCompactString(root), JsonTextWriter.ToCompactString(reordered));
        Assert.True(JsonValueComparer.DeepEquals(root, reordered));
        Assert.True(JsonValueComparer.DeepEquals(reordered, root));
        Assert.False(JsonValueComparer.DeepEquals(root, root.Properties[0].Value));
    }

    /// <summary>Writes members in reverse order and numbers in another notation (1 as 1.0, 1.5 as 1.500).</summary>
    private static void WriteReordered(StringBuilder builder, JsonNode node)
    {
        switch (node.Kind)
        {
            case JsonKind.Object:
                builder.Append('{');
                for (var i = node.Properties.Count - 1; i >= 0; i--)
                {
                    JsonTextWriter.WriteString(builder, node.Properties[i].Name);
                    builder.Append(':');
                    WriteReordered(builder, node.Properties[i].Value);
                    builder.Append(i > 0 ? "," : string.Empty);
                }

                builder.Append('}');
                break;
            case JsonKind.Array:
                builder.Append('[');
                for (var i = 0; i < node.Items.Count; i++)
                {
                    builder.Append(i > 0 ? "," : string.Empty);
                    WriteReordered(builder, node.Items[i]);
                }

                builder.Append(']');
                break;
            case JsonKind.Number:
                var literal = node.Text!;
                builder.Append(literal).Append(literal.IndexOfAny(new[] { 'e', 'E' }) >= 0 ? string.Empty : literal.IndexOf('.') >= 0 ? "00" : ".0");
                break;
            default:
                builder.Append(JsonTextWriter.ToCompactString(node));
                break;
        }
    }
}

public class JsonTextWriterTests
{
    [Theory]
    [InlineData("{ \"a\" : [ 1 , 2.50 , -0e+1 ] ,\n \"b\" : { } , \"c\" : [ ] }", "{\"a\":[1,2.50,-0e+1],\"b\":{},\"c\":[]}")]
    [InlineData(" true ", "true")]
    [InlineData("false", "false")]
    [InlineData("null", "null")]
    [InlineData("123456789012345678901234567890", "123456789012345678901234567890")]
    [InlineData("{\"a\": 1, \"a\": 2}", "{\"a\":1,\"a\":2}")]
    [InlineData("\"\\\" \\\\ \\/ \\b \\f \\n \\r \\t\"", "\"\\\" \\\\ / \\b \\f \\n \\r \\t\"")]
    [InlineData("\"\\u0000\\u001F\\u007f\"", "\"\\u0000\\u001f\u007f\"")]
    [InlineData("\"caf\\u00e9 \\uD83D\\uDE00 \u2028\"", "\"caf\u00e9 \U0001F600 \u2028\"")]
    [InlineData("\"lone \\uD83D and \\uDE00\"", "\"lone \\ud83d and \\ude00\"")]
    [InlineData("{\"k\\ney\": \"v\"}", "{\"k\\ney\":\"v\"}")]
    public void Compact_text_is_minimal_and_escapes_only_what_it_must(string json, string expected)
    {
        Assert.Equal(expected, JsonTextWriter.ToCompactString(JsonTestSupport.ParseOk(json)));
    }

    [Fact]
    public void Every_control_character_round_trips()
    {
        var value = new string(Enumerable.Range(0, 0x20).Select(c => (char)c).ToArray()) + "\"\\/";
        var node = JsonTestSupport.ParseOk(JsonTextWriter.ToCompactString(JsonTestSupport.ParseOk("\"" + string.Concat(value.Select(c => "\\u" + ((int)c).ToString("x4", System.Globalization.CultureInfo.InvariantCulture))) + "\"")));

        Assert.Equal(value, node.Text);
    }

    [Theory]
    [MemberData(nameof(JsonTextReaderTests.CorpusFiles), MemberType = typeof(JsonTextReaderTests))]
    public void Corpus_files_round_trip_through_compact_text(string fileName)
    {
        var text = File.ReadAllText(Path.Combine(JsonTestSupport.CorpusDir, fileName));
        var root = JsonTestSupport.ParseOk(text);

        var compact = JsonTextWriter.ToCompactString(root);
        var again = JsonTestSupport.ParseOk(compact);

        Assert.Equal(compact, JsonTextWriter.ToCompactString(again));
        Assert.True(JsonValueComparer.DeepEquals(root, again));
        Assert.DoesNotContain('\n', compact);
        Assert.Equal(JsonTestSupport.Walk(root).Count(), JsonTestSupport.Walk(again).Count());
    }
}
