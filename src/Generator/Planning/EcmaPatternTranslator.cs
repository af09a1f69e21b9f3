using System;
using System.Collections.Generic;
using System.Globalization;

namespace Hooksmith.Generator.Planning;

/// <summary>
/// Translates an ECMA-262 regular expression, as JSON Schema's <c>pattern</c> and
/// <c>patternProperties</c> use it, into a .NET regular expression that matches the same strings.
/// </summary>
/// <remarks>
/// <para>
/// The ECMA-262 pattern is read with the semantics of the <c>u</c> (Unicode) flag, as JSON Schema
/// 2020-12 recommends, and no other flag: it works on code points, so <c>.</c> and negated classes
/// consume a whole surrogate pair, <c>\d</c> <c>\w</c> <c>\b</c> are ASCII-only, <c>\s</c> is ECMA's
/// WhiteSpace and LineTerminator set, <c>^</c> and <c>$</c> are the start and end of the input, and
/// patterns that the <c>u</c> flag rejects (such as <c>\a</c> or a lone <c>{</c>) are invalid.
/// </para>
/// <para>
/// The translation assumes the .NET pattern is constructed with <c>RegexOptions.CultureInvariant</c>
/// (adding <c>RegexOptions.Compiled</c> is fine) and used to search (<c>Regex.IsMatch</c>, unanchored), as
/// JSON Schema does. It must not be combined with <c>IgnoreCase</c>, <c>Multiline</c>, <c>Singleline</c>,
/// <c>IgnorePatternWhitespace</c>, <c>ExplicitCapture</c>, <c>RightToLeft</c> or <c>ECMAScript</c>.
/// <c>RegexOptions.NonBacktracking</c> may be added only when
/// <see cref="EcmaPatternTranslation.NonBacktrackingCompatible"/> is true.
/// Captures are all unnamed in the translation (names only matter to backreferences, which are
/// rewritten to numbers), so group numbers equal ECMA-262's.
/// </para>
/// <para>
/// Unicode property escapes (<c>\p{…}</c>) are expanded to explicit code point ranges taken from
/// the running .NET's Unicode data, because .NET's own <c>\p{L}</c> cannot match astral code points.
/// </para>
/// <para>Never throws; time and output size are linear in the pattern length (property escapes add
/// a bounded amount each).</para>
/// </remarks>
internal static partial class EcmaPatternTranslator
{
    /// <summary>How deeply groups may nest before the pattern is rejected, to bound recursion.</summary>
    private const int MaxNesting = 200;

    /// <summary>Translates an ECMA-262 pattern (Unicode mode, no other flags) to a .NET pattern.</summary>
    public static EcmaPatternTranslation Translate(string pattern)
    {
        if (pattern is null)
        {
            return EcmaPatternTranslation.Invalid("The pattern is null.", 0);
        }

        try
        {
            var parser = new Parser(pattern);
            var tree = parser.ParseAll();
            var emitter = new Emitter(parser);
            var result = emitter.EmitPattern(tree);
            return EcmaPatternTranslation.Translated(result, emitter.NonBacktrackingCompatible);
        }
        catch (PatternException e)
        {
            return e.Unsupported
                ? EcmaPatternTranslation.NotSupported(e.Message, e.Index)
                : EcmaPatternTranslation.Invalid(e.Message, e.Index);
        }
        catch (Exception e)
        {
            // A bug here must not take the generator down with it.
            return EcmaPatternTranslation.NotSupported("The pattern could not be translated (internal error: " + e.GetType().Name + ").", 0);
        }
    }

    private sealed class PatternException : Exception
    {
        public PatternException(string message, int index, bool unsupported)
            : base(message)
        {
            Index = index;
            Unsupported = unsupported;
        }

        public int Index { get; }

        public bool Unsupported { get; }
    }

    // ----- Syntax tree -----

    private abstract class Node
    {
    }

    private sealed class AlternationNode(List<Node> alternatives) : Node
    {
        public List<Node> Alternatives { get; } = alternatives;
    }

    private sealed class SequenceNode(List<Node> terms) : Node
    {
        public List<Node> Terms { get; } = terms;
    }

