using System.Text.Json;
using Hooksmith.Serialization;

namespace Hooksmith.Runtime.Tests;

public sealed class JsonEqualityTests
{
    [Theory]
    [InlineData("1", "1.0")]
    [InlineData("1", "1e0")]
    [InlineData("100", "1E2")]
    [InlineData("-0", "0")]
    [InlineData("0.0001", "1e-4")]
    [InlineData("123456789012345678901234567890", "1.2345678901234567890123456789e29")]
    public void Numbers_are_equal_by_mathematical_value(string left, string right)
    {
        Assert.Equal(JsonNumber.Parse(left), JsonNumber.Parse(right));
        Assert.Equal(JsonNumber.Parse(left).GetHashCode(), JsonNumber.Parse(right).GetHashCode());
    }

    [Theory]
    [InlineData("1", "1.0000000000000000000000000001")]
    [InlineData("123456789012345678901234567890", "123456789012345678901234567891")]
    [InlineData("1e400", "1e401")]
    public void Numbers_that_differ_anywhere_are_not_equal(string left, string right)
    {
        Assert.NotEqual(JsonNumber.Parse(left), JsonNumber.Parse(right));
        Assert.True(JsonNumber.Parse(left).CompareTo(JsonNumber.Parse(right)) < 0);
    }

    [Theory]
    [InlineData("01")]
    [InlineData("1.")]
    [InlineData(".5")]
    [InlineData("+1")]
    [InlineData("1e")]
    [InlineData("NaN")]
    [InlineData("")]
    public void Text_that_is_not_a_json_number_is_refused(string text)
    {
        Assert.False(JsonNumber.TryParse(text, out _));
    }

    [Fact]
    public void Huge_exponents_compare_without_materialising_the_value()
    {
        Assert.True(JsonNumber.Parse("1e999999999999").CompareTo(JsonNumber.Parse("9e999999999998")) > 0);
        Assert.True(JsonNumber.Parse("1e-999999999999").CompareTo(JsonNumber.Parse("0")) > 0);
        Assert.True(JsonNumber.Parse("1e99999999999999999999999").IsInteger);
    }

    [Theory]
    [InlineData("""{"a":1,"b":[1,2]}""", """{"b":[1.0,2],"a":1e0}""", true)]
    [InlineData("""{"a":1}""", """{"a":1,"b":null}""", false)]
    [InlineData("[1,2]", "[2,1]", false)]
    [InlineData("\"é\"", "\"\\u00e9\"", true)]
    [InlineData("null", "false", false)]
    [InlineData("true", "true", true)]
    public void Json_values_compare_as_json_schema_does(string left, string right, bool equal)
    {
        using var a = JsonDocument.Parse(left);
        using var b = JsonDocument.Parse(right);

        Assert.Equal(equal, JsonElementComparer.Instance.Equals(a.RootElement, b.RootElement));
        if (equal)
        {
            Assert.Equal(JsonElementComparer.Instance.GetHashCode(a.RootElement), JsonElementComparer.Instance.GetHashCode(b.RootElement));
        }
    }

    [Fact]
    public void Lists_and_maps_compare_by_content()
    {
        var list = new JsonList<string>(["a", "b"]);
        Assert.Equal(list, new JsonList<string>(["a", "b"]));
        Assert.True(StructuralEquality.ListEquals<string>(list, new[] { "a", "b" }));
        Assert.False(StructuralEquality.ListEquals<string>(list, new[] { "b", "a" }));

        var map = new JsonMap<long>(new() { ["x"] = 1, ["y"] = 2 });
        Assert.Equal(map, new JsonMap<long>(new() { ["y"] = 2, ["x"] = 1 }));
        Assert.Equal(map.GetHashCode(), new JsonMap<long>(new() { ["y"] = 2, ["x"] = 1 }).GetHashCode());
        Assert.NotEqual(map, new JsonMap<long>(new() { ["x"] = 1, ["y"] = 3 }));
    }
}
