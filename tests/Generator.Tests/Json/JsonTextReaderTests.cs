using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Numerics;
using System.Text;
using System.Text.Json;

namespace Hooksmith.Generator.Tests.Json;

// Inside the namespace, so these win over the runtime's public Hooksmith.JsonPointer and Hooksmith.JsonNumber.
using Hooksmith.Generator.Json;

public class JsonTextReaderTests
{
    // ---------------------------------------------------------------- values

    [Theory]
    [InlineData("true", nameof(JsonKind.True))]
    [InlineData("false", nameof(JsonKind.False))]
    [InlineData("null", nameof(JsonKind.Null))]
    [InlineData("{}", nameof(JsonKind.Object))]
    [InlineData("[]", nameof(JsonKind.Array))]
    [InlineData("\"\"", nameof(JsonKind.String))]
    [InlineData("0", nameof(JsonKind.Number))]
    [InlineData(" \t\r\n 7 \t\r\n ", nameof(JsonKind.Number))]
    public void Root_value_of_every_kind_is_read(string text, string kind)
    {
        var root = JsonTestSupport.ParseOk(text);

        Assert.Equal(kind, root.Kind.ToString());
        Assert.Equal(string.Empty, root.Pointer);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-0")]
    [InlineData("1")]
    [InlineData("-12")]
    [InlineData("1.0")]
    [InlineData("1.50")]
    [InlineData("-0.0e-00")]
    [InlineData("6.02214076E+23")]
    [InlineData("1e400")]
    [InlineData("123456789012345678901234567890")]
    [InlineData("0.100000000000000000000000000001")]
    public void Numbers_keep_their_literal_text_exactly(string literal)
    {
        var root = JsonTestSupport.ParseOk("[" + literal + "]");

        var number = Assert.Single(root.Items);
        Assert.Equal(JsonKind.Number, number.Kind);
        Assert.Equal(literal, number.Text);
        Assert.Equal(1, number.Span.Start);
        Assert.Equal(literal.Length, number.Span.Length);
    }

    [Fact]
    public void Thirty_digit_integer_is_kept_exactly()
    {
        var root = JsonTestSupport.ParseOk("{\"big\": 123456789012345678901234567890}");

        var big = root["big"]!;
        Assert.Equal("123456789012345678901234567890", big.Text);
        Assert.True(big.TryGetInteger(out var value));
        Assert.Equal(BigInteger.Parse("123456789012345678901234567890"), value);
    }

    [Fact]
    public void All_simple_escapes_are_decoded()
    {
        var root = JsonTestSupport.ParseOk("\"q\\\" b\\\\ s\\/ \\b\\f\\n\\r\\t end\"");

        Assert.Equal("q\" b\\ s/ \b\f\n\r\t end", root.Text);
    }

    [Theory]
    [InlineData("\"\\u0041\\u00e9\\u00E9\"", "A\u00e9\u00e9")]
    [InlineData("\"\\u0000\"", "\0")]
    [InlineData("\"\\uD83D\\uDE00\"", "\U0001F600")]
    [InlineData("\"a\\ud83d\\ude00b\"", "a\U0001F600b")]
    public void Unicode_escapes_are_decoded_and_surrogate_pairs_combine(string text, string expected)
    {
        Assert.Equal(expected, JsonTestSupport.ParseOk(text).Text);
    }

    [Fact]
    public void Lone_surrogate_escapes_are_kept_as_characters()
    {
        Assert.Equal("\uD83D", JsonTestSupport.ParseOk("\"\\uD83D\"").Text);
        Assert.Equal("x\uDE00y", JsonTestSupport.ParseOk("\"x\\uDE00y\"").Text);
        Assert.Equal("\uDE00\uD83D", JsonTestSupport.ParseOk("\"\\uDE00\\uD83D\"").Text);
    }

    [Fact]
    public void Raw_non_ascii_characters_are_kept_as_written()
    {
        var text = "[\"h\u00e9llo \U0001F600 \u2028\"]";

        Assert.Equal("h\u00e9llo \U0001F600 \u2028", JsonTestSupport.ParseOk(text).Items[0].Text);
    }

    [Fact]
    public void Strings_with_and_without_escapes_both_span_their_quotes()
    {
        var root = JsonTestSupport.ParseOk("[\"plain\", \"esc\\naped\"]");

        Assert.Equal(new SourceSpan(1, 7, 0, 1, 0, 8), root.Items[0].Span);
        Assert.Equal(new SourceSpan(10, 11, 0, 10, 0, 21), root.Items[1].Span);
        Assert.Equal("esc\naped", root.Items[1].Text);
    }

    [Fact]
    public void Duplicate_member_names_are_kept_and_the_indexer_takes_the_last()
    {
        var root = JsonTestSupport.ParseOk("{\"a\": 1, \"b\": 2, \"a\": 3}");

        Assert.Equal(new[] { "a", "b", "a" }, root.Properties.Select(p => p.Name));
        Assert.Equal("3", root["a"]!.Text);
        Assert.Equal("/a", root.Properties[0].Value.Pointer);
        Assert.Equal("/a", root.Properties[2].Value.Pointer);
    }

    [Fact]
    public void Byte_order_mark_at_the_start_is_skipped_but_still_counts_as_a_character()
    {
        var root = JsonTestSupport.ParseOk("\uFEFF{\"a\": 1}");

        Assert.Equal(new SourceSpan(1, 8, 0, 1, 0, 9), root.Span);
        Assert.Equal("1", root["a"]!.Text);
    }

    // ---------------------------------------------------------------- pointers and spans

    [Fact]
    public void Deep_nodes_get_escaped_json_pointers()
    {
        var root = JsonTestSupport.ParseOk("{\"a/b\": {\"m~n\": [0, {\"\": [true, {\"x y\": null}]}]}}");

        var deepTrue = root["a/b"]!["m~n"]!.Items[1][""]!.Items[0];
        var deepNull = root["a/b"]!["m~n"]!.Items[1][""]!.Items[1]["x y"]!;
        Assert.Equal(JsonKind.True, deepTrue.Kind);
        Assert.Equal("/a~1b/m~0n/1//0", deepTrue.Pointer);
        Assert.Equal("/a~1b/m~0n/1//1/x y", deepNull.Pointer);
        Assert.Equal("/a~1b/m~0n/0", root["a/b"]!["m~n"]!.Items[0].Pointer);
        Assert.Same(deepTrue, JsonPointer.Resolve(root, deepTrue.Pointer));
        Assert.Same(deepNull, JsonPointer.Resolve(root, deepNull.Pointer));
    }

    [Fact]
    public void Array_elements_past_ten_get_multi_digit_indexes()
    {
        var root = JsonTestSupport.ParseOk("[" + string.Join(",", Enumerable.Range(0, 12)) + "]");

        Assert.Equal("/11", root.Items[11].Pointer);
        Assert.Equal("11", root.Items[11].Text);
    }

    [Fact]
    public void Spans_give_offsets_and_line_columns_of_values_across_lines()
    {
        var text = string.Join(
            "\n",
            "{",
            "  \"name\": \"Hooksmith\",",
            "  \"tags\": [",
            "    \"a\",",
            "    { \"deep\": [null, true] }",
            "  ],",
            "  \"n\": -12.5e3",
            "}");

        var root = JsonTestSupport.ParseOk(text);

        Assert.Equal(new SourceSpan(0, text.Length, 0, 0, 7, 1), root.Span);

        var tags = root["tags"]!;
        var tagsStart = text.IndexOf('[');
        var tagsEnd = text.IndexOf(']', text.IndexOf("true", StringComparison.Ordinal) + 5) + 1;
        Assert.Equal(new SourceSpan(tagsStart, tagsEnd - tagsStart, 2, 10, 5, 3), tags.Span);

        var deepTrue = tags.Items[1]["deep"]!.Items[1];
        Assert.Equal("/tags/1/deep/1", deepTrue.Pointer);
        Assert.Equal(new SourceSpan(text.IndexOf("true", StringComparison.Ordinal), 4, 4, 21, 4, 25), deepTrue.Span);

        var deepObject = tags.Items[1];
        Assert.Equal(4, deepObject.Span.StartLine);
        Assert.Equal(4, deepObject.Span.StartColumn);
        Assert.Equal(4, deepObject.Span.EndLine);
        Assert.Equal(28, deepObject.Span.EndColumn);

        var n = root["n"]!;
        Assert.Equal("-12.5e3", n.Text);
        Assert.Equal(new SourceSpan(text.IndexOf("-12.5e3", StringComparison.Ordinal), 7, 6, 7, 6, 14), n.Span);

        JsonTestSupport.AssertAllSpansConsistent(text, root);
    }

    [Fact]
    public void Member_names_get_their_own_span_covering_the_quoted_token()
    {
        var text = "{\n  \"deep\" :\n    [1],\n  \"e\\u0073c\": 2\n}";

        var root = JsonTestSupport.ParseOk(text);

        var deep = root.Properties[0];
        Assert.Equal("deep", deep.Name);
        Assert.Equal(new SourceSpan(4, 6, 1, 2, 1, 8), deep.NameSpan);
        Assert.Equal(new SourceSpan(17, 3, 2, 4, 2, 7), deep.Value.Span);

        var escaped = root.Properties[1];
        Assert.Equal("esc", escaped.Name);
        Assert.Equal(new SourceSpan(24, 10, 3, 2, 3, 12), escaped.NameSpan);
    }

    [Fact]
    public void Crlf_counts_as_one_line_break()
    {
        var text = "{\r\n  \"a\": [1,\r\n\r\n    2],\r\n  \"b\": true\r\n}";

        var root = JsonTestSupport.ParseOk(text);

        Assert.Equal(new SourceSpan(text.IndexOf('2'), 1, 3, 4, 3, 5), root["a"]!.Items[1].Span);
        Assert.Equal(4, root["b"]!.Span.StartLine);
        Assert.Equal(7, root["b"]!.Span.StartColumn);
        Assert.Equal(5, root.Span.EndLine);
        Assert.Equal(1, root.Span.EndColumn);
        JsonTestSupport.AssertAllSpansConsistent(text, root);
    }

    [Fact]
    public void Lone_cr_and_lf_each_break_a_line()
    {
        var text = "[1,\r2,\r\r  3,\n\r\n\r4]";

        var root = JsonTestSupport.ParseOk(text);

        Assert.Equal((1, 0), (root.Items[1].Span.StartLine, root.Items[1].Span.StartColumn));
        Assert.Equal((3, 2), (root.Items[2].Span.StartLine, root.Items[2].Span.StartColumn));
        Assert.Equal((6, 0), (root.Items[3].Span.StartLine, root.Items[3].Span.StartColumn));
        JsonTestSupport.AssertAllSpansConsistent(text, root);
    }

    // ---------------------------------------------------------------- errors

    [Fact]
    public void Empty_input_is_an_error_at_offset_zero()
    {
        JsonTestSupport.AssertError(string.Empty, "Unexpected end of input", 0, 0, 0);
    }

    [Fact]
    public void Whitespace_only_input_is_an_error_at_the_end()
    {
        JsonTestSupport.AssertError(" \n\t ", "Unexpected end of input", 4, 1, 2);
        JsonTestSupport.AssertError("\uFEFF", "Unexpected end of input", 1, 0, 1);
    }

    [Fact]
    public void Missing_comma_between_members_reports_the_next_member_on_its_line()
    {
        var text = "{\n  \"a\": 1\n  \"b\": 2\n}";

        JsonTestSupport.AssertError(text, "Expected ',' or '}' after an object member", text.IndexOf("\"b\"", StringComparison.Ordinal), 2, 2);
    }

    [Fact]
    public void Missing_comma_between_elements_is_reported_after_crlf_lines()
    {
        var text = "{\r\n  \"a\": [1,\r\n\r\n    2 3]\r\n}";

        JsonTestSupport.AssertError(text, "Expected ',' or ']' after an array element", text.IndexOf('3'), 3, 6);
    }

    [Fact]
    public void Lone_cr_lines_are_counted_in_error_positions()
    {
        var text = "[1,\r2,\r\r  x]";

        JsonTestSupport.AssertError(text, "Unexpected 'x'", text.IndexOf('x'), 3, 2);
    }

    [Fact]
    public void Unterminated_string_reports_position_of_opening_quote()
    {
        var text = "{\n  \"a\": [1,\n    \"abc";

        JsonTestSupport.AssertError(text, "Unterminated string", text.LastIndexOf('"'), 2, 4);
    }

    [Theory]
    [InlineData("\"abc\\")]
    [InlineData("\"abc\\u12")]
    [InlineData("\"abc\\\"")]
    public void String_cut_inside_an_escape_is_unterminated_at_its_opening_quote(string text)
    {
        JsonTestSupport.AssertError(text, "Unterminated string", 0, 0, 0);
    }

    [Fact]
    public void Unterminated_member_name_reports_its_opening_quote()
    {
        JsonTestSupport.AssertError("{\n \"ab", "Unterminated string", 3, 1, 1);
    }

    [Fact]
    public void Raw_line_break_inside_a_string_is_reported_where_the_string_should_have_closed()
    {
        var text = "{\"a\": \"abc\n\"}";

        var error = JsonTestSupport.AssertError(text, "Unescaped line break in a string", 10, 0, 10, endLine: 1, endColumn: 0);

        Assert.Equal("Unescaped line break in a string (is the closing quote missing?)", error.Message);
        JsonTestSupport.AssertError("[\"abc\r\n\"]", "Unescaped line break in a string", 5, 0, 5);
        JsonTestSupport.AssertError("[\"abc\r\"]", "Unescaped line break in a string", 5, 0, 5, endLine: 1, endColumn: 0);
    }

    [Theory]
    [InlineData("\"a\tb\"", 2, "U+0009")]
    [InlineData("\"\u0001\"", 1, "U+0001")]
    [InlineData("\"ab\\n\u001f\"", 5, "U+001F")]
    [InlineData("[\"\0\"]", 2, "U+0000")]
    public void Unescaped_control_characters_in_strings_are_errors(string text, int offset, string shown)
    {
        var error = JsonTestSupport.AssertError(text, "Unescaped control character", offset, 0, offset);

        Assert.Contains(shown, error.Message);
    }

    [Fact]
    public void Invalid_escape_is_reported_at_its_backslash()
    {
        var text = "[\n  \"ab\\xcd\"\n]";

        var error = JsonTestSupport.AssertError(text, "Invalid escape sequence '\\x'", text.IndexOf('\\'), 1, 5);

        Assert.Equal("Invalid escape sequence '\\x'", error.Message);
    }

    [Theory]
    [InlineData("\"\\u12G4\"", 5)]
    [InlineData("\"\\u-123\"", 3)]
    [InlineData("\"\\u12\"", 5)]
    public void Unicode_escape_needs_four_hex_digits_and_the_first_bad_one_is_reported(string text, int offset)
    {
        JsonTestSupport.AssertError(text, "Invalid Unicode escape", offset, 0, offset);
    }

    [Theory]
    [InlineData("01", "Leading zeros are not allowed in numbers", 1)]
    [InlineData("-01", "Leading zeros are not allowed in numbers", 2)]
    [InlineData("[00]", "Leading zeros are not allowed in numbers", 2)]
    [InlineData("1.", "Unexpected end of input", 2)]
    [InlineData("[1.]", "Expected a digit after the decimal point", 3)]
    [InlineData("[1.e5]", "Expected a digit after the decimal point", 3)]
    [InlineData(".5", "A number must have a digit before the decimal point", 0)]
    [InlineData("+1", "A number cannot start with '+'", 0)]
    [InlineData("-", "Unexpected end of input", 1)]
    [InlineData("[-]", "Expected a digit after '-'", 2)]
    [InlineData("-Infinity", "Expected a digit after '-'", 1)]
    [InlineData("NaN", "NaN and Infinity are not valid JSON numbers", 0)]
    [InlineData("[Infinity]", "NaN and Infinity are not valid JSON numbers", 1)]
    [InlineData("1e", "Unexpected end of input", 2)]
    [InlineData("[1e+]", "Expected a digit in the exponent", 4)]
    [InlineData("[1E-x]", "Expected a digit in the exponent", 4)]
    [InlineData("0x10", "Unexpected 'x' after the end of the JSON value", 1)]
    [InlineData("1.5.2", "Unexpected '.' after the end of the JSON value", 3)]
    [InlineData("[1 2]", "Expected ',' or ']' after an array element", 3)]
    public void Invalid_numbers_are_rejected_at_the_offending_character(string text, string message, int offset)
    {
        JsonTestSupport.AssertError(text, message, offset, 0, offset);
    }

    [Theory]
    [InlineData("tru", "Unexpected end of input", 3)]
    [InlineData("[trUe]", "Invalid literal: expected 'true'", 3)]
    [InlineData("nul", "Unexpected end of input", 3)]
    [InlineData("[nulL]", "Invalid literal: expected 'null'", 4)]
    [InlineData("fals", "Unexpected end of input", 4)]
    [InlineData("False", "Unexpected 'F'; expected a JSON value", 0)]
    [InlineData("truex", "Unexpected 'x' after the end of the JSON value", 4)]
    [InlineData("None", "Unexpected 'N'; expected a JSON value", 0)]
    public void Misspelled_literals_are_rejected_at_the_offending_character(string text, string message, int offset)
    {
        JsonTestSupport.AssertError(text, message, offset, 0, offset);
    }

    [Theory]
    [InlineData("{} x", "Unexpected 'x' after the end of the JSON value", 3)]
    [InlineData("1 2", "Unexpected '2' after the end of the JSON value", 2)]
    [InlineData("[] []", "Unexpected '[' after the end of the JSON value", 3)]
    [InlineData("{}}", "Unexpected '}' after the end of the JSON value", 2)]
    [InlineData("\"a\"\"b\"", "Unexpected '\"' after the end of the JSON value", 3)]
    public void Content_after_the_root_value_is_an_error(string text, string message, int offset)
    {
        JsonTestSupport.AssertError(text, message, offset, 0, offset);
    }

    [Theory]
    [InlineData("{\"a\" 1}", "Expected ':' after a property name", 5)]
    [InlineData("{1: 2}", "Expected a property name in double quotes", 1)]
    [InlineData("{'a': 2}", "Property names must be enclosed in double quotes", 1)]
    [InlineData("{\"a\": 1 \"b\": 2}", "Expected ',' or '}' after an object member", 8)]
    [InlineData("{\"a\": 1,, \"b\": 2}", "Expected a property name in double quotes", 8)]
    [InlineData("{\"a\": }", "Unexpected '}'; expected a JSON value", 6)]
    [InlineData("{\"a\": 1]", "Expected ',' or '}' after an object member", 7)]
    [InlineData("[1}", "Expected ',' or ']' after an array element", 2)]
    [InlineData("[1,,2]", "Unexpected ','; expected a JSON value", 3)]
    [InlineData("[,1]", "Unexpected ','; expected a JSON value", 1)]
    [InlineData("['a']", "Strings must be enclosed in double quotes", 1)]
    [InlineData("[1, // note\n 2]", "Comments are not allowed in JSON", 4)]
    [InlineData("[\f1]", "Unexpected U+000C; expected a JSON value", 1)]
    [InlineData("[\u00a01]", "Unexpected U+00A0; expected a JSON value", 1)]
    [InlineData("[1,\uFEFF2]", "Unexpected U+FEFF; expected a JSON value", 3)]
    [InlineData(" \uFEFF1", "Unexpected U+FEFF; expected a JSON value", 1)]
    public void Structural_errors_are_reported_at_the_offending_character(string text, string message, int offset)
    {
        JsonTestSupport.AssertError(text, message, offset, 0, offset);
    }

    [Fact]
    public void Trailing_comma_is_reported_at_the_comma_even_on_an_earlier_line()
    {
        var text = "{\n  \"a\": [\n    1,\n  ],\n  \"b\": 2\n}";

        JsonTestSupport.AssertError(text, "A trailing comma before ']' is not allowed", text.IndexOf("1,", StringComparison.Ordinal) + 1, 2, 5);
        JsonTestSupport.AssertError("{\"a\": 1,\r\n}", "A trailing comma before '}' is not allowed", 7, 0, 7);
    }

    [Theory]
    [InlineData("[1,\n  ", 6, 1, 2)]
    [InlineData("{", 1, 0, 1)]
    [InlineData("{\"a\"", 4, 0, 4)]
    [InlineData("{\"a\":", 5, 0, 5)]
    [InlineData("{\"a\":1", 6, 0, 6)]
    [InlineData("[", 1, 0, 1)]
    [InlineData("[[1]\r\n", 6, 1, 0)]
    public void Truncated_input_is_an_empty_error_span_at_the_end(string text, int offset, int line, int column)
    {
        var error = JsonTestSupport.AssertError(text, "Unexpected end of input", offset, line, column);

        Assert.Equal(0, error.Span.Length);
    }

    // ---------------------------------------------------------------- depth

    [Fact]
    public void Nesting_up_to_the_limit_is_accepted()
    {
        var root = JsonTestSupport.ParseOk(new string('[', 256) + new string(']', 256));

        Assert.Equal(JsonKind.Array, root.Kind);
    }

    [Fact]
    public void Nesting_past_the_limit_is_reported_at_the_first_bracket_too_deep()
    {
        var text = new string('[', 257) + new string(']', 257);

        var error = JsonTestSupport.AssertError(text, "Nesting deeper than 256 levels", 256, 0, 256);

        Assert.Equal("Nesting deeper than 256 levels", error.Message);
    }

    [Fact]
    public void Hundred_thousand_open_brackets_give_an_error_not_a_crash()
    {
        JsonTestSupport.AssertError(new string('[', 100_000), "Nesting deeper than 256 levels", 256, 0, 256);
        // Without a limit the reader still does not recurse. (Not 100 000 here: every node's pointer is
        // built eagerly, so the pointers alone would take O(depth^2) characters.)
        JsonTestSupport.AssertError(new string('[', 5_000), "Unexpected end of input", 5_000, 0, 5_000, maxDepth: int.MaxValue);

        var objects = string.Concat(Enumerable.Repeat("{\"a\":", 100_000));
        JsonTestSupport.AssertError(objects, "Nesting deeper than 256 levels", 256 * 5, 0, 256 * 5);
    }

    [Fact]
    public void The_reader_does_not_recurse_so_a_high_limit_allows_very_deep_documents()
    {
        const int depth = 3000;
        var text = new string('[', depth) + "42" + new string(']', depth);

        var root = JsonTestSupport.ParseOk(text, maxDepth: depth);

        var node = root;
        for (var i = 0; i < depth; i++)
        {
            node = Assert.Single(node.Items);
        }

        Assert.Equal("42", node.Text);
        Assert.Equal(depth * 2, node.Pointer.Length);
        JsonTestSupport.AssertError(text, "Nesting deeper than 2999 levels", 2999, 0, 2999, maxDepth: depth - 1);
    }

    [Fact]
    public void Custom_depth_limit_counts_containers_and_zero_allows_only_scalars()
    {
        JsonTestSupport.ParseOk("{\"a\": [1]}", maxDepth: 2);
        JsonTestSupport.AssertError("{\"a\": [[1]]}", "Nesting deeper than 2 levels", 7, 0, 7, maxDepth: 2);
        JsonTestSupport.ParseOk("\"scalar\"", maxDepth: 0);
        JsonTestSupport.AssertError("[]", "Nesting deeper than 0 levels", 0, 0, 0, maxDepth: 0);
        JsonTestSupport.AssertError("[]", "Nesting deeper than -5 levels", 0, 0, 0, maxDepth: -5);
    }

    // ---------------------------------------------------------------- the real corpus

    [Fact]
    public void Webhooks_document_parses_and_every_span_reparses_to_the_same_value()
    {
        var text = File.ReadAllText(JsonTestSupport.WebhooksPath);

        var root = JsonTestSupport.ParseOk(text);

        var count = 0;
        foreach (var node in JsonTestSupport.Walk(root))
        {
            count++;
            var slice = text.Substring(node.Span.Start, node.Span.Length);
            var reparsed = JsonTextReader.Parse(slice);
            Assert.True(reparsed.Success, node.Pointer + ": " + reparsed.Error?.Message);
            Assert.Equal(node.Kind, reparsed.Root!.Kind);
            Assert.True(JsonValueComparer.DeepEquals(node, reparsed.Root), node.Pointer);
            if (node.Kind is not (JsonKind.Object or JsonKind.Array))
            {
                Assert.Equal(node.Text, reparsed.Root.Text);
            }

            foreach (var property in node.Properties)
            {
                var name = JsonTextReader.Parse(text.Substring(property.NameSpan.Start, property.NameSpan.Length));
                Assert.Equal(property.Name, name.Root!.Text);
                Assert.True(property.NameSpan.Start > node.Span.Start);
                Assert.True(property.NameSpan.Start + property.NameSpan.Length < property.Value.Span.Start);
            }

            Assert.Same(node, JsonPointer.Resolve(root, node.Pointer));
        }

        Assert.True(count > 10_000, "only " + count + " nodes");
        JsonTestSupport.AssertAllSpansConsistent(text, root);
        Assert.Equal(JsonTextWriter.ToCompactString(root), JsonTextWriter.ToCompactString(JsonTestSupport.ParseOk(JsonTextWriter.ToCompactString(root))));
    }

    public static IEnumerable<object[]> CorpusFiles()
        => Directory.GetFiles(JsonTestSupport.CorpusDir, "*.json").OrderBy(path => path, StringComparer.Ordinal).Select(path => new object[] { Path.GetFileName(path) });

    [Theory]
    [MemberData(nameof(CorpusFiles))]
    public void Corpus_file_has_the_same_structure_as_System_Text_Json_reads(string fileName)
    {
        var text = File.ReadAllText(Path.Combine(JsonTestSupport.CorpusDir, fileName));

        var root = JsonTestSupport.ParseOk(text);
        using var document = JsonDocument.Parse(text, new JsonDocumentOptions { MaxDepth = 256 });

        JsonTestSupport.AssertSameStructure(root, document.RootElement);
        JsonTestSupport.AssertAllSpansConsistent(text, root);
    }

    [Fact]
    public void Corpus_files_with_crlf_line_ends_give_the_same_values_on_shifted_lines()
    {
        var text = File.ReadAllText(Path.Combine(JsonTestSupport.CorpusDir, "expected-validation.json"));
        var crlf = text.Replace("\r\n", "\n").Replace("\n", "\r\n");

        var lf = JsonTestSupport.ParseOk(text);
        var withCr = JsonTestSupport.ParseOk(crlf);

        var left = JsonTestSupport.Walk(lf).ToList();
        var right = JsonTestSupport.Walk(withCr).ToList();
        Assert.Equal(left.Count, right.Count);
        for (var i = 0; i < left.Count; i++)
        {
            Assert.Equal(left[i].Pointer, right[i].Pointer);
            Assert.Equal(left[i].Span.StartLine, right[i].Span.StartLine);
            Assert.Equal(left[i].Span.StartColumn, right[i].Span.StartColumn);
            Assert.Equal(left[i].Span.EndLine, right[i].Span.EndLine);
            Assert.Equal(left[i].Span.EndColumn, right[i].Span.EndColumn);
            Assert.Equal(left[i].Span.Start + left[i].Span.StartLine, right[i].Span.Start);
        }

        JsonTestSupport.AssertAllSpansConsistent(crlf, withCr);
    }

    [Fact]
    public void The_850_KB_webhooks_document_parses_the_same_every_time()
    {
        // How fast it parses is the benchmarks' business; here: it parses, and deterministically.
        var text = File.ReadAllText(JsonTestSupport.WebhooksPath);
        Assert.True(text.Length > 800_000);
        JsonTestSupport.ParseOk(text);

        var first = JsonTextReader.Parse(text);
        var second = JsonTextReader.Parse(text);
        Assert.True(first.Success && second.Success);
        Assert.Equal(JsonTextWriter.ToCompactString(first.Root!), JsonTextWriter.ToCompactString(second.Root!));
    }

    // ---------------------------------------------------------------- robustness

    [Fact]
    public void Truncating_a_real_document_at_every_offset_never_throws_and_reports_a_consistent_position()
    {
        var slice = JsonTestSupport.RealSlice(3000, 6000);
        var crlf = slice.Replace("\n", "\r\n");

        foreach (var text in new[] { slice, crlf })
        {
            for (var length = 0; length < text.Length; length++)
            {
                var prefix = text.Substring(0, length);
                var result = JsonTextReader.Parse(prefix);

                Assert.False(result.Success, "prefix of length " + length + " parsed");
                JsonTestSupport.AssertErrorConsistent(prefix, result.Error!.Value);
            }

            JsonTestSupport.ParseOk(text);
        }
    }

    [Fact]
    public void Random_garbage_never_throws_and_agrees_with_System_Text_Json()
    {
        const string alphabet = "{}[],:\"\\ \t\r\n0123456789-+.eEtrufalsn/u'xA";
        var random = new Random(20240601);
        var builder = new StringBuilder();
        for (var iteration = 0; iteration < 20_000; iteration++)
        {
            builder.Clear();
            var length = random.Next(0, 40);
            var asciiOnly = true;
            for (var i = 0; i < length; i++)
            {
                if (random.Next(20) == 0)
                {
                    var c = (char)random.Next(0, 0x10000);
                    asciiOnly &= c < 0x80;
                    builder.Append(c);
                }
                else
                {
                    builder.Append(alphabet[random.Next(alphabet.Length)]);
                }
            }

            var text = builder.ToString();
            var result = JsonTextReader.Parse(text);
            if (result.Error is { } error)
            {
                JsonTestSupport.AssertErrorConsistent(text, error);
            }
            else
            {
                JsonTestSupport.AssertAllSpansConsistent(text, result.Root!);
            }

            if (asciiOnly)
            {
                Assert.True(JsonTestSupport.SystemTextJsonAccepts(text) == result.Success, "disagreement on: " + text);
            }
        }
    }

    [Fact]
    public void Random_mutations_of_a_real_document_never_throw_and_agree_with_System_Text_Json()
    {
        const string alphabet = "{}[],:\"\\ \n\r0123456789-+.eEtrufalsn/u'";
        var original = JsonTestSupport.RealSlice(1000, 2500);
        var random = new Random(4242);
        for (var iteration = 0; iteration < 3000; iteration++)
        {
            var chars = new StringBuilder(original);
            var edits = random.Next(1, 4);
            for (var e = 0; e < edits; e++)
            {
                var at = random.Next(chars.Length);
                switch (random.Next(3))
                {
                    case 0:
                        chars[at] = alphabet[random.Next(alphabet.Length)];
                        break;
                    case 1:
                        chars.Remove(at, 1);
                        break;
                    default:
                        chars.Insert(at, alphabet[random.Next(alphabet.Length)]);
                        break;
                }
            }

            var text = chars.ToString();
            var result = JsonTextReader.Parse(text);
            if (result.Error is { } error)
            {
                JsonTestSupport.AssertErrorConsistent(text, error);
            }
            else
            {
                JsonTestSupport.AssertAllSpansConsistent(text, result.Root!);
            }

            Assert.True(JsonTestSupport.SystemTextJsonAccepts(text) == result.Success, "disagreement on: " + text);
        }
    }

    [Fact]
    public void Null_text_is_treated_as_empty_input()
    {
        var result = JsonTextReader.Parse(null!);

        Assert.False(result.Success);
        Assert.Null(result.Root);
        Assert.Equal(new SourceSpan(0, 0, 0, 0, 0, 0), result.Error!.Value.Span);
    }
}

/// <summary>Shared helpers of the JSON tests.</summary>
internal static class JsonTestSupport
{
    public static string CorpusDir => Path.Combine(TestPaths.SharedDir, "corpus", "voucherify");

