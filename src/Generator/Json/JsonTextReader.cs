using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace Hooksmith.Generator.Json;

/// <summary>
/// A strict RFC 8259 reader that records, for every value, its JSON Pointer and where it is written.
/// It never throws: invalid input (including nesting deeper than the limit) yields a
/// <see cref="JsonSyntaxError"/> located at the offending character.
/// </summary>
/// <remarks>
/// Positions are counted in UTF-16 code units. Lines break at "\n", "\r\n" and a lone "\r"; those can
/// only occur as insignificant whitespace in valid JSON, so lines are only counted there.
/// A byte order mark (U+FEFF) at offset 0 is skipped but still counts as a character for offsets and columns.
/// The parser keeps an explicit stack instead of recursing, so no input can overflow the call stack.
/// </remarks>
internal static class JsonTextReader
{
    public const int DefaultMaxDepth = 256;

    public static JsonParseResult Parse(string text, int maxDepth = DefaultMaxDepth)
    {
        var parser = new Parser(text ?? string.Empty, maxDepth);
        return parser.Run();
    }

    private struct Position
    {
        public int Offset;
        public int Line;
        public int Column;
    }

    private struct Frame
    {
        public bool IsObject;
        public string Pointer;
        public Position Start;

        /// <summary>Index of the frame's first element in the shared item or property buffer.</summary>
        public int First;

        /// <summary>Elements read so far (used for array indexes in pointers).</summary>
        public int Count;

        public string MemberName;
        public SourceSpan MemberNameSpan;
    }

    private sealed class Parser
    {
        private const string EndOfInput = "Unexpected end of input";

        private readonly string _text;
        private readonly int _length;
        private readonly int _maxDepth;

        private readonly List<JsonNode> _items = new();
        private readonly List<JsonProperty> _properties = new();
        private Frame[] _frames = new Frame[16];
        private int _depth;

        private StringBuilder? _builder;
        private int _pos;
        private int _line;
        private int _lineStart;
        private JsonSyntaxError? _error;

        public Parser(string text, int maxDepth)
        {
            _text = text;
            _length = text.Length;
            _maxDepth = maxDepth;
        }

        public JsonParseResult Run()
        {
            var root = ParseDocument();
            return root is null
                ? JsonParseResult.FromError(_error ?? new JsonSyntaxError(EndOfInput, SpanAt(_pos)))
                : JsonParseResult.FromRoot(root);
        }

        private JsonNode? ParseDocument()
        {
            if (_length > 0 && _text[0] == '\uFEFF')
            {
                _pos = 1;
            }

            SkipWhitespace();
            if (_pos >= _length)
            {
                return FailAtEnd("the document is empty");
            }

            var pointer = string.Empty;
            while (true)
            {
                // Here _pos is at the first character of a value (whitespace skipped), which gets `pointer`.
                JsonNode? value;
                var c = _pos < _length ? _text[_pos] : '\0';
                if (_pos < _length && (c == '{' || c == '['))
                {
                    if (_depth >= _maxDepth)
                    {
                        return Fail(string.Format(CultureInfo.InvariantCulture, "Nesting deeper than {0} levels", _maxDepth), _pos);
                    }

                    var isObject = c == '{';
                    PushFrame(isObject, pointer);
                    _pos++;
                    SkipWhitespace();
                    if (_pos >= _length)
                    {
                        return FailAtEnd(isObject ? "expected a property name or '}'" : "expected a value or ']'");
                    }

                    var next = _text[_pos];
                    if (next == (isObject ? '}' : ']'))
                    {
                        _pos++;
                        value = PopFrame();
                    }
                    else if (isObject)
                    {
                        if (!ReadMemberName(out pointer))
                        {
                            return null;
                        }

                        continue;
                    }
                    else
                    {
                        pointer = JsonPointer.Append(pointer, 0);
                        continue;
                    }
                }
                else
                {
                    value = ReadScalar(pointer);
                    if (value is null)
                    {
                        return null;
                    }
                }

                // A value is complete: attach it to its container, closing containers as they end.
                while (true)
                {
                    if (_depth == 0)
                    {
                        SkipWhitespace();
                        if (_pos < _length)
                        {
                            return Fail("Unexpected " + Describe(_text[_pos]) + " after the end of the JSON value", _pos);
                        }

                        return value;
                    }

                    ref var frame = ref _frames[_depth - 1];
                    if (frame.IsObject)
                    {
                        _properties.Add(new JsonProperty(frame.MemberName, frame.MemberNameSpan, value));
                    }
                    else
                    {
                        _items.Add(value);
                    }

                    frame.Count++;
                    SkipWhitespace();
                    if (_pos >= _length)
                    {
                        return FailAtEnd(frame.IsObject ? "expected ',' or '}' after an object member" : "expected ',' or ']' after an array element");
                    }

                    var c2 = _text[_pos];
                    if (c2 == ',')
                    {
                        var comma = Here();
                        _pos++;
                        SkipWhitespace();
                        if (_pos >= _length)
                        {
                            return FailAtEnd(frame.IsObject ? "expected a property name after ','" : "expected a value after ','");
                        }

                        var close = frame.IsObject ? '}' : ']';
                        if (_text[_pos] == close)
                        {
                            // Blame the comma, which may sit on an earlier line than the bracket.
                            _error = new JsonSyntaxError(
                                "A trailing comma before '" + close + "' is not allowed",
                                new SourceSpan(comma.Offset, 1, comma.Line, comma.Column, comma.Line, comma.Column + 1));
                            return null;
                        }

                        if (frame.IsObject)
                        {
                            if (!ReadMemberName(out pointer))
                            {
                                return null;
                            }
                        }
                        else
                        {
                            pointer = JsonPointer.Append(frame.Pointer, frame.Count);
                        }

                        break;
                    }

                    if (c2 == (frame.IsObject ? '}' : ']'))
                    {
                        _pos++;
                        value = PopFrame();
                        continue;
                    }

                    return Fail(frame.IsObject ? "Expected ',' or '}' after an object member" : "Expected ',' or ']' after an array element", _pos);
                }
            }
        }

