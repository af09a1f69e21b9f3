using System.Globalization;
using System.Text;
using Hooksmith.Validation;

namespace Hooksmith.Runtime.Tests.Formats;

/// <summary>Edge cases of each format beyond what the JSON-Schema-Test-Suite covers.</summary>
public sealed class FormatCheckEdgeCaseTests
{
    [Theory]
    [InlineData("2024-02-29T00:00:00Z", true)]
    [InlineData("0000-01-01T00:00:00+00:00", true)]
    [InlineData("2016-12-31T23:59:60Z", true)]
    [InlineData("2017-01-01T00:59:60+01:00", true)]
    [InlineData("1999-12-31T23:59:59.1z", true)]
    [InlineData("2016-12-31T23:59:60+00:01", false)]
    [InlineData("2016-12-31 23:59:59Z", false)]
    [InlineData("2016-12-31T23:59:59", false)]
    [InlineData("2016-12-31T23:59:59.Z", false)]
    [InlineData("2016-12-31T23:59:59+0100", false)]
    [InlineData("2023-02-29T00:00:00Z", false)]
    [InlineData("2016-12-31T", false)]
    [InlineData("", false)]
    public void Date_time(string value, bool valid) => Assert.Equal(valid, FormatChecks.IsDateTime(value));

    [Theory]
    [InlineData("1900-02-28", true)]
    [InlineData("2000-02-29", true)]
    [InlineData("1900-02-29", false)]
    [InlineData("2024-1-01", false)]
    [InlineData("2024-01-01T00:00:00Z", false)]
    public void Date(string value, bool valid) => Assert.Equal(valid, FormatChecks.IsDate(value));

    [Theory]
    [InlineData("00:00:00Z", true)]
    [InlineData("23:59:60-00:00", true)]
    [InlineData("00:00:60+00:01", true)]
    [InlineData("12:00:00.000000001+05:45", true)]
    [InlineData("00:00:60Z", false)]
    [InlineData("00:00:00", false)]
    [InlineData("00:00:00.+01:00", false)]
    [InlineData("00:00:00+01:00:00", false)]
    public void Time(string value, bool valid) => Assert.Equal(valid, FormatChecks.IsTime(value));

    [Theory]
    [InlineData("p1d", true)]
    [InlineData("PT1H", true)]
    [InlineData("P1Y2M3DT4H5M6S", true)]
    [InlineData("P0W", true)]
    [InlineData("P1H", false)]
    [InlineData("P1Y1Y", false)]
    [InlineData("P1M1Y", false)]
    [InlineData("PT1S1M", false)]
    [InlineData("PT1HT1M", false)]
    [InlineData("P1DT", false)]
    public void Duration(string value, bool valid) => Assert.Equal(valid, FormatChecks.IsDuration(value));

    [Theory]
    [InlineData("a@b", true)]
    [InlineData("user+tag@example.co.uk", true)]
    [InlineData("\"a\\\"b\"@x.org", true)]
    [InlineData("x@[IPv6:2001:db8::1]", true)]
    [InlineData("x@[IPv6:::ffff:1.2.3.4]", true)]
    [InlineData("a@b.", false)]
    [InlineData("a@[IPv6:1.2.3.4]", false)]
    [InlineData("a@[Unknown:xyz]", false)]
    [InlineData("a..b@c", false)]
    [InlineData("a@-b.com", false)]
    [InlineData("\u00fc@example.com", false)]
    [InlineData("\"a\"b\"@x.org", false)]
    [InlineData("a@xn--bcher-kva.example", true)]
    public void Email(string value, bool valid) => Assert.Equal(valid, FormatChecks.IsEmail(value));

    [Theory]
    [InlineData("\u00fc@example.com", true)]
    [InlineData("\u7528\u6237@\u4f8b\u5b50.\u5e7f\u544a", true)]
    [InlineData("\"\u00fc\"@x.org", true)]
    [InlineData("a@[127.0.0.1]", true)]
    [InlineData("\"\\\u00fc\"@x.org", false)]
    [InlineData("a@b\u200c.com", false)]
    public void Idn_email(string value, bool valid) => Assert.Equal(valid, FormatChecks.IsIdnEmail(value));

