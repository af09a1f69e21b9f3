using System;
using System.Linq;

namespace Hooksmith.Generator.Tests.Json;

// Inside the namespace, so these win over the runtime's public Hooksmith.JsonPointer and Hooksmith.JsonNumber.
using Hooksmith.Generator.Json;

public class JsonPointerTests
{
    /// <summary>The example document of RFC 6901 §5.</summary>
    private const string RfcDocument = """
        {
          "foo": ["bar", "baz"],
          "": 0,
          "a/b": 1,
          "c%d": 2,
          "e^f": 3,
          "g|h": 4,
          "i\\j": 5,
          "k\"l": 6,
          " ": 7,
          "m~n": 8
        }
        """;

    [Theory]
    [InlineData("plain", "plain")]
    [InlineData("", "")]
    [InlineData("a/b", "a~1b")]
    [InlineData("m~n", "m~0n")]
    [InlineData("~1", "~01")]
    [InlineData("/~/", "~1~0~1")]
    public void Escape_replaces_tilde_then_slash(string token, string escaped)
    {
        Assert.Equal(escaped, JsonPointer.Escape(token));
    }

    [Fact]
    public void Append_builds_pointers_from_names_and_indexes()
    {
        Assert.Equal("/a~1b", JsonPointer.Append(string.Empty, "a/b"));
        Assert.Equal("/", JsonPointer.Append(string.Empty, string.Empty));
        Assert.Equal("/foo/12", JsonPointer.Append("/foo", 12));
        Assert.Equal("/foo/0/m~0n", JsonPointer.Append(JsonPointer.Append("/foo", 0), "m~n"));
    }

    [Theory]
    [InlineData("", new string[0])]
    [InlineData("/", new[] { "" })]
    [InlineData("//", new[] { "", "" })]
    [InlineData("/foo/0", new[] { "foo", "0" })]
    [InlineData("/a~1b/m~0n", new[] { "a/b", "m~n" })]
    [InlineData("/~01", new[] { "~1" })]
    [InlineData("/~10", new[] { "/0" })]
    [InlineData("/c%d/ ", new[] { "c%d", " " })]
    public void TryParse_splits_and_unescapes_tokens(string pointer, string[] tokens)
    {
        Assert.True(JsonPointer.TryParse(pointer, out var actual));
        Assert.Equal(tokens, actual);
    }

    [Theory]
    [InlineData("foo")]
    [InlineData("#/foo")]
    [InlineData("/~2")]
    [InlineData("/a~")]
    [InlineData("/~a")]
    [InlineData("/ok/~/x")]
    public void TryParse_rejects_malformed_pointers(string pointer)
    {
        Assert.False(JsonPointer.TryParse(pointer, out var tokens));
        Assert.Empty(tokens);
    }

    [Fact]
    public void Escaped_tokens_round_trip_through_parse()
    {
        var tokens = new[] { "a/b", "~", "~1", "", "x y", "é" };
        var pointer = tokens.Aggregate(string.Empty, JsonPointer.Append);

        Assert.True(JsonPointer.TryParse(pointer, out var parsed));
        Assert.Equal(tokens, parsed);
    }

    [Theory]
    [InlineData("/foo/0", "\"bar\"")]
    [InlineData("/", "0")]
    [InlineData("/a~1b", "1")]
    [InlineData("/c%d", "2")]
    [InlineData("/e^f", "3")]
    [InlineData("/g|h", "4")]
    [InlineData("/i\\j", "5")]
    [InlineData("/k\"l", "6")]
    [InlineData("/ ", "7")]
    [InlineData("/m~0n", "8")]
    public void Resolve_follows_the_rfc_6901_examples(string pointer, string expected)
    {
        var root = JsonTestSupport.ParseOk(RfcDocument);

        var node = JsonPointer.Resolve(root, pointer);

        Assert.NotNull(node);
        Assert.Equal(expected, node!.ToString());
        Assert.Equal(pointer, node.Pointer);
    }

    [Fact]
    public void Resolve_of_the_empty_pointer_is_the_root_and_foo_is_the_array()
    {
        var root = JsonTestSupport.ParseOk(RfcDocument);

        Assert.Same(root, JsonPointer.Resolve(root, string.Empty));
        Assert.Equal(JsonKind.Array, JsonPointer.Resolve(root, "/foo")!.Kind);
        Assert.Equal("\"baz\"", JsonPointer.Resolve(root, "/foo/1")!.ToString());
    }

    [Theory]
    [InlineData("/foo/01")]
    [InlineData("/foo/00")]
    [InlineData("/foo/-")]
    [InlineData("/foo/2")]
    [InlineData("/foo/+1")]
    [InlineData("/foo/ 1")]
    [InlineData("/foo/1.0")]
    [InlineData("/foo/-1")]
    [InlineData("/foo/")]
    [InlineData("/foo/99999999999")]
    [InlineData("/foo/2147483648")]
    [InlineData("/missing")]
    [InlineData("/a~1b/x")]
    [InlineData("/foo/0/bar")]
    [InlineData("foo")]
    [InlineData("/~2")]
    public void Resolve_returns_null_for_what_the_document_does_not_have(string pointer)
    {
        var root = JsonTestSupport.ParseOk(RfcDocument);

        Assert.Null(JsonPointer.Resolve(root, pointer));
    }

