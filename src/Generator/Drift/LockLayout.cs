using System;
using System.Collections.Generic;
using System.Text;

namespace Hooksmith.Generator.Drift;

/// <summary>
/// Where a lock's entries are in its text: its <c>format</c> and <c>docs</c>, and each event's and schema's
/// value as a range, found in one pass over the characters without building a node model. A lock laid out
/// otherwise than <see cref="LockFileWriter"/> lays it out (other members, a value out of place, text that
/// is not JSON) has no layout, and is read whole, which also says what is wrong with it.
/// </summary>
internal sealed class LockLayout
{
    private readonly string _text;
    private int _at;

    private LockLayout(string text) => _text = text;

    /// <summary>The <c>format</c> member's value, if it is a string.</summary>
    public string? Format { get; private set; }

    /// <summary><c>docs</c> is <c>true</c>: documentation was fingerprinted.</summary>
    public bool Docs { get; private set; }

    /// <summary>The events' values in the order written (a name written twice: the last one counts, as when read whole).</summary>
    public List<(string Name, TextRange Value)> Events { get; } = [];

    /// <summary>Each event's <c>key</c>, <c>csharp</c>, <c>pointer</c> and <c>payload</c>'s range, by the event's index in <see cref="Events"/>; null where it has other members.</summary>
    public List<EventLayout?> EventParts { get; } = [];

    /// <summary>The schemas' values in the order written.</summary>
    public List<(string Name, TextRange Value)> Schemas { get; } = [];

    /// <summary>The layout of <paramref name="text"/>, or null when it must be read whole.</summary>
    public static LockLayout? Of(string text)
    {
        var layout = new LockLayout(text);
        return layout.ReadRoot() ? layout : null;
    }