        private void PushFrame(bool isObject, string pointer)
        {
            if (_depth == _frames.Length)
            {
                Array.Resize(ref _frames, _frames.Length * 2);
            }

            _frames[_depth++] = new Frame
            {
                IsObject = isObject,
                Pointer = pointer,
                Start = Here(),
                First = isObject ? _properties.Count : _items.Count,
            };
        }

        /// <summary>Closes the innermost container; _pos is just past its closing bracket.</summary>
        private JsonNode PopFrame()
        {
            ref var frame = ref _frames[--_depth];
            var span = SpanFrom(frame.Start);
            JsonNode node;
            if (frame.IsObject)
            {
                var count = _properties.Count - frame.First;
                JsonProperty[] properties;
                if (count == 0)
                {
                    properties = Array.Empty<JsonProperty>();
                }
                else
                {
                    properties = new JsonProperty[count];
                    _properties.CopyTo(frame.First, properties, 0, count);
                    _properties.RemoveRange(frame.First, count);
                }

                node = JsonNode.CreateObject(frame.Pointer, span, properties);
            }
            else
            {
                var count = _items.Count - frame.First;
                JsonNode[] items;
                if (count == 0)
                {
                    items = Array.Empty<JsonNode>();
                }
                else
                {
                    items = new JsonNode[count];
                    _items.CopyTo(frame.First, items, 0, count);
                    _items.RemoveRange(frame.First, count);
                }

                node = JsonNode.CreateArray(frame.Pointer, span, items);
            }

            frame = default;
            return node;
        }

        /// <summary>Reads `"name" :` and the whitespace after it; _pos is at the name's opening quote.</summary>
        private bool ReadMemberName(out string pointer)
        {
            pointer = string.Empty;
            ref var frame = ref _frames[_depth - 1];
            var c = _text[_pos];
            if (c != '"')
            {
                Fail(
                    c == '\''
                        ? "Property names must be enclosed in double quotes"
                        : "Expected a property name in double quotes but found " + Describe(c),
                    _pos);
                return false;
            }

            var start = Here();
            if (!ReadString(out var name))
            {
                return false;
            }

            frame.MemberName = name;
            frame.MemberNameSpan = SpanFrom(start);
            SkipWhitespace();
            if (_pos >= _length)
            {
                FailAtEnd("expected ':' after a property name");
                return false;
            }

            if (_text[_pos] != ':')
            {
                Fail("Expected ':' after a property name but found " + Describe(_text[_pos]), _pos);
                return false;
            }

            _pos++;
            SkipWhitespace();
            if (_pos >= _length)
            {
                FailAtEnd("expected a value after ':'");
                return false;
            }

            pointer = JsonPointer.Append(frame.Pointer, name);
            return true;
        }