    [Fact]
    public void Resolve_takes_the_last_of_duplicate_members()
    {
        var root = JsonTestSupport.ParseOk("{\"a\": [1], \"a\": [2]}");

        Assert.Equal("2", JsonPointer.Resolve(root, "/a/0")!.Text);
    }

    [Fact]
    public void Resolve_accepts_large_canonical_indexes()
    {
        var root = JsonTestSupport.ParseOk("[" + string.Join(",", Enumerable.Range(0, 120)) + "]");

        Assert.Equal("107", JsonPointer.Resolve(root, "/107")!.Text);
        Assert.Null(JsonPointer.Resolve(root, "/120"));
    }

    [Theory]
    [InlineData("", "")]
    [InlineData("/foo", "/foo")]
    [InlineData("/foo/0", "/foo/0")]
    [InlineData("/", "/")]
    [InlineData("/a~1b", "/a~1b")]
    [InlineData("/c%d", "/c%25d")]
    [InlineData("/e^f", "/e%5Ef")]
    [InlineData("/g|h", "/g%7Ch")]
    [InlineData("/i\\j", "/i%5Cj")]
    [InlineData("/k\"l", "/k%22l")]
    [InlineData("/ ", "/%20")]
    [InlineData("/m~0n", "/m~0n")]
    [InlineData("/a#b", "/a%23b")]
    [InlineData("/q?x=1&y=$", "/q?x=1&y=$")]
    [InlineData("/caf\u00e9", "/caf%C3%A9")]
    [InlineData("/\u20ac", "/%E2%82%AC")]
    [InlineData("/\U0001F600", "/%F0%9F%98%80")]
    public void Uri_fragments_percent_encode_utf8_as_rfc_6901_section_6_shows(string pointer, string fragment)
    {
        Assert.Equal(fragment, JsonPointer.EscapeForUriFragment(pointer));
        Assert.True(JsonPointer.TryUnescapeUriFragment(fragment, out var decoded));
        Assert.Equal(pointer, decoded);
        Assert.True(JsonPointer.TryUnescapeUriFragment("#" + fragment, out var withHash));
        Assert.Equal(pointer, withHash);
        Assert.Equal(pointer, JsonPointer.UnescapeUriFragment("#" + fragment));
    }

    [Fact]
    public void Lone_surrogates_are_encoded_as_the_replacement_character()
    {
        Assert.Equal("/%EF%BF%BD", JsonPointer.EscapeForUriFragment("/\uD800"));
    }

    [Fact]
    public void Lowercase_percent_escapes_are_decoded()
    {
        Assert.True(JsonPointer.TryUnescapeUriFragment("#/caf%c3%a9/%7e", out var pointer));
        Assert.Equal("/caf\u00e9/~", pointer);
    }

    [Theory]
    [InlineData("#/%")]
    [InlineData("#/a%2")]
    [InlineData("#/%zz")]
    [InlineData("#/%2g")]
    [InlineData("#/%C3")]
    [InlineData("#/%C3x")]
    [InlineData("#/%C3%28")]
    [InlineData("#/%80")]
    [InlineData("#/%C0%AF")]
    [InlineData("#/%E0%80%AF")]
    [InlineData("#/%ED%A0%80")]
    [InlineData("#/%F4%90%80%80")]
    [InlineData("#/%FF")]
    public void Malformed_percent_sequences_fail_without_throwing(string fragment)
    {
        Assert.False(JsonPointer.TryUnescapeUriFragment(fragment, out var pointer));
        Assert.Equal(string.Empty, pointer);
        Assert.Equal(fragment.Substring(1), JsonPointer.UnescapeUriFragment(fragment));
    }

    [Fact]
    public void Every_pointer_in_the_webhooks_document_round_trips_through_a_uri_fragment()
    {
        var root = JsonTestSupport.ParseOk(System.IO.File.ReadAllText(JsonTestSupport.WebhooksPath));

        foreach (var node in JsonTestSupport.Walk(root).Take(20_000))
        {
            var fragment = JsonPointer.EscapeForUriFragment(node.Pointer);
            Assert.True(fragment.All(c => c < 0x80 && c > ' ' && c != '#' && c != '"'), fragment);
            Assert.True(JsonPointer.TryUnescapeUriFragment("#" + fragment, out var pointer));
            Assert.Equal(node.Pointer, pointer);
            Assert.Same(node, JsonPointer.Resolve(root, pointer));
        }
    }

    [Fact]
    public void Random_strings_never_make_the_fragment_decoder_throw()
    {
        const string alphabet = "%0123456789abcdefABCDEFxz/~#é";
        var random = new Random(17);
        for (var i = 0; i < 20_000; i++)
        {
            var chars = new char[random.Next(0, 12)];
            for (var j = 0; j < chars.Length; j++)
            {
                chars[j] = alphabet[random.Next(alphabet.Length)];
            }

            var fragment = new string(chars);
            if (JsonPointer.TryUnescapeUriFragment(fragment, out var pointer))
            {
                Assert.Equal(pointer, JsonPointer.UnescapeUriFragment(fragment));
            }

            JsonPointer.TryParse(fragment, out _);
        }
    }
}