    /// <summary>One code point to match literally.</summary>
    private sealed class CharNode(int codePoint) : Node
    {
        public int CodePoint { get; } = codePoint;
    }

    /// <summary>One code point out of a set.</summary>
    private sealed class SetNode(EcmaPatternCodePointSet set) : Node
    {
        public EcmaPatternCodePointSet Set { get; } = set;
    }

    private enum AssertionKind
    {
        Start,
        End,
        WordBoundary,
        NotWordBoundary,
    }

    private sealed class AssertionNode(AssertionKind kind) : Node
    {
        public AssertionKind Kind { get; } = kind;
    }

    /// <summary>A group; <see cref="Number"/> is 0 for a non-capturing one.</summary>
    private sealed class GroupNode(int number) : Node
    {
        public int Number { get; } = number;

        public Node Body { get; set; } = null!;
    }

    private sealed class LookaroundNode(bool behind, bool negative, Node body) : Node
    {
        public bool Behind { get; } = behind;

        public bool Negative { get; } = negative;

        public Node Body { get; } = body;
    }

    private sealed class QuantifierNode(Node atom, int min, int max, bool lazy) : Node
    {
        public Node Atom { get; } = atom;

        public int Min { get; } = min;

        /// <summary>-1 for no upper bound.</summary>
        public int Max { get; } = max;

        public bool Lazy { get; } = lazy;
    }

    /// <summary>A backreference, by number (<see cref="Name"/> null) or by name.</summary>
    private sealed class BackReferenceNode(int number, string? name, int index) : Node
    {
        public int Number { get; set; } = number;

        public string? Name { get; } = name;

        public int Index { get; } = index;
    }

    // ----- Parser (ECMA-262 Pattern grammar with the [UnicodeMode] parameter) -----

    private sealed class Parser(string pattern)
    {
        private readonly string p = pattern;
        private int pos;
        private int depth;

        public int GroupCount { get; private set; }

        public Dictionary<string, int> GroupNames { get; } = new(StringComparer.Ordinal);

        public Node ParseAll()
        {
            var node = ParseDisjunction();
            if (pos < p.Length)
            {
                // Only ')' stops a disjunction early.
                throw Error("Unmatched ')'.", pos);
            }

            return node;
        }

        private static PatternException Error(string message, int index) => new(message, index, unsupported: false);

        private static PatternException Unsupported(string message, int index) => new(message, index, unsupported: true);

        private bool At(char c) => pos < p.Length && p[pos] == c;

        private bool AtText(string text) => string.CompareOrdinal(p, pos, text, 0, text.Length) == 0;

        private Node ParseDisjunction()
        {
            var first = ParseAlternative();
            if (!At('|'))
            {
                return first;
            }

            var alternatives = new List<Node> { first };
            while (At('|'))
            {
                pos++;
                alternatives.Add(ParseAlternative());
            }

            return new AlternationNode(alternatives);
        }

        private Node ParseAlternative()
        {
            var terms = new List<Node>();
            while (pos < p.Length && p[pos] != '|' && p[pos] != ')')
            {
                terms.Add(ParseTerm());
            }

            return terms.Count == 1 ? terms[0] : new SequenceNode(terms);
        }