        private JsonNode? ReadScalar(string pointer)
        {
            if (_pos >= _length)
            {
                return FailAtEnd("expected a JSON value");
            }

            var start = Here();
            var c = _text[_pos];
            switch (c)
            {
                case '"':
                    return ReadString(out var value) ? JsonNode.CreateString(pointer, SpanFrom(start), value) : null;
                case '-':
                case >= '0' and <= '9':
                    return ReadNumber(out var literal) ? JsonNode.CreateNumber(pointer, SpanFrom(start), literal) : null;
                case 't':
                    return ReadLiteral("true") ? JsonNode.CreateLiteral(JsonKind.True, pointer, SpanFrom(start)) : null;
                case 'f':
                    return ReadLiteral("false") ? JsonNode.CreateLiteral(JsonKind.False, pointer, SpanFrom(start)) : null;
                case 'n':
                    return ReadLiteral("null") ? JsonNode.CreateLiteral(JsonKind.Null, pointer, SpanFrom(start)) : null;
                case '+':
                    return Fail("A number cannot start with '+'", _pos);
                case '.':
                    return Fail("A number must have a digit before the decimal point", _pos);
                case '\'':
                    return Fail("Strings must be enclosed in double quotes", _pos);
                case '/':
                    return Fail("Comments are not allowed in JSON", _pos);
                case 'N' when StartsWithAt("NaN"):
                case 'I' when StartsWithAt("Infinity"):
                    return Fail("NaN and Infinity are not valid JSON numbers", _pos);
                default:
                    return Fail("Unexpected " + Describe(c) + "; expected a JSON value", _pos);
            }
        }

        private bool StartsWithAt(string word)
            => _length - _pos >= word.Length && string.CompareOrdinal(_text, _pos, word, 0, word.Length) == 0;

        private bool ReadLiteral(string word)
        {
            for (var i = 0; i < word.Length; i++)
            {
                if (_pos >= _length)
                {
                    FailAtEnd("expected '" + word + "'");
                    return false;
                }

                if (_text[_pos] != word[i])
                {
                    Fail("Invalid literal: expected '" + word + "'", _pos);
                    return false;
                }

                _pos++;
            }

            return true;
        }

        private bool ReadNumber(out string literal)
        {
            literal = string.Empty;
            var start = _pos;
            if (_text[_pos] == '-')
            {
                _pos++;
                if (_pos >= _length)
                {
                    FailAtEnd("expected a digit after '-'");
                    return false;
                }
            }

            var c = _text[_pos];
            if (c == '0')
            {
                _pos++;
                if (_pos < _length && IsDigit(_text[_pos]))
                {
                    Fail("Leading zeros are not allowed in numbers", _pos);
                    return false;
                }
            }
            else if (c >= '1' && c <= '9')
            {
                _pos++;
                SkipDigits();
            }
            else
            {
                Fail("Expected a digit after '-' but found " + Describe(c), _pos);
                return false;
            }

            if (_pos < _length && _text[_pos] == '.')
            {
                _pos++;
                if (_pos >= _length)
                {
                    FailAtEnd("expected a digit after the decimal point");
                    return false;
                }

                if (!IsDigit(_text[_pos]))
                {
                    Fail("Expected a digit after the decimal point but found " + Describe(_text[_pos]), _pos);
                    return false;
                }

                SkipDigits();
            }

            if (_pos < _length && (_text[_pos] == 'e' || _text[_pos] == 'E'))
            {
                _pos++;
                if (_pos < _length && (_text[_pos] == '+' || _text[_pos] == '-'))
                {
                    _pos++;
                }

                if (_pos >= _length)
                {
                    FailAtEnd("expected a digit in the exponent");
                    return false;
                }

                if (!IsDigit(_text[_pos]))
                {
                    Fail("Expected a digit in the exponent but found " + Describe(_text[_pos]), _pos);
                    return false;
                }

                SkipDigits();
            }

            literal = _text.Substring(start, _pos - start);
            return true;
        }

        private void SkipDigits()
        {
            while (_pos < _length && IsDigit(_text[_pos]))
            {
                _pos++;
            }
        }

        private static bool IsDigit(char c) => c >= '0' && c <= '9';

