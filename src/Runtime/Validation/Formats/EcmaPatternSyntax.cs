using System;
using System.Collections.Generic;
using System.Globalization;

namespace Hooksmith.Validation;

/// <summary>
/// A syntax check of ECMA-262 regular expression patterns; see <see cref="FormatChecks.IsRegex"/>
/// for the dialect.
/// </summary>
internal ref struct EcmaPatternSyntax
{
    /// <summary>Groups nested deeper than this are refused rather than risk the stack.</summary>
    private const int MaxDepth = 256;

    /// <summary>Group names and references kept in stack buffers before spilling to lists.</summary>
    private const int InlineNames = 32;

    private readonly ReadOnlySpan<char> _pattern;
    private readonly Span<int> _names;
    private readonly Span<int> _references;
    private int _position;
    private int _groups;
    private int _maxBackreference;
    private int _nameCount;
    private int _referenceCount;
    private List<string>? _moreNames;
    private List<string>? _moreReferences;

    private EcmaPatternSyntax(ReadOnlySpan<char> pattern, Span<int> names, Span<int> references)
    {
        _pattern = pattern;
        _names = names;
        _references = references;
    }

    public static bool IsValid(ReadOnlySpan<char> pattern)
    {
        // (start, length) pairs of group names and of \k<name> references.
        Span<int> names = stackalloc int[InlineNames * 2];
        Span<int> references = stackalloc int[InlineNames * 2];
        var parser = new EcmaPatternSyntax(pattern, names, references);
        return parser.ParsePattern() && parser._maxBackreference <= parser._groups && parser.ReferencesResolve();
    }

    private readonly bool AtEnd => _position >= _pattern.Length;

    private readonly char Current => _pattern[_position];

    private bool ParsePattern() => ParseDisjunction(0) && AtEnd;

    private bool ParseDisjunction(int depth)
    {
        if (depth > MaxDepth)
        {
            return false;
        }

        while (true)
        {
            while (!AtEnd && Current != '|' && Current != ')')
            {
                if (!ParseTerm(depth))
                {
                    return false;
                }
            }

            if (AtEnd || Current != '|')
            {
                return true;
            }

            _position++;
        }
    }

    private bool ParseTerm(int depth)
    {
        bool quantifiable = true;
        switch (Current)
        {
            case '^' or '$':
                _position++;
                quantifiable = false;
                break;
            case '\\':
                _position++;
                if (!AtEnd && Current is 'b' or 'B')
                {
                    _position++;
                    quantifiable = false;
                }
                else if (!ParseAtomEscape())
                {
                    return false;
                }

                break;
            case '(':
                if (!ParseGroup(depth, out quantifiable))
                {
                    return false;
                }

                break;
            case '[':
                if (!ParseClass())
                {
                    return false;
                }

                break;
            case '*' or '+' or '?':
                return false;
            case '{':
                if (TryReadBracedQuantifier(out _, out _))
                {
                    return false;
                }

                _position++;
                break;
            default:
                SkipCharacter();
                break;
        }

        return ParseQuantifier(quantifiable);
    }

    private bool ParseQuantifier(bool quantifiable)
    {
        if (AtEnd)
        {
            return true;
        }

        int length;
        if (Current is '*' or '+' or '?')
        {
            length = 1;
        }
        else if (Current == '{' && TryReadBracedQuantifier(out length, out bool ordered))
        {
            if (!ordered)
            {
                return false;
            }
        }
        else
        {
            // Web-compatible syntax reads a '{' that starts no quantifier as a literal.
            return true;
        }

        if (!quantifiable)
        {
            return false;
        }

        _position += length;
        if (!AtEnd && Current == '?')
        {
            _position++;
        }

        return true;
    }

    /// <summary>Reads <c>{n}</c>, <c>{n,}</c> or <c>{n,m}</c> at the position without moving.</summary>
    private readonly bool TryReadBracedQuantifier(out int length, out bool ordered)
    {
        length = 0;
        ordered = true;
        int i = _position + 1;
        int minStart = i;
        while (i < _pattern.Length && char.IsAsciiDigit(_pattern[i]))
        {
            i++;
        }

        var min = _pattern[minStart..i];
        if (min.IsEmpty || i >= _pattern.Length)
        {
            return false;
        }

        if (_pattern[i] == ',')
        {
            int maxStart = ++i;
            while (i < _pattern.Length && char.IsAsciiDigit(_pattern[i]))
            {
                i++;
            }

            var max = _pattern[maxStart..i];
            if (!max.IsEmpty)
            {
                ordered = CompareDecimal(min, max) <= 0;
            }
        }

        if (i >= _pattern.Length || _pattern[i] != '}')
        {
            return false;
        }

        length = i + 1 - _position;
        return true;
    }

    private bool ParseGroup(int depth, out bool quantifiable)
    {
        quantifiable = true;
        _position++;
        if (!AtEnd && Current == '?')
        {
            _position++;
            if (AtEnd)
            {
                return false;
            }

            switch (Current)
            {
                case ':' or '=' or '!':
                    // Web-compatible syntax lets a lookahead be quantified.
                    _position++;
                    break;
                case '<':
                    _position++;
                    if (!AtEnd && Current is '=' or '!')
                    {
                        _position++;
                        quantifiable = false;
                        break;
                    }

                    int nameStart = _position;
                    if (!ParseGroupName())
                    {
                        return false;
                    }

                    Record(_names, ref _nameCount, ref _moreNames, nameStart, _position - 1 - nameStart);

                    _groups++;
                    break;
                default:
                    if (!ParseModifiers())
                    {
                        return false;
                    }

                    break;
            }
        }
        else
        {
            _groups++;
        }

        if (!ParseDisjunction(depth + 1) || AtEnd || Current != ')')
        {
            return false;
        }

        _position++;
        return true;
    }

    /// <summary>Pattern modifiers, <c>(?ims-ims:</c> (ES2025), after the <c>(?</c>.</summary>
    private bool ParseModifiers()
    {
        int seen = 0;
        bool removing = false;
        while (!AtEnd)
        {
            char c = Current;
            int flag = c switch { 'i' => 1, 'm' => 2, 's' => 4, _ => 0 };
            if (flag != 0)
            {
                if ((seen & flag) != 0)
                {
                    return false;
                }

                seen |= flag;
            }
            else if (c == '-' && !removing)
            {
                removing = true;
            }
            else
            {
                break;
            }

            _position++;
        }

        if (seen == 0 || AtEnd || Current != ':')
        {
            return false;
        }

        _position++;
        return true;
    }

    /// <summary>A group name and its closing <c>&gt;</c>, after the <c>&lt;</c>.</summary>
    private bool ParseGroupName()
    {
        bool first = true;
        while (!AtEnd)
        {
            if (Current == '>')
            {
                _position++;
                return !first;
            }

            int codePoint;
            if (Current == '\\')
            {
                _position++;
                if (AtEnd || Current != 'u' || !ParseUnicodeEscape(out codePoint))
                {
                    return false;
                }
            }
            else if (!FormatChecks.TryReadScalar(_pattern, ref _position, out codePoint))
            {
                return false;
            }

            if (!IsIdentifierCharacter(codePoint, first))
            {
                return false;
            }

            first = false;
        }

        return false;
    }

    /// <summary>The escape after a <c>\</c> outside a class.</summary>
    private bool ParseAtomEscape()
    {
        if (AtEnd)
        {
            return false;
        }

        char c = Current;
        switch (c)
        {
            case 'd' or 'D' or 's' or 'S' or 'w' or 'W' or 'f' or 'n' or 'r' or 't' or 'v':
                _position++;
                return true;
            case 'p' or 'P':
                _position++;
                return ParsePropertyBody();
            case 'k':
                _position++;
                return ParseNamedReference();
            case >= '1' and <= '9':
                int value = 0;
                while (!AtEnd && char.IsAsciiDigit(Current))
                {
                    value = Math.Min((value * 10) + (Current - '0'), 1_000_000);
                    _position++;
                }

                _maxBackreference = Math.Max(_maxBackreference, value);
                return true;
            default:
                return ParseCharacterEscape(out _);
        }
    }

    /// <summary>
    /// Escapes that stand for one character: control escapes, <c>\cX</c>, <c>\0</c>, <c>\xHH</c>,
    /// <c>\u…</c>, and identity escapes of anything but ASCII letters and digits.
    /// </summary>
    private bool ParseCharacterEscape(out int value)
    {
        char c = Current;
        switch (c)
        {
            case 'f': value = 0x0C; break;
            case 'n': value = 0x0A; break;
            case 'r': value = 0x0D; break;
            case 't': value = 0x09; break;
            case 'v': value = 0x0B; break;
            case 'c':
                if (_position + 1 >= _pattern.Length || !char.IsAsciiLetter(_pattern[_position + 1]))
                {
                    value = 0;
                    return false;
                }

                value = _pattern[_position + 1] % 32;
                _position += 2;
                return true;
            case '0':
                value = 0;
                _position++;
                return AtEnd || !char.IsAsciiDigit(Current);
            case 'x':
                if (_position + 2 >= _pattern.Length
                    || !char.IsAsciiHexDigit(_pattern[_position + 1]) || !char.IsAsciiHexDigit(_pattern[_position + 2]))
                {
                    value = 0;
                    return false;
                }

                value = (HexValue(_pattern[_position + 1]) * 16) + HexValue(_pattern[_position + 2]);
                _position += 3;
                return true;
            case 'u':
                return ParseUnicodeEscape(out value);
            default:
                // ASCII letters and digits are reserved for escapes of their own.
                if (char.IsAsciiLetterOrDigit(c))
                {
                    value = 0;
                    return false;
                }

                int start = _position;
                SkipCharacter();
                value = _position - start == 2 ? char.ConvertToUtf32(_pattern[start], _pattern[start + 1]) : c;
                return true;
        }

        _position++;
        return true;
    }

    /// <summary><c>\uHHHH</c> or <c>\u{H…}</c>, at the <c>u</c>.</summary>
    private bool ParseUnicodeEscape(out int value)
    {
        value = 0;
        int i = _position + 1;
        if (i < _pattern.Length && _pattern[i] == '{')
        {
            int start = ++i;
            while (i < _pattern.Length && char.IsAsciiHexDigit(_pattern[i]))
            {
                value = Math.Min((value * 16) + HexValue(_pattern[i]), 0x110000);
                i++;
            }

            if (i == start || i >= _pattern.Length || _pattern[i] != '}' || value > 0x10FFFF)
            {
                return false;
            }

            _position = i + 1;
            return true;
        }

        if (i + 4 > _pattern.Length)
        {
            return false;
        }

        for (int j = i; j < i + 4; j++)
        {
            if (!char.IsAsciiHexDigit(_pattern[j]))
            {
                return false;
            }

            value = (value * 16) + HexValue(_pattern[j]);
        }

        _position = i + 4;
        return true;
    }

    /// <summary><c>{Name}</c> or <c>{Name=Value}</c> after <c>\p</c> or <c>\P</c>; the names themselves are not checked.</summary>
    private bool ParsePropertyBody()
    {
        if (AtEnd || Current != '{')
        {
            return false;
        }

        _position++;
        bool sawEquals = false;
        int partStart = _position;
        while (!AtEnd)
        {
            char c = Current;
            if (c == '}')
            {
                if (_position == partStart)
                {
                    return false;
                }

                _position++;
                return true;
            }

            if (c == '=' && !sawEquals && _position > partStart)
            {
                sawEquals = true;
                partStart = _position + 1;
            }
            else if (!char.IsAsciiLetterOrDigit(c) && c != '_')
            {
                return false;
            }

            _position++;
        }

        return false;
    }

    /// <summary><c>&lt;name&gt;</c> after <c>\k</c>.</summary>
    private bool ParseNamedReference()
    {
        if (AtEnd || Current != '<')
        {
            return false;
        }

        _position++;
        int nameStart = _position;
        if (!ParseGroupName())
        {
            return false;
        }

        Record(_references, ref _referenceCount, ref _moreReferences, nameStart, _position - 1 - nameStart);
        return true;
    }

    /// <summary>Keeps a name's place in the buffer, or its text once the buffer is full.</summary>
    private readonly void Record(Span<int> buffer, ref int count, ref List<string>? more, int start, int length)
    {
        if (count < InlineNames)
        {
            buffer[count * 2] = start;
            buffer[(count * 2) + 1] = length;
            count++;
        }
        else
        {
            (more ??= []).Add(new string(_pattern.Slice(start, length)));
        }
    }

    /// <summary>Every <c>\k&lt;name&gt;</c> names a group somewhere in the pattern, before or after it.</summary>
    private readonly bool ReferencesResolve()
    {
        if (_moreNames is null && _moreReferences is null)
        {
            for (int r = 0; r < _referenceCount; r++)
            {
                var reference = _pattern.Slice(_references[r * 2], _references[(r * 2) + 1]);
                bool found = false;
                for (int n = 0; n < _nameCount && !found; n++)
                {
                    found = reference.SequenceEqual(_pattern.Slice(_names[n * 2], _names[(n * 2) + 1]));
                }

                if (!found)
                {
                    return false;
                }
            }

            return true;
        }

        // Many names or references: a set keeps the check linear.
        var names = new HashSet<string>(_moreNames ?? [], StringComparer.Ordinal);
        for (int n = 0; n < _nameCount; n++)
        {
            names.Add(new string(_pattern.Slice(_names[n * 2], _names[(n * 2) + 1])));
        }

        for (int r = 0; r < _referenceCount; r++)
        {
            if (!names.Contains(new string(_pattern.Slice(_references[r * 2], _references[(r * 2) + 1]))))
            {
                return false;
            }
        }

        foreach (string reference in _moreReferences ?? [])
        {
            if (!names.Contains(reference))
            {
                return false;
            }
        }

        return true;
    }

    private bool ParseClass()
    {
        _position++;
        if (!AtEnd && Current == '^')
        {
            _position++;
        }

        while (!AtEnd)
        {
            if (Current == ']')
            {
                _position++;
                return true;
            }

            if (!ParseClassAtom(out int from))
            {
                return false;
            }

            if (_position + 1 < _pattern.Length && Current == '-' && _pattern[_position + 1] != ']')
            {
                _position++;
                if (!ParseClassAtom(out int to))
                {
                    return false;
                }

                // A class escape at either end makes the '-' a literal in web-compatible syntax.
                if (from >= 0 && to >= 0 && from > to)
                {
                    return false;
                }
            }
        }

        return false;
    }

    /// <summary>One class member; <paramref name="value"/> is -1 for a class escape such as <c>\d</c>.</summary>
    private bool ParseClassAtom(out int value)
    {
        if (AtEnd)
        {
            value = -1;
            return false;
        }

        if (Current != '\\')
        {
            int start = _position;
            SkipCharacter();
            value = _position - start == 2 ? char.ConvertToUtf32(_pattern[start], _pattern[start + 1]) : _pattern[start];
            return true;
        }

        _position++;
        if (AtEnd)
        {
            value = -1;
            return false;
        }

        switch (Current)
        {
            case 'd' or 'D' or 's' or 'S' or 'w' or 'W':
                _position++;
                value = -1;
                return true;
            case 'p' or 'P':
                _position++;
                value = -1;
                return ParsePropertyBody();
            case 'b':
                _position++;
                value = 0x08;
                return true;
            case '-':
                _position++;
                value = '-';
                return true;
            default:
                return ParseCharacterEscape(out value);
        }
    }

    /// <summary>Moves past one character, a surrogate pair counting as one.</summary>
    private void SkipCharacter()
    {
        _position += char.IsHighSurrogate(Current) && _position + 1 < _pattern.Length && char.IsLowSurrogate(_pattern[_position + 1]) ? 2 : 1;
    }

    private static bool IsIdentifierCharacter(int codePoint, bool first)
    {
        if (codePoint < 0x80)
        {
            return char.IsAsciiLetter((char)codePoint) || codePoint is '$' or '_' || (!first && char.IsAsciiDigit((char)codePoint));
        }

        if (codePoint is >= 0xD800 and <= 0xDFFF or > 0x10FFFF)
        {
            return false;
        }

        var category = CharUnicodeInfo.GetUnicodeCategory(codePoint);
        bool start = category is UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter
            or UnicodeCategory.TitlecaseLetter or UnicodeCategory.ModifierLetter or UnicodeCategory.OtherLetter
            or UnicodeCategory.LetterNumber;
        return start || (!first && (category is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark
            or UnicodeCategory.DecimalDigitNumber or UnicodeCategory.ConnectorPunctuation || codePoint is 0x200C or 0x200D));
    }

    private static int HexValue(char c) => c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10;

    /// <summary>Compares two unsigned decimal digit strings by value, however long.</summary>
    private static int CompareDecimal(ReadOnlySpan<char> left, ReadOnlySpan<char> right)
    {
        left = left.TrimStart('0');
        right = right.TrimStart('0');
        return left.Length != right.Length ? left.Length.CompareTo(right.Length) : left.SequenceCompareTo(right);
    }
}