    [Theory]
    [InlineData("a", true)]
    [InlineData("a-b.c", true)]
    [InlineData("1.2.3.4", true)]
    [InlineData("ab--cd.example", true)]
    [InlineData("xn--bcher-kva.example", true)]
    [InlineData("XN--BCHER-KVA.example", true)]
    [InlineData("a..b", false)]
    [InlineData("a.", false)]
    [InlineData(".a", false)]
    [InlineData("xn--a", false)]
    [InlineData("xn--example-", false)]
    [InlineData("xn--", false)]
    [InlineData("xn--bcher-kva-", false)]
    [InlineData("b\u00fccher.example", false)]
    [InlineData("a\u3002b", false)]
    public void Hostname(string value, bool valid) => Assert.Equal(valid, FormatChecks.IsHostname(value));

    [Fact]
    public void Hostname_lengths_are_limited_to_63_per_label_and_253_in_all()
    {
        string label63 = new('a', 63);
        Assert.True(FormatChecks.IsHostname(label63));
        Assert.False(FormatChecks.IsHostname(label63 + "a"));

        // 4 × 63 + 3 dots = 255; drop two characters for 253.
        string name253 = string.Join('.', label63, label63, label63, label63[..61]);
        Assert.Equal(253, name253.Length);
        Assert.True(FormatChecks.IsHostname(name253));
        Assert.False(FormatChecks.IsHostname(name253 + "a"));
    }

    [Theory]
    [InlineData("b\u00fccher.example", true)]
    [InlineData("\u4f8b\u5b50.\u6d4b\u8bd5", true)]
    [InlineData("xn--bcher-kva.example", true)]
    [InlineData("\u0645\u062b\u0627\u0644.\u0625\u062e\u062a\u0628\u0627\u0631", true)]
    [InlineData("\u0645\u062b\u0627\u0644.com", true)]
    [InlineData("\u0645\u062b\u0627\u0644.1com", false)]
    [InlineData("ab--cd.example", false)]
    [InlineData("\u00d6bb.at", false)]
    [InlineData("a\u200cb", false)]
    [InlineData("\uff45\uff58\uff41\uff4d\uff50\uff4c\uff45", false)]
    [InlineData("\u2665.example", false)]
    [InlineData("\u05d0a", false)]
    public void Idn_hostname(string value, bool valid) => Assert.Equal(valid, FormatChecks.IsIdnHostname(value));

    [Theory]
    [InlineData("0.0.0.0", true)]
    [InlineData("1.2.3.4", true)]
    [InlineData("01.2.3.4", false)]
    [InlineData("1.2.3.04", false)]
    [InlineData("1.2.3.4 ", false)]
    [InlineData("1..2.3", false)]
    [InlineData("1.2.3.4.", false)]
    [InlineData("1.2.3.0004", false)]
    public void Ipv4(string value, bool valid) => Assert.Equal(valid, FormatChecks.IsIPv4(value));

    [Theory]
    [InlineData("::", true)]
    [InlineData("1::", true)]
    [InlineData("1:2:3:4:5:6:7::", true)]
    [InlineData("::2:3:4:5:6:7:8", true)]
    [InlineData("::ffff:1.2.3.4", true)]
    [InlineData("ABCD:ef01::1", true)]
    [InlineData("1:2:3:4:5:6:7:8:9", false)]
    [InlineData("1:2:3:4::5:6:7:8", false)]
    [InlineData("[::1]", false)]
    [InlineData("::ffff:01.2.3.4", false)]
    [InlineData("::1.2.3.4:5", false)]
    [InlineData("1:2:3:4:5:6:7:1.2.3.4", false)]
    [InlineData(":::1", false)]
    [InlineData("1:", false)]
    public void Ipv6(string value, bool valid) => Assert.Equal(valid, FormatChecks.IsIPv6(value));