        private Node ParseTerm()
        {
            var start = pos;
            var c = p[pos];
            Node atom;
            switch (c)
            {
                case '^':
                    pos++;
                    return new AssertionNode(AssertionKind.Start);
                case '$':
                    pos++;
                    return new AssertionNode(AssertionKind.End);
                case '\\' when pos + 1 < p.Length && p[pos + 1] == 'b':
                    pos += 2;
                    return new AssertionNode(AssertionKind.WordBoundary);
                case '\\' when pos + 1 < p.Length && p[pos + 1] == 'B':
                    pos += 2;
                    return new AssertionNode(AssertionKind.NotWordBoundary);
                case '(':
                    if (AtText("(?=") || AtText("(?!") || AtText("(?<=") || AtText("(?<!"))
                    {
                        var behind = p[pos + 2] == '<';
                        var negative = p[pos + (behind ? 3 : 2)] == '!';
                        pos += behind ? 4 : 3;
                        var body = ParseGroupBody(start);
                        if (pos < p.Length && IsQuantifierStart())
                        {
                            throw Error("A lookaround assertion cannot be repeated (quantifier after an assertion).", pos);
                        }

                        return new LookaroundNode(behind, negative, body);
                    }

                    atom = ParseGroup(start);
                    break;
                case '.':
                    pos++;
                    atom = new SetNode(DotSet());
                    break;
                case '[':
                    atom = new SetNode(ParseClass());
                    break;
                case '\\':
                    atom = ParseAtomEscape();
                    break;
                case '*':
                case '+':
                case '?':
                    throw Error("Nothing to repeat before '" + c + "'.", pos);
                case '{':
                    throw Error(IsQuantifierStart() ? "Nothing to repeat before the quantifier '{'." : "A lone '{' is not allowed in Unicode mode (escape it as \\{).", pos);
                case '}':
                    throw Error("A lone '}' is not allowed in Unicode mode (escape it as \\}).", pos);
                case ']':
                    throw Error("A lone ']' is not allowed in Unicode mode (escape it as \\]).", pos);
                default:
                    atom = new CharNode(ReadCodePoint());
                    break;
            }

            return ParseQuantifier(atom);
        }

        private bool IsQuantifierStart()
        {
            var c = p[pos];
            if (c is '*' or '+' or '?')
            {
                return true;
            }

            if (c != '{')
            {
                return false;
            }

            var save = pos;
            var ok = TryReadBraces(out _, out _);
            pos = save;
            return ok;
        }

        private Node ParseQuantifier(Node atom)
        {
            if (pos >= p.Length)
            {
                return atom;
            }

            int min, max;
            var start = pos;
            switch (p[pos])
            {
                case '*':
                    pos++;
                    (min, max) = (0, -1);
                    break;
                case '+':
                    pos++;
                    (min, max) = (1, -1);
                    break;
                case '?':
                    pos++;
                    (min, max) = (0, 1);
                    break;
                case '{':
                    if (!TryReadBraces(out var lo, out var hi))
                    {
                        throw Error("Incomplete quantifier: a lone '{' is not allowed in Unicode mode (escape it as \\{).", start);
                    }

                    if (hi >= 0 && hi < lo)
                    {
                        throw Error("Numbers out of order in the quantifier {" + lo + "," + hi + "}.", start);
                    }

                    if (lo > int.MaxValue)
                    {
                        throw Unsupported("The quantifier's minimum is too large for .NET.", start);
                    }

                    min = (int)lo;
                    max = hi > int.MaxValue || hi < 0 ? -1 : (int)hi;
                    break;
                default:
                    return atom;
            }

            var lazy = false;
            if (At('?'))
            {
                pos++;
                lazy = true;
            }

            return new QuantifierNode(atom, min, max, lazy);
        }

        /// <summary>Reads <c>{n}</c>, <c>{n,}</c> or <c>{n,m}</c>; <paramref name="max"/> is -1 when unbounded. Numbers saturate.</summary>
        private bool TryReadBraces(out long min, out long max)
        {
            min = max = -1;
            var save = pos;
            pos++;
            if (!TryReadNumber(out min))
            {
                pos = save;
                return false;
            }

            if (At('}'))
            {
                pos++;
                max = min;
                return true;
            }

            if (!At(','))
            {
                pos = save;
                return false;
            }

            pos++;
            if (At('}'))
            {
                pos++;
                max = -1;
                return true;
            }

            if (!TryReadNumber(out max) || !At('}'))
            {
                pos = save;
                return false;
            }

            pos++;
            return true;
        }

        private bool TryReadNumber(out long value)
        {
            value = 0;
            var start = pos;
            while (pos < p.Length && p[pos] is >= '0' and <= '9')
            {
                value = Math.Min(value * 10 + (p[pos] - '0'), 1L << 40);
                pos++;
            }

            return pos > start;
        }