        /// <summary>Reads a string token; _pos is at its opening quote and ends just past the closing one.</summary>
        private bool ReadString(out string value)
        {
            value = string.Empty;
            var quote = _pos;
            _pos++;
            var start = _pos;

            // Fast path: no escapes, so the value is a plain substring.
            while (_pos < _length)
            {
                var c = _text[_pos];
                if (c == '"')
                {
                    value = _text.Substring(start, _pos - start);
                    _pos++;
                    return true;
                }

                if (c == '\\')
                {
                    break;
                }

                if (c < ' ')
                {
                    FailControlCharacter(c);
                    return false;
                }

                _pos++;
            }

            if (_pos >= _length)
            {
                Fail("Unterminated string", quote);
                return false;
            }

            var builder = _builder ??= new StringBuilder();
            builder.Clear();
            builder.Append(_text, start, _pos - start);
            while (true)
            {
                if (_pos >= _length)
                {
                    Fail("Unterminated string", quote);
                    return false;
                }

                var c = _text[_pos];
                if (c == '"')
                {
                    _pos++;
                    value = builder.ToString();
                    return true;
                }

                if (c < ' ')
                {
                    FailControlCharacter(c);
                    return false;
                }

                if (c != '\\')
                {
                    var runStart = _pos;
                    _pos++;
                    while (_pos < _length && _text[_pos] is not ('"' or '\\') && _text[_pos] >= ' ')
                    {
                        _pos++;
                    }

                    builder.Append(_text, runStart, _pos - runStart);
                    continue;
                }

                var backslash = _pos;
                _pos++;
                if (_pos >= _length)
                {
                    Fail("Unterminated string", quote);
                    return false;
                }

                var escape = _text[_pos];
                switch (escape)
                {
                    case '"': builder.Append('"'); break;
                    case '\\': builder.Append('\\'); break;
                    case '/': builder.Append('/'); break;
                    case 'b': builder.Append('\b'); break;
                    case 'f': builder.Append('\f'); break;
                    case 'n': builder.Append('\n'); break;
                    case 'r': builder.Append('\r'); break;
                    case 't': builder.Append('\t'); break;
                    case 'u':
                        var code = 0;
                        for (var i = 0; i < 4; i++)
                        {
                            _pos++;
                            if (_pos >= _length)
                            {
                                Fail("Unterminated string", quote);
                                return false;
                            }

                            var digit = HexValue(_text[_pos]);
                            if (digit < 0)
                            {
                                Fail("Invalid Unicode escape: '\\u' must be followed by four hexadecimal digits, found " + Describe(_text[_pos]), _pos);
                                return false;
                            }

                            code = (code << 4) | digit;
                        }

                        // Surrogate pairs combine naturally in UTF-16; a lone surrogate is kept as it is.
                        builder.Append((char)code);
                        break;
                    default:
                        Fail(
                            escape > ' ' && escape < '\u007F'
                                ? "Invalid escape sequence '\\" + escape + "'"
                                : "Invalid escape sequence: '\\' followed by " + Describe(escape),
                            backslash);
                        return false;
                }

                _pos++;
            }
        }

        private void FailControlCharacter(char c)
        {
            Fail(
                c is '\n' or '\r'
                    ? "Unescaped line break in a string (is the closing quote missing?)"
                    : "Unescaped control character " + Describe(c) + " in a string",
                _pos);
        }

        private static int HexValue(char c)
        {
            if (c >= '0' && c <= '9')
            {
                return c - '0';
            }

            if (c >= 'a' && c <= 'f')
            {
                return c - 'a' + 10;
            }

            if (c >= 'A' && c <= 'F')
            {
                return c - 'A' + 10;
            }

            return -1;
        }

        private void SkipWhitespace()
        {
            while (_pos < _length)
            {
                var c = _text[_pos];
                if (c == ' ' || c == '\t')
                {
                    _pos++;
                }
                else if (c == '\n')
                {
                    _pos++;
                    _line++;
                    _lineStart = _pos;
                }
                else if (c == '\r')
                {
                    _pos++;
                    if (_pos < _length && _text[_pos] == '\n')
                    {
                        _pos++;
                    }

                    _line++;
                    _lineStart = _pos;
                }
                else
                {
                    return;
                }
            }
        }

        private Position Here() => new() { Offset = _pos, Line = _line, Column = _pos - _lineStart };

        /// <summary>The span from <paramref name="start"/> to the current position, which must be on the current line or later.</summary>
        private SourceSpan SpanFrom(Position start)
            => new(start.Offset, _pos - start.Offset, start.Line, start.Column, _line, _pos - _lineStart);

        /// <summary>A span of one character at <paramref name="offset"/> (which must be on the current line), or an empty span at the end.</summary>
        private SourceSpan SpanAt(int offset)
        {
            if (offset >= _length)
            {
                return new SourceSpan(_length, 0, _line, _length - _lineStart, _line, _length - _lineStart);
            }

            // A span over a line break ends at the start of the next line ("\r\n" counts as one break).
            var column = offset - _lineStart;
            var c = _text[offset];
            return c == '\n' || (c == '\r' && (offset + 1 >= _length || _text[offset + 1] != '\n'))
                ? new SourceSpan(offset, 1, _line, column, _line + 1, 0)
                : new SourceSpan(offset, 1, _line, column, _line, column + 1);
        }

        private JsonNode? Fail(string message, int offset)
        {
            _error = new JsonSyntaxError(message, SpanAt(offset));
            return null;
        }

        private JsonNode? FailAtEnd(string detail)
        {
            _error = new JsonSyntaxError(EndOfInput + ": " + detail, SpanAt(_length));
            return null;
        }

        private static string Describe(char c)
        {
            if (c > ' ' && c < '\u007F')
            {
                return "'" + c + "'";
            }

            return c == ' '
                ? "' '"
                : "U+" + ((int)c).ToString("X4", CultureInfo.InvariantCulture);
        }
    }
}