    [Theory]
    [InlineData("urn:isbn:0451450523", true)]
    [InlineData("http://[v7.a:b]/", true)]
    [InlineData("http://user:pw@host:8080/p?q/?#f/?", true)]
    [InlineData("a+b-c.d:x", true)]
    [InlineData("http:", true)]
    [InlineData("foo://:/", true)]
    [InlineData("http://a b", false)]
    [InlineData("http://[::1", false)]
    [InlineData("http://[::1]x", false)]
    [InlineData("http://[v7.]/", false)]
    [InlineData("http://h/%zz", false)]
    [InlineData("http://a/#b#c", false)]
    [InlineData("//h/p", false)]
    [InlineData("http://\u00fc.example/", false)]
    public void Uri(string value, bool valid) => Assert.Equal(valid, FormatChecks.IsUri(value));

    [Theory]
    [InlineData("", true)]
    [InlineData("#", true)]
    [InlineData("?", true)]
    [InlineData("../a", true)]
    [InlineData("a/b:c", true)]
    [InlineData("//h", true)]
    [InlineData(":", false)]
    [InlineData(":a", false)]
    [InlineData("a b", false)]
    [InlineData("%", false)]
    [InlineData("#a#b", false)]
    public void Uri_reference(string value, bool valid) => Assert.Equal(valid, FormatChecks.IsUriReference(value));

    [Theory]
    [InlineData("http://\u00fc.example/\u00e4?\u00f6#\u00fc", true)]
    [InlineData("http://x/?\ue000", true)]
    [InlineData("http://x/\ue000", false)]
    [InlineData("http://x/#\ue000", false)]
    [InlineData("http://x/\u200e", false)]
    [InlineData("http://x/\ufffe", false)]
    [InlineData("/\u00e4", false)]
    public void Iri(string value, bool valid) => Assert.Equal(valid, FormatChecks.IsIri(value));

    [Theory]
    [InlineData("\u00e4", true)]
    [InlineData("//\u00fc/\u00f6", true)]
    [InlineData("\\\u00e4", false)]
    [InlineData("#\u202e", false)]
    public void Iri_reference(string value, bool valid) => Assert.Equal(valid, FormatChecks.IsIriReference(value));

    [Theory]
    [InlineData("{var}", true)]
    [InlineData("{+path}/here", true)]
    [InlineData("{?x,y,z}", true)]
    [InlineData("{list*}", true)]
    [InlineData("/{;x,y}{&z:3}", true)]
    [InlineData("X{#path:6}/here", true)]
    [InlineData("%41{a_b.c}", true)]
    [InlineData("{", false)]
    [InlineData("}", false)]
    [InlineData("{=var}", false)]
    [InlineData("{var:}", false)]
    [InlineData("{var*3}", false)]
    [InlineData("{ var}", false)]
    [InlineData("{a}{", false)]
    [InlineData("{a.}", false)]
    [InlineData("{{a}}", false)]
    public void Uri_template(string value, bool valid) => Assert.Equal(valid, FormatChecks.IsUriTemplate(value));

    [Theory]
    [InlineData("AbCdEf01-2345-6789-abcd-ef0123456789", true)]
    [InlineData("{00000000-0000-0000-0000-000000000000}", false)]
    [InlineData("00000000-0000-0000-0000-00000000000g", false)]
    [InlineData("0000000-00000-0000-0000-000000000000", false)]
    public void Uuid(string value, bool valid) => Assert.Equal(valid, FormatChecks.IsUuid(value));

    [Theory]
    [InlineData("/~0~1", true)]
    [InlineData("/a b/\u00fc", true)]
    [InlineData("/\ud83d\ude00", true)]
    [InlineData("~0", false)]
    [InlineData("/~", false)]
    [InlineData("/~3", false)]
    public void Json_pointer(string value, bool valid) => Assert.Equal(valid, FormatChecks.IsJsonPointer(value));

    [Theory]
    [InlineData("0", true)]
    [InlineData("0#", true)]
    [InlineData("12/a", true)]
    [InlineData("0+12", true)]
    [InlineData("3-0#", true)]
    [InlineData("#", false)]
    [InlineData("00", false)]
    [InlineData("0-", false)]
    [InlineData("0 /a", false)]
    [InlineData("-0", false)]
    [InlineData("0/~", false)]
    public void Relative_json_pointer(string value, bool valid) => Assert.Equal(valid, FormatChecks.IsRelativeJsonPointer(value));