    public static string WebhooksPath => Path.Combine(CorpusDir, "OpenAPIWebhooks.json");

    public static JsonNode ParseOk(string text, int maxDepth = JsonTextReader.DefaultMaxDepth)
    {
        var result = JsonTextReader.Parse(text, maxDepth);
        Assert.True(result.Success, "unexpected error: " + result.Error?.Message + " at " + result.Error?.Span);
        Assert.Null(result.Error);
        Assert.NotNull(result.Root);
        return result.Root!;
    }

    /// <summary>Asserts a parse error whose message starts with <paramref name="messageStart"/>, at an exact place.</summary>
    /// <remarks>The span ends one column further on the same line, unless the offending character is a line break.</remarks>
    public static JsonSyntaxError AssertError(string text, string messageStart, int offset, int line, int column, int maxDepth = JsonTextReader.DefaultMaxDepth, int? endLine = null, int? endColumn = null)
    {
        var result = JsonTextReader.Parse(text, maxDepth);

        Assert.False(result.Success);
        Assert.Null(result.Root);
        var error = result.Error!.Value;
        Assert.StartsWith(messageStart, error.Message, StringComparison.Ordinal);
        var length = offset == text.Length ? 0 : 1;
        Assert.Equal(new SourceSpan(offset, length, line, column, endLine ?? line, endColumn ?? column + length), error.Span);
        AssertErrorConsistent(text, error);
        return error;
    }