        private Node ParseGroup(int start)
        {
            int number;
            if (AtText("(?:"))
            {
                pos += 3;
                number = 0;
            }
            else if (AtText("(?<"))
            {
                pos += 3;
                var nameStart = pos;
                var name = ReadGroupName();
                number = ++GroupCount;
                if (GroupNames.ContainsKey(name))
                {
                    throw Error("Duplicate capture group name '" + name + "'.", nameStart);
                }

                GroupNames.Add(name, number);
            }
            else if (AtText("(?"))
            {
                throw Error("Invalid group: '(?' must be followed by ':', '=', '!', '<=', '<!' or '<name>'.", start);
            }
            else
            {
                pos++;
                number = ++GroupCount;
            }

            var group = new GroupNode(number);
            group.Body = ParseGroupBody(start);
            return group;
        }

        /// <summary>Parses a disjunction and the closing parenthesis of a group opened at <paramref name="start"/>.</summary>
        private Node ParseGroupBody(int start)
        {
            if (++depth > MaxNesting)
            {
                throw Unsupported("Groups are nested more than " + MaxNesting + " deep.", start);
            }

            var body = ParseDisjunction();
            if (!At(')'))
            {
                throw Error("Unterminated group: missing ')'.", start);
            }

            pos++;
            depth--;
            return body;
        }

        /// <summary>Reads <c>name&gt;</c> after <c>(?&lt;</c> or <c>\k&lt;</c>.</summary>
        private string ReadGroupName()
        {
            var start = pos;
            while (pos < p.Length && p[pos] != '>')
            {
                if (p[pos] == '\\')
                {
                    throw Unsupported("Unicode escapes in group names are not supported.", pos);
                }

                var first = pos == start;
                var category = CharUnicodeInfo.GetUnicodeCategory(p, pos);
                var c = p[pos];
                var ok = c is '$' or '_'
                    || category is UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter or UnicodeCategory.TitlecaseLetter
                        or UnicodeCategory.ModifierLetter or UnicodeCategory.OtherLetter or UnicodeCategory.LetterNumber
                    || (!first && (c is '\u200C' or '\u200D' || category is UnicodeCategory.DecimalDigitNumber or UnicodeCategory.NonSpacingMark
                        or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.ConnectorPunctuation));
                if (!ok)
                {
                    throw Error("Invalid capture group name.", pos);
                }

                pos += char.IsHighSurrogate(c) && pos + 1 < p.Length && char.IsLowSurrogate(p[pos + 1]) ? 2 : 1;
            }

            if (pos >= p.Length || pos == start)
            {
                throw Error("Invalid capture group name.", start);
            }

            var name = p.Substring(start, pos - start);
            pos++;
            return name;
        }

        private int ReadCodePoint()
        {
            var c = p[pos];
            if (char.IsHighSurrogate(c) && pos + 1 < p.Length && char.IsLowSurrogate(p[pos + 1]))
            {
                var cp = char.ConvertToUtf32(c, p[pos + 1]);
                pos += 2;
                return cp;
            }

            pos++;
            return c;
        }

        private Node ParseAtomEscape()
        {
            var start = pos;
            pos++;
            if (pos >= p.Length)
            {
                throw Error("The pattern ends with a lone '\\'.", start);
            }

            var c = p[pos];
            if (c is >= '1' and <= '9')
            {
                TryReadNumber(out var number);
                return new BackReferenceNode((int)Math.Min(number, int.MaxValue), null, start);
            }

            if (c == 'k')
            {
                pos++;
                if (!At('<'))
                {
                    throw Error("Invalid named reference: '\\k' must be followed by '<name>' in Unicode mode.", start);
                }

                pos++;
                var name = ReadGroupName();
                return new BackReferenceNode(0, name, start);
            }

            var set = TryParseClassEscape(start);
            if (set is not null)
            {
                return new SetNode(set);
            }

            return new CharNode(ParseCharacterEscape(start, inClass: false));
        }

        /// <summary>At the letter after '\': <c>d D s S w W p{…} P{…}</c>, or null (nothing consumed).</summary>
        private EcmaPatternCodePointSet? TryParseClassEscape(int start)
        {
            var c = p[pos];
            switch (c)
            {
                case 'd':
                    pos++;
                    return Digits();
                case 'D':
                    pos++;
                    return Digits().Complement();
                case 's':
                    pos++;
                    return Spaces();
                case 'S':
                    pos++;
                    return Spaces().Complement();
                case 'w':
                    pos++;
                    return WordChars();
                case 'W':
                    pos++;
                    return WordChars().Complement();
                case 'p':
                case 'P':
                    pos++;
                    var set = ParseProperty(start);
                    return c == 'P' ? set.Complement() : set;
                default:
                    return null;
            }
        }

