using System;
using System.Linq;
using System.Text.Json;
using Hooksmith.Validation;

namespace Hooksmith.Runtime.Tests.Validation;

/// <summary>The name lookup generated validators switch on: exact, escape-aware, one pass for <c>required</c>.</summary>
public sealed class PropertyNameSetTests
{
    private static readonly PropertyNameSet Names = new("id", "object", "source_id", "ab", "ba", "é", "");

    private static int[] IndexesOf(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.EnumerateObject().Select(p => Names.IndexOf(p)).ToArray();
    }

    [Fact]
    public void Finds_each_name_at_its_index_and_nothing_else()
    {
        Assert.Equal(
            [0, 1, 2, 3, 4, 5, 6, -1, -1, -1, -1],
            IndexesOf("""{"id":1,"object":1,"source_id":1,"ab":1,"ba":1,"é":1,"":1,"Id":1,"i":1,"source_ids":1,"a_much_longer_name_than_any":1}"""));
    }

    [Fact]
    public void Escaped_names_are_compared_unescaped()
    {
        Assert.Equal([0, 2, 5, -1], IndexesOf("""{"\u0069d":1,"source\u005fid":1,"\u00e9":1,"\u0069D":1}"""));
    }

    [Fact]
    public void Names_with_a_backslash_are_found_however_the_member_spells_them()
    {
        var names = new PropertyNameSet("a\\b", "n");
        using var document = JsonDocument.Parse("""{"a\\b":1,"\u0061\\b":2,"\n":3,"n":4,"a\\":5}""");

        Assert.Equal([0, 0, -1, 1, -1], document.RootElement.EnumerateObject().Select(p => names.IndexOf(p)));
    }

    [Fact]
    public void Missing_reports_a_bit_per_absent_name()
    {
        var required = new PropertyNameSet("id", "object", "source_id");
        using var document = JsonDocument.Parse("""{"object":"order","extra":true}""");

        Assert.Equal(0b101UL, required.Missing(document.RootElement));
        using var complete = JsonDocument.Parse("""{"source_id":null,"\u0069d":"x","object":"order"}""");
        Assert.Equal(0UL, required.Missing(complete.RootElement));
    }

    [Fact]
    public void Missing_works_with_64_names_and_refuses_more()
    {
        var sixtyFour = new PropertyNameSet(Enumerable.Range(0, 64).Select(i => "p" + i).ToArray());
        using var document = JsonDocument.Parse("""{"p0":0,"p63":0}""");
        Assert.Equal(~0UL & ~1UL & ~(1UL << 63), sixtyFour.Missing(document.RootElement));

        var tooMany = new PropertyNameSet(Enumerable.Range(0, 65).Select(i => "p" + i).ToArray());
        Assert.Throws<InvalidOperationException>(() => tooMany.Missing(document.RootElement));
    }
}