    [Theory]
    [InlineData("^\\d{3}-\\d{4}$", true)]
    [InlineData("[\\w.-]+@[\\w-]+", true)]
    [InlineData("(?<year>\\d{4})-\\k<year>", true)]
    [InlineData("\\k<later>(?<later>a)", true)]
    [InlineData("\\p{L}+\\P{Script=Greek}", true)]
    [InlineData("\\u{1F600}\\u0041\\x41\\0", true)]
    [InlineData("a{,5}", true)]
    [InlineData("]}", true)]
    [InlineData("(?i:abc)(?-m:x)(?s-i:y)", true)]
    [InlineData("(a)\\1", true)]
    [InlineData("[\\d-z]", true)]
    [InlineData("x*?y+?z??w{2,}?", true)]
    [InlineData("\\/\\-\\.", true)]
    [InlineData("(?=a)*", true)]
    [InlineData("[\\b\\-\\]]", true)]
    [InlineData("a{99999999999999999999}", true)]
    [InlineData("(?<n>a)\\k<m>", false)]
    [InlineData("\\k<n>", false)]
    [InlineData("\\1", false)]
    [InlineData("(a)\\2", false)]
    [InlineData("a{3,2}", false)]
    [InlineData("a{99999999999999999999,1}", false)]
    [InlineData("\\p", false)]
    [InlineData("\\p{}", false)]
    [InlineData("\\u{110000}", false)]
    [InlineData("\\u12", false)]
    [InlineData("\\c1", false)]
    [InlineData("(?ii:a)", false)]
    [InlineData("(?-:a)", false)]
    [InlineData("(?:", false)]
    [InlineData("[b-a]", false)]
    [InlineData("a**", false)]
    [InlineData("(?<=a)*", false)]
    [InlineData("^*", false)]
    [InlineData("(?<1a>x)", false)]
    [InlineData("\\xG1", false)]
    [InlineData("[\\1]", false)]
    [InlineData("\\q", false)]
    [InlineData("{2}", false)]
    public void Regex(string value, bool valid) => Assert.Equal(valid, FormatChecks.IsRegex(value));

    /// <summary>Lone surrogates are not characters; xunit would mangle them in inline data, so they are here.</summary>
    [Fact]
    public void Lone_surrogates_are_refused_wherever_text_may_be_unicode()
    {
        Assert.False(FormatChecks.IsIdnEmail("a@\ud800.com"));
        Assert.False(FormatChecks.IsIdnEmail("a\udc00@x.com"));
        Assert.False(FormatChecks.IsIdnEmail("\"\ud800\"@x.com"));
        Assert.False(FormatChecks.IsIdnHostname("a\ud800b"));
        Assert.False(FormatChecks.IsIdnHostname("a\udc00"));
        Assert.False(FormatChecks.IsIri("http://x/\ud800"));
        Assert.False(FormatChecks.IsIriReference("\udfff"));
        Assert.False(FormatChecks.IsUriTemplate("a\ud83d"));
        Assert.False(FormatChecks.IsJsonPointer("/\ud800"));
        Assert.False(FormatChecks.IsRelativeJsonPointer("0/\ude00"));
        Assert.True(FormatChecks.IsJsonPointer("/\ud83d\ude00"));
        Assert.True(FormatChecks.IsIri("http://x/\ud800\udc00"));

        // ECMAScript patterns are made of UTF-16 code units, so a lone surrogate is a character there.
        Assert.True(FormatChecks.IsRegex("\ud800"));
    }

    [Fact]
    public void Named_references_resolve_among_many_groups()
    {
        var pattern = new StringBuilder();
        for (int i = 0; i < 100; i++)
        {
            pattern.Append(CultureInfo.InvariantCulture, $"\\k<g{99 - i}>(?<g{i}>x)");
        }

        Assert.True(FormatChecks.IsRegex(pattern.ToString()));
        Assert.False(FormatChecks.IsRegex(pattern + "\\k<g100>"));
    }

    [Fact]
    public void Deeply_nested_patterns_are_refused_rather_than_overflowing_the_stack()
    {
        Assert.True(FormatChecks.IsRegex(new string('(', 200) + new string(')', 200)));
        Assert.False(FormatChecks.IsRegex(new string('(', 100_000) + new string(')', 100_000)));
    }
}