        private EcmaPatternCodePointSet ParseProperty(int start)
        {
            if (!At('{'))
            {
                throw Error("Invalid property name: '\\p' must be followed by '{…}' in Unicode mode.", start);
            }

            var close = p.IndexOf('}', pos);
            if (close < 0)
            {
                throw Error("Invalid property name: missing '}'.", start);
            }

            var body = p.Substring(pos + 1, close - pos - 1);
            pos = close + 1;
            foreach (var ch in body)
            {
                if (!(ch is '_' or '=' || (ch < 128 && char.IsLetterOrDigit(ch))))
                {
                    throw Error("Invalid Unicode property name '" + body + "'.", start);
                }
            }

            var equals = body.IndexOf('=');
            if (equals >= 0)
            {
                var name = body.Substring(0, equals);
                var value = body.Substring(equals + 1);
                if (name is "General_Category" or "gc")
                {
                    if (EcmaPatternUnicode.TryGetCategories(value, out var categories))
                    {
                        return EcmaPatternUnicode.SetOf(categories);
                    }

                    throw Error("Unknown General_Category value '" + value + "'.", start);
                }

                if (name is "Script" or "sc" or "Script_Extensions" or "scx")
                {
                    if (value.Length == 0 || value.IndexOf('=') >= 0)
                    {
                        throw Error("Invalid Unicode property '" + body + "'.", start);
                    }

                    throw Unsupported("The Unicode script property \\p{" + body + "} is not supported: .NET regular expressions have no script classes (only blocks, which differ).", start);
                }

                throw Error("Unknown Unicode property '" + name + "'.", start);
            }

            if (EcmaPatternUnicode.TryGetCategories(body, out var general))
            {
                return EcmaPatternUnicode.SetOf(general);
            }

            switch (body)
            {
                case "Any":
                    return EcmaPatternCodePointSet.Of(0, EcmaPatternCodePointSet.MaxCodePoint);
                case "ASCII":
                    return EcmaPatternCodePointSet.Of(0, 0x7F);
                case "ASCII_Hex_Digit":
                case "AHex":
                    var hex = EcmaPatternCodePointSet.Of('0', '9');
                    hex.Add('A', 'F');
                    hex.Add('a', 'f');
                    return hex;
                case "Assigned":
                    return EcmaPatternUnicode.SetOf(new[] { UnicodeCategory.OtherNotAssigned }).Complement();
            }

            if (Array.IndexOf(KnownBinaryProperties, body) >= 0)
            {
                throw Unsupported("The Unicode binary property \\p{" + body + "} is not supported yet: .NET has no equivalent class.", start);
            }

            throw Error("Unknown Unicode property '" + body + "'.", start);
        }