    private bool ReadRoot()
    {
        if (!Expect('{'))
        {
            return false;
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        if (!Peek('}'))
        {
            do
            {
                if (ReadString() is not { } name || !Expect(':') || !seen.Add(name))
                {
                    return false;
                }

                SkipWhitespace();
                var valueStart = _at;
                bool read;
                switch (name)
                {
                    case "format":
                        read = SkipValue();
                        Format = read && _text[valueStart] == '"' ? Unescape(valueStart) : null;
                        break;
                    case "docs":
                        read = SkipValue();
                        var literal = _text.Substring(valueStart, _at - valueStart);
                        read &= literal is "true" or "false";
                        Docs = literal == "true";
                        break;
                    case "events":
                        read = ReadEntries(Events, EventParts);
                        break;
                    case "schemas":
                        read = ReadEntries(Schemas);
                        break;
                    default:
                        // Not a member the writer writes: reading it whole decides what it means.
                        read = false;
                        break;
                }

                if (!read)
                {
                    return false;
                }
            }
            while (Next());
        }

        if (!Expect('}'))
        {
            return false;
        }

        SkipWhitespace();
        return _at == _text.Length;
    }

    /// <summary>An object's members, each value's range; anything but an object is left to reading whole.</summary>
    private bool ReadEntries(List<(string Name, TextRange Value)> entries, List<EventLayout?>? parts = null)
    {
        if (!Expect('{'))
        {
            return false;
        }

        if (!Peek('}'))
        {
            do
            {
                if (ReadString() is not { } name || !Expect(':'))
                {
                    return false;
                }

                SkipWhitespace();
                var start = _at;
                if (_at >= _text.Length || _text[_at] != '{' || !SkipValue())
                {
                    return false;
                }

                entries.Add((name, new TextRange(start, _at - start)));
                if (parts is not null)
                {
                    var end = _at;
                    _at = start;
                    parts.Add(ReadEvent());
                    _at = end;
                }
            }
            while (Next());
        }

        return Expect('}');
    }

    /// <summary>An event's members as the writer writes them, or null for any other shape (the entry is then parsed).</summary>
    private EventLayout? ReadEvent()
    {
        string? key = null, csharp = null, pointer = null;
        TextRange? payload = null;
        Expect('{');
        if (!Peek('}'))
        {
            do
            {
                if (ReadString() is not { } name || !Expect(':'))
                {
                    return null;
                }

                SkipWhitespace();
                var start = _at;
                var isString = _at < _text.Length && _text[_at] == '"';
                if (!SkipValue())
                {
                    return null;
                }

                switch (name)
                {
                    case "key" when isString && key is null:
                        key = Unescape(start);
                        break;
                    case "csharp" when isString && csharp is null:
                        csharp = Unescape(start);
                        break;
                    case "pointer" when isString && pointer is null:
                        pointer = Unescape(start);
                        break;
                    case "payload" when _text[start] == '{' && payload is null:
                        payload = new TextRange(start, _at - start);
                        break;
                    default:
                        return null;
                }
            }
            while (Next());
        }

        return Expect('}') && key is not null && pointer is not null && payload is { } range ? new EventLayout(key, csharp, pointer, range) : null;
    }

    /// <summary>After a member: true at a comma (another follows), else false (the object should close).</summary>
    private bool Next()
    {
        SkipWhitespace();
        if (_at < _text.Length && _text[_at] == ',')
        {
            _at++;
            return true;
        }

        return false;
    }

    private bool Peek(char c)
    {
        SkipWhitespace();
        return _at < _text.Length && _text[_at] == c;
    }

    private bool Expect(char c)
    {
        SkipWhitespace();
        if (_at < _text.Length && _text[_at] == c)
        {
            _at++;
            return true;
        }

        return false;
    }

    private void SkipWhitespace()
    {
        while (_at < _text.Length && _text[_at] is ' ' or '\t' or '\r' or '\n')
        {
            _at++;
        }
    }

    /// <summary>A string's value, or null when there is none here.</summary>
    private string? ReadString()
    {
        SkipWhitespace();
        var start = _at;
        return _at < _text.Length && _text[_at] == '"' && SkipString() ? Unescape(start) : null;
    }

    /// <summary>Steps over a value. Its content is checked only as far as finding its end needs: an entry that is read is parsed.</summary>
    private bool SkipValue()
    {
        if (_at >= _text.Length)
        {
            return false;
        }

        var c = _text[_at];
        if (c == '"')
        {
            return SkipString();
        }

        if (c is '{' or '[')
        {
            var depth = 0;
            while (_at < _text.Length)
            {
                switch (_text[_at])
                {
                    case '"':
                        if (!SkipString())
                        {
                            return false;
                        }

                        continue;
                    case '{' or '[':
                        depth++;
                        break;
                    case '}' or ']':
                        depth--;
                        if (depth == 0)
                        {
                            _at++;
                            return true;
                        }

                        break;
                }

                _at++;
            }

            return false;
        }

        var start = _at;
        while (_at < _text.Length && _text[_at] is not (',' or '}' or ']' or ' ' or '\t' or '\r' or '\n'))
        {
            _at++;
        }

        return _at > start;
    }

    private bool SkipString()
    {
        _at++;
        while (_at < _text.Length)
        {
            var c = _text[_at++];
            if (c == '"')
            {
                return true;
            }

            if (c == '\\')
            {
                _at++;
            }
            else if (c < ' ')
            {
                return false;
            }
        }

        return false;
    }

    /// <summary>The value of the string that starts at <paramref name="start"/> (already stepped over).</summary>
    private string? Unescape(int start)
    {
        var end = _at - 1;
        var plain = _text.IndexOf('\\', start + 1, end - start - 1) < 0;
        if (plain)
        {
            return _text.Substring(start + 1, end - start - 1);
        }

        var value = new StringBuilder(end - start);
        for (var i = start + 1; i < end; i++)
        {
            var c = _text[i];
            if (c != '\\')
            {
                value.Append(c);
                continue;
            }

            if (++i >= end)
            {
                return null;
            }

            switch (_text[i])
            {
                case '"': value.Append('"'); break;
                case '\\': value.Append('\\'); break;
                case '/': value.Append('/'); break;
                case 'b': value.Append('\b'); break;
                case 'f': value.Append('\f'); break;
                case 'n': value.Append('\n'); break;
                case 'r': value.Append('\r'); break;
                case 't': value.Append('\t'); break;
                case 'u' when i + 4 < end && ushort.TryParse(_text.Substring(i + 1, 4), System.Globalization.NumberStyles.AllowHexSpecifier, System.Globalization.CultureInfo.InvariantCulture, out var code):
                    value.Append((char)code);
                    i += 4;
                    break;
                default:
                    return null;
            }
        }

        return value.ToString();
    }
}