    /// <summary>An error span is one character (or nothing at the end) and its line/column agree with its offset.</summary>
    public static void AssertErrorConsistent(string text, JsonSyntaxError error)
    {
        Assert.False(string.IsNullOrWhiteSpace(error.Message));
        var span = error.Span;
        Assert.InRange(span.Start, 0, text.Length);
        Assert.Equal(span.Start == text.Length ? 0 : 1, span.Length);
        Assert.Equal(LinePositionOf(text, span.Start), (span.StartLine, span.StartColumn));
        Assert.Equal(LinePositionOf(text, span.Start + span.Length), (span.EndLine, span.EndColumn));
    }

    /// <summary>Every node's (and member name's) line/column positions agree with its offsets, computed independently.</summary>
    public static void AssertAllSpansConsistent(string text, JsonNode root)
    {
        var lineStarts = LineStarts(text);
        foreach (var node in Walk(root))
        {
            AssertSpan(node.Span, node.Pointer);
            foreach (var property in node.Properties)
            {
                AssertSpan(property.NameSpan, property.Value.Pointer + " (name)");
                Assert.Equal('"', text[property.NameSpan.Start]);
            }
        }

        void AssertSpan(SourceSpan span, string what)
        {
            Assert.InRange(span.Start, 0, text.Length);
            Assert.InRange(span.Length, 1, text.Length - span.Start);
            var expected = (Find(lineStarts, span.Start), Find(lineStarts, span.Start + span.Length));
            Assert.True(
                expected == ((span.StartLine, span.StartColumn), (span.EndLine, span.EndColumn)),
                what + ": expected " + expected + " but span is " + span);
        }
    }