        /// <summary>At the character after '\' (not a class escape): a CharacterEscape, or in a class also <c>\b</c> and <c>\-</c>.</summary>
        private int ParseCharacterEscape(int start, bool inClass)
        {
            var c = p[pos];
            switch (c)
            {
                case 'f':
                    pos++;
                    return 0x0C;
                case 'n':
                    pos++;
                    return 0x0A;
                case 'r':
                    pos++;
                    return 0x0D;
                case 't':
                    pos++;
                    return 0x09;
                case 'v':
                    pos++;
                    return 0x0B;
                case 'b' when inClass:
                    pos++;
                    return 0x08;
                case '-' when inClass:
                    pos++;
                    return '-';
                case 'c':
                    if (pos + 1 < p.Length && p[pos + 1] is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z'))
                    {
                        pos += 2;
                        return p[pos - 1] % 32;
                    }

                    throw Error("Invalid control escape: '\\c' must be followed by an ASCII letter in Unicode mode.", start);
                case '0':
                    if (pos + 1 < p.Length && p[pos + 1] is >= '0' and <= '9')
                    {
                        throw Error("Invalid escape: octal escapes like \\0" + p[pos + 1] + " are not allowed in Unicode mode.", start);
                    }

                    pos++;
                    return 0;
                case 'x':
                    if (pos + 2 < p.Length && IsHex(p[pos + 1]) && IsHex(p[pos + 2]))
                    {
                        pos += 3;
                        return (HexValue(p[pos - 2]) << 4) | HexValue(p[pos - 1]);
                    }

                    throw Error("Invalid escape: '\\x' must be followed by two hexadecimal digits in Unicode mode.", start);
                case 'u':
                    return ParseUnicodeEscape(start);
                default:
                    if (c is '^' or '$' or '\\' or '.' or '*' or '+' or '?' or '(' or ')' or '[' or ']' or '{' or '}' or '|' or '/')
                    {
                        pos++;
                        return c;
                    }

                    if (inClass && c is >= '1' and <= '9')
                    {
                        throw Error("Invalid class escape \\" + c + ": backreferences and octal escapes are not allowed in a character class in Unicode mode.", start);
                    }

                    var shown = char.IsHighSurrogate(c) && pos + 1 < p.Length ? p.Substring(pos, 2) : c.ToString();
                    throw Error("Invalid escape \\" + shown + " in Unicode mode.", start);
            }
        }

        private int ParseUnicodeEscape(int start)
        {
            // At 'u'.
            if (pos + 1 < p.Length && p[pos + 1] == '{')
            {
                var i = pos + 2;
                long value = 0;
                while (i < p.Length && IsHex(p[i]))
                {
                    value = Math.Min((value << 4) | (long)HexValue(p[i]), 0x110000);
                    i++;
                }

                if (i == pos + 2 || i >= p.Length || p[i] != '}' || value > EcmaPatternCodePointSet.MaxCodePoint)
                {
                    throw Error("Invalid Unicode escape: '\\u{…}' must hold a code point up to 10FFFF.", start);
                }

                pos = i + 1;
                return (int)value;
            }

            if (!TryHex4(pos + 1, out var unit))
            {
                throw Error("Invalid Unicode escape: '\\u' must be followed by four hexadecimal digits or '{…}'.", start);
            }

            pos += 5;
            if (unit is >= 0xD800 and <= 0xDBFF && pos + 1 < p.Length && p[pos] == '\\' && p[pos + 1] == 'u'
                && TryHex4(pos + 2, out var low) && low is >= 0xDC00 and <= 0xDFFF)
            {
                pos += 6;
                return char.ConvertToUtf32((char)unit, (char)low);
            }

            return unit;
        }

        private bool TryHex4(int at, out int value)
        {
            value = 0;
            if (at + 4 > p.Length)
            {
                return false;
            }

            for (var i = at; i < at + 4; i++)
            {
                if (!IsHex(p[i]))
                {
                    return false;
                }

                value = (value << 4) | HexValue(p[i]);
            }

            return true;
        }

        private static bool IsHex(char c) => c is (>= '0' and <= '9') or (>= 'a' and <= 'f') or (>= 'A' and <= 'F');

        private static int HexValue(char c) => c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10;

        private EcmaPatternCodePointSet ParseClass()
        {
            var start = pos;
            pos++;
            var negated = false;
            if (At('^'))
            {
                negated = true;
                pos++;
            }

            var set = EcmaPatternCodePointSet.Empty();
            while (true)
            {
                if (pos >= p.Length)
                {
                    throw Error("Unterminated character class: missing ']'.", start);
                }

                if (p[pos] == ']')
                {
                    pos++;
                    break;
                }

                var atomStart = pos;
                var first = ParseClassAtom(out var firstSet);
                if (At('-') && pos + 1 < p.Length && p[pos + 1] != ']')
                {
                    pos++;
                    var secondStart = pos;
                    var second = ParseClassAtom(out var secondSet);
                    if (firstSet is not null || secondSet is not null)
                    {
                        throw Error("Invalid character class: a class escape like \\d cannot be a range bound in Unicode mode.", firstSet is not null ? atomStart : secondStart);
                    }

                    if (first > second)
                    {
                        throw Error("Range out of order in character class.", atomStart);
                    }

                    set.Add(first, second);
                }
                else if (firstSet is not null)
                {
                    set.AddAll(firstSet);
                }
                else
                {
                    set.Add(first);
                }
            }

            return negated ? set.Complement() : set;
        }

        /// <summary>One class atom: a code point, or (<paramref name="set"/> not null) a class escape.</summary>
        private int ParseClassAtom(out EcmaPatternCodePointSet? set)
        {
            set = null;
            if (pos >= p.Length)
            {
                throw Error("Unterminated character class: missing ']'.", pos);
            }

            if (p[pos] != '\\')
            {
                return ReadCodePoint();
            }

            var start = pos;
            pos++;
            if (pos >= p.Length)
            {
                throw Error("The pattern ends with a lone '\\'.", start);
            }

            set = TryParseClassEscape(start);
            return set is not null ? -1 : ParseCharacterEscape(start, inClass: true);
        }

        private static readonly string[] KnownBinaryProperties =
        {
            "Alphabetic", "Alpha", "Bidi_Control", "Bidi_C", "Bidi_Mirrored", "Bidi_M", "Case_Ignorable", "CI", "Cased",
            "Changes_When_Casefolded", "CWCF", "Changes_When_Casemapped", "CWCM", "Changes_When_Lowercased", "CWL",
            "Changes_When_NFKC_Casefolded", "CWKCF", "Changes_When_Titlecased", "CWT", "Changes_When_Uppercased", "CWU",
            "Dash", "Default_Ignorable_Code_Point", "DI", "Deprecated", "Dep", "Diacritic", "Dia", "Emoji",
            "Emoji_Component", "EComp", "Emoji_Modifier", "EMod", "Emoji_Modifier_Base", "EBase", "Emoji_Presentation",
            "EPres", "Extended_Pictographic", "ExtPict", "Extender", "Ext", "Grapheme_Base", "Gr_Base", "Grapheme_Extend",
            "Gr_Ext", "Hex_Digit", "Hex", "IDS_Binary_Operator", "IDSB", "IDS_Trinary_Operator", "IDST", "ID_Continue",
            "IDC", "ID_Start", "IDS", "Ideographic", "Ideo", "Join_Control", "Join_C", "Logical_Order_Exception", "LOE",
            "Lowercase", "Lower", "Math", "Noncharacter_Code_Point", "NChar", "Pattern_Syntax", "Pat_Syn",
            "Pattern_White_Space", "Pat_WS", "Quotation_Mark", "QMark", "Radical", "Regional_Indicator", "RI",
            "Sentence_Terminal", "STerm", "Soft_Dotted", "SD", "Terminal_Punctuation", "Term", "Unified_Ideograph",
            "UIdeo", "Uppercase", "Upper", "Variation_Selector", "VS", "White_Space", "space", "XID_Continue", "XIDC",
            "XID_Start", "XIDS",
        };
    }

