using System;
using System.Linq;
using System.Text;
using CsCheck;
using Hooksmith.Generator.Emit;
using Xunit;

namespace Hooksmith.Generator.Tests.Emit;

/// <summary>
/// The source writer writes what it is given, line by line at its indentation, whatever the shape of the text, and
/// reuses its builders without one writer's text reaching another's.
/// </summary>
public sealed class SourceWriterTests
{
    /// <summary>Lines of code-like text with the line ends a block may carry: none, \n, \r\n, a lone \r, empty lines.</summary>
    private static readonly Gen<string> Block = Gen.Select(
        Choose("", "x", "int a = 1;", "    indented", "// é ß 𝄞", "\t tab", "a\rb", " ", "}"),
        Choose("\n", "\r\n", "\n\n", "\r\n\r\n", "\r")).Array[0, 12].Select(parts => string.Concat(parts.Select(p => p.Item1 + p.Item2)));

    private static readonly Gen<int> Indentation = Gen.Int[0, 4];

    private static Gen<string> Choose(params string[] choices) => Gen.Int[0, choices.Length - 1].Select(i => choices[i]);

    [Fact]
    public void WriteLines_WritesEachLineAsWriteLineWould()
    {
        Gen.Select(Block, Indentation).Sample((block, indentation) =>
        {
            var writer = Indented(new SourceWriter(), indentation).WriteLines(block);
            var expected = Indented(new SourceWriter(), indentation);
            foreach (var line in block.Replace("\r\n", "\n").Split('\n'))
            {
                expected.WriteLine(line);
            }

            Assert.Equal(expected.ToString(), writer.ToString());
        });
    }

    [Fact]
    public void WriteBlock_WritesAnotherWritersLinesAtThisIndentationWithoutTrailingEmptyLines()
    {
        Gen.Select(Block, Indentation, Indentation).Sample((block, outer, inner) =>
        {
            var body = Indented(new SourceWriter(), inner).WriteLines(block);
            var text = body.ToString();
            var writer = Indented(new SourceWriter(), outer).WriteBlock(body);

            // What the emitter did before it spliced blocks: the block's text, trimmed and split again.
            var expected = Indented(new SourceWriter(), outer).WriteLines(text.TrimEnd('\n'));
            Assert.Equal(expected.ToString(), writer.ToString());
        });
    }

    [Fact]
    public void IsBlank_IsTrueExactlyWhenOnlyWhiteSpaceWasWritten()
    {
        Block.Sample(block =>
        {
            var writer = new SourceWriter().WriteLines(block);
            Assert.Equal(string.IsNullOrWhiteSpace(writer.ToString()), writer.IsBlank());
        });
    }

    [Theory]
    [InlineData(10)]
    [InlineData(40 * 1024 / 8)]
    [InlineData(200_000)]
    public void ToSourceText_HoldsTheTextWrittenInUtf8_SmallOrChunked(int lines)
    {
        var writer = new SourceWriter();
        var expected = new StringBuilder();
        for (var i = 0; i < lines; i++)
        {
            var line = i % 7 == 0 ? "// ünïcode 𝄞 " + i : "int _" + i + ";";
            writer.WriteLine(line);
            expected.Append(line).Append('\n');
        }

        var text = writer.ToSourceText();

        Assert.Equal(expected.ToString(), text.ToString());
        Assert.Equal(expected.Length, text.Length);
        Assert.Equal(Encoding.UTF8, text.Encoding);
        Assert.Equal(lines + 1, text.Lines.Count);
    }

    [Fact]
    public void AWriterStartsEmpty_AfterOthersOnTheThreadGaveTheirBuildersBack()
    {
        var large = new SourceWriter();
        large.WriteLine(new string('x', 100_000));
        var nested = new SourceWriter().WriteLine("nested");
        nested.Release();
        _ = large.ToSourceText();

        var first = new SourceWriter();
        var second = new SourceWriter();
        Assert.True(first.IsBlank());
        Assert.True(second.IsBlank());
        first.WriteLine("a");
        second.WriteLine("b");
        Assert.Equal("a\n", first.ToSourceText().ToString());
        Assert.Equal("b\n", second.ToSourceText().ToString());
    }

    [Fact]
    public void AReleasedWriter_RefusesToBeUsed_AndReleasingTwiceIsHarmless()
    {
        var writer = new SourceWriter().WriteLine("x");
        _ = writer.ToSourceText();
        writer.Release();

        Assert.Throws<InvalidOperationException>(() => writer.WriteLine("y"));
        Assert.Throws<InvalidOperationException>(() => writer.ToString());

        // The builder went back once: two new writers do not share it.
        var a = new SourceWriter().WriteLine("a");
        var b = new SourceWriter().WriteLine("b");
        Assert.Equal("a\n", a.ToString());
        Assert.Equal("b\n", b.ToString());
    }

    private static SourceWriter Indented(SourceWriter writer, int levels)
    {
        for (var i = 0; i < levels; i++)
        {
            writer.Indent();
        }

        return writer;
    }
}
