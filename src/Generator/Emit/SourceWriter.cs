using System;
using System.IO;
using System.Text;
using Hooksmith.Generator.Model;
using Microsoft.CodeAnalysis.Text;

namespace Hooksmith.Generator.Emit;

/// <summary>Writes C# text with indentation handled for the caller.</summary>
/// <remarks>
/// A generator run writes thousands of files, tens of megabytes of text at vendor scale, so the writer keeps
/// its text off the garbage collector's hot path: its builder comes from <see cref="StringBuilderPool"/> and goes
/// back when the text is taken (<see cref="ToSourceText"/>) or the writer is released (<see cref="Release"/>),
/// and a large file goes to the compiler as chunks read from the builder rather than as one string, which
/// would land on the large-object heap.
/// </remarks>
internal sealed class SourceWriter
{
    /// <summary>
    /// From this length the compiler stores a text in chunks (its limit for a string off the large-object heap),
    /// so the text is read from the builder's chunks instead of copied into one string first.
    /// </summary>
    private const int ChunkedTextLength = 40 * 1024;

    [ThreadStatic]
    private static char[]? s_copyBuffer;

    private StringBuilder? _builder = StringBuilderPool.Rent();
    private int _indentation;

    private StringBuilder Builder => _builder ?? throw new InvalidOperationException("The writer was released (ToSourceText or Release).");

    public SourceWriter WriteLine(string line = "")
    {
        var builder = Builder;
        if (line.Length > 0)
        {
            builder.Append(' ', _indentation * 4);
            builder.Append(line);
        }

        builder.Append('\n');
        return this;
    }

    /// <summary>Writes each line of a multi-line block at the current indentation.</summary>
    public SourceWriter WriteLines(string block)
    {
        var chars = RentCopyBuffer(block.Length);
        block.CopyTo(0, chars, 0, block.Length);
        return WriteLines(chars, block.Length);
    }

    /// <summary>
    /// Writes what another writer wrote, each line at this writer's indentation added to its own, without its
    /// trailing empty lines.
    /// </summary>
    public SourceWriter WriteBlock(SourceWriter block)
    {
        var source = block.Builder;
        var length = source.Length;
        while (length > 0 && source[length - 1] == '\n')
        {
            length--;
        }

        var chars = RentCopyBuffer(length);
        source.CopyTo(0, chars, 0, length);
        return WriteLines(chars, length);
    }

    /// <summary>
    /// Writes the first <paramref name="length"/> characters of a (rented) buffer as lines: split at <c>\n</c>, a
    /// <c>\r</c> before it dropped, each non-empty line indented. The buffer goes back for the next block.
    /// </summary>
    private SourceWriter WriteLines(char[] chars, int length)
    {
        var builder = Builder;
        var start = 0;
        while (start <= length)
        {
            var end = Array.IndexOf(chars, '\n', start, length - start);
            var lineEnd = end < 0 ? length : end;
            var textEnd = end >= 0 && lineEnd > start && chars[lineEnd - 1] == '\r' ? lineEnd - 1 : lineEnd;
            if (textEnd > start)
            {
                builder.Append(' ', _indentation * 4);
                builder.Append(chars, start, textEnd - start);
            }

            builder.Append('\n');
            start = lineEnd + 1;
        }

        if (chars.Length <= StringBuilderPool.MaxCapacity)
        {
            s_copyBuffer = chars;
        }

        return this;
    }

    private static char[] RentCopyBuffer(int length)
    {
        var chars = s_copyBuffer is { } buffer && buffer.Length >= length ? buffer : new char[Math.Max(length, 1024)];
        s_copyBuffer = null;
        return chars;
    }

    /// <summary>Whether nothing but white space has been written.</summary>
    public bool IsBlank()
    {
        var builder = Builder;
        for (var i = builder.Length - 1; i >= 0; i--)
        {
            if (!char.IsWhiteSpace(builder[i]))
            {
                return false;
            }
        }

        return true;
    }

    public SourceWriter OpenBlock(string? header = null)
    {
        if (header is not null)
        {
            WriteLine(header);
        }

        WriteLine("{");
        _indentation++;
        return this;
    }

    public SourceWriter CloseBlock(string closing = "}")
    {
        _indentation = Math.Max(0, _indentation - 1);
        WriteLine(closing);
        return this;
    }

    public SourceWriter Indent()
    {
        _indentation++;
        return this;
    }

    public SourceWriter Unindent()
    {
        _indentation = Math.Max(0, _indentation - 1);
        return this;
    }

    /// <summary>
    /// The text written, as the compiler's UTF-8 source text. This ends the writer: its builder goes back to
    /// the pool.
    /// </summary>
    public SourceText ToSourceText()
    {
        var builder = Builder;
        var text = builder.Length >= ChunkedTextLength
            ? SourceText.From(new ChunkReader(builder), builder.Length, Encoding.UTF8)
            : SourceText.From(builder.ToString(), Encoding.UTF8);
        Release();
        return text;
    }

    /// <summary>Ends a writer whose text is no longer needed (one spliced into another with <see cref="WriteBlock"/>).</summary>
    public void Release()
    {
        if (_builder is { } builder)
        {
            _builder = null;
            StringBuilderPool.Return(builder);
        }
    }

    /// <summary>The text written so far; the writer can go on.</summary>
    public override string ToString() => Builder.ToString();

    /// <summary>Reads a builder's text chunk by chunk, without a copy of the whole.</summary>
    private sealed class ChunkReader : TextReader
    {
        private readonly StringBuilder _builder;
        private int _position;

        public ChunkReader(StringBuilder builder) => _builder = builder;

        public override int Peek() => _position < _builder.Length ? _builder[_position] : -1;

        public override int Read() => _position < _builder.Length ? _builder[_position++] : -1;

        public override int Read(char[] buffer, int index, int count)
        {
            var length = Math.Min(count, _builder.Length - _position);
            if (length <= 0)
            {
                return 0;
            }

            _builder.CopyTo(_position, buffer, index, length);
            _position += length;
            return length;
        }
    }
}