    // ----- The fixed sets of ECMA-262 -----

    private static EcmaPatternCodePointSet Digits() => EcmaPatternCodePointSet.Of('0', '9');

    private static EcmaPatternCodePointSet WordChars()
    {
        var set = EcmaPatternCodePointSet.Of('0', '9');
        set.Add('A', 'Z');
        set.Add('_');
        set.Add('a', 'z');
        return set;
    }

    /// <summary>ECMA-262 WhiteSpace (TAB VT FF ZWNBSP and category Zs) and LineTerminator (LF CR LS PS).</summary>
    private static EcmaPatternCodePointSet Spaces()
    {
        var set = EcmaPatternCodePointSet.Of(0x09, 0x0D);
        set.Add(0x20);
        set.Add(0xA0);
        set.Add(0x1680);
        set.Add(0x2000, 0x200A);
        set.Add(0x2028, 0x2029);
        set.Add(0x202F);
        set.Add(0x205F);
        set.Add(0x3000);
        set.Add(0xFEFF);
        return set;
    }

    /// <summary>What <c>.</c> matches without the <c>s</c> flag: any code point but a LineTerminator.</summary>
    private static EcmaPatternCodePointSet DotSet()
    {
        var set = EcmaPatternCodePointSet.Of(0x0A, 0x0A);
        set.Add(0x0D);
        set.Add(0x2028, 0x2029);
        return set.Complement();
    }
}