    public static (int Line, int Column) LinePositionOf(string text, int offset) => Find(LineStarts(text), offset);

    private static List<int> LineStarts(string text)
    {
        var starts = new List<int> { 0 };
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
            {
                i++;
                starts.Add(i + 1);
            }
            else if (text[i] is '\r' or '\n')
            {
                starts.Add(i + 1);
            }
        }

        return starts;
    }

    private static (int Line, int Column) Find(List<int> lineStarts, int offset)
    {
        var index = lineStarts.BinarySearch(offset);
        var line = index >= 0 ? index : ~index - 1;
        return (line, offset - lineStarts[line]);
    }

    /// <summary>All nodes in document order (pre-order), without recursion.</summary>
    public static IEnumerable<JsonNode> Walk(JsonNode root)
    {
        var stack = new Stack<JsonNode>();
        stack.Push(root);
        while (stack.Count > 0)
        {
            var node = stack.Pop();
            yield return node;
            for (var i = node.Items.Count - 1; i >= 0; i--)
            {
                stack.Push(node.Items[i]);
            }

            for (var i = node.Properties.Count - 1; i >= 0; i--)
            {
                stack.Push(node.Properties[i].Value);
            }
        }
    }

    public static void AssertSameStructure(JsonNode node, JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                Assert.Equal(JsonKind.Object, node.Kind);
                var members = element.EnumerateObject().ToList();
                Assert.Equal(members.Count, node.Properties.Count);
                for (var i = 0; i < members.Count; i++)
                {
                    Assert.Equal(members[i].Name, node.Properties[i].Name);
                    AssertSameStructure(node.Properties[i].Value, members[i].Value);
                }

                break;
            case JsonValueKind.Array:
                Assert.Equal(JsonKind.Array, node.Kind);
                Assert.Equal(element.GetArrayLength(), node.Items.Count);
                var index = 0;
                foreach (var item in element.EnumerateArray())
                {
                    AssertSameStructure(node.Items[index++], item);
                }

                break;
            case JsonValueKind.String:
                Assert.Equal(JsonKind.String, node.Kind);
                Assert.Equal(element.GetString(), node.Text);
                break;
            case JsonValueKind.Number:
                Assert.Equal(JsonKind.Number, node.Kind);
                Assert.Equal(element.GetRawText(), node.Text);
                break;
            case JsonValueKind.True:
                Assert.Equal(JsonKind.True, node.Kind);
                break;
            case JsonValueKind.False:
                Assert.Equal(JsonKind.False, node.Kind);
                break;
            default:
                Assert.Equal(JsonValueKind.Null, element.ValueKind);
                Assert.Equal(JsonKind.Null, node.Kind);
                break;
        }
    }

    public static bool SystemTextJsonAccepts(string text)
    {
        try
        {
            using var document = JsonDocument.Parse(text, new JsonDocumentOptions { MaxDepth = JsonTextReader.DefaultMaxDepth });
            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    /// <summary>
    /// A real JSON document from the corpus: the text of the first object (in document order) of
    /// events-distribution.json whose span is between the given sizes, with its own line breaks.
    /// </summary>
    public static string RealSlice(int minLength, int maxLength)
    {
        var text = File.ReadAllText(Path.Combine(CorpusDir, "events-distribution.json"));
        var root = ParseOk(text);
        var node = Walk(root).First(n => n.Kind == JsonKind.Object && n.Span.Length >= minLength && n.Span.Length <= maxLength);
        return text.Substring(node.Span.Start, node.Span.Length);
    }
}
