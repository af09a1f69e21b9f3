using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace Hooksmith.Generator.Planning;

internal static partial class EcmaPatternTranslator
{
    private const string HighSurrogates = "[\\uD800-\\uDBFF]";
    private const string LowSurrogates = "[\\uDC00-\\uDFFF]";
    private const string AsciiWord = "[0-9A-Z_a-z]";

    /// <summary>Writes the .NET pattern for a parsed ECMA-262 pattern.</summary>
    private sealed class Emitter(Parser parser)
    {
        private readonly StringBuilder sb = new();
        private readonly Dictionary<int, Node[]> groupAncestors = new();
        private readonly List<(BackReferenceNode Reference, Node[] Ancestors)> references = new();
        private readonly List<Node> stack = new();
        private bool hasNegativeLookaround;

        public bool NonBacktrackingCompatible { get; private set; } = true;

        public string EmitPattern(Node tree)
        {
            Collect(tree);
            foreach (var (reference, ancestors) in references)
            {
                CheckReference(reference, ancestors);
            }

            // A .NET search may start between the halves of a surrogate pair, where an ECMA-262 search in
            // Unicode mode never starts; only a negative lookaround can tell (everything that consumes a
            // lone low surrogate checks what precedes it), so only then is the start position guarded.
            if (hasNegativeLookaround && !StartsAnchored(tree))
            {
                sb.Append("(?:(?<!").Append(HighSurrogates).Append(")|(?!").Append(LowSurrogates).Append("))");
            }

            Emit(tree, inLookbehind: false);
            return sb.ToString();
        }

        private static bool StartsAnchored(Node node) => node switch
        {
            AssertionNode { Kind: AssertionKind.Start } => true,
            SequenceNode { Terms.Count: > 0 } sequence => StartsAnchored(sequence.Terms[0]),
            _ => false,
        };

        private void Collect(Node node)
        {
            switch (node)
            {
                case GroupNode group when group.Number > 0:
                    groupAncestors[group.Number] = stack.ToArray();
                    break;
                case BackReferenceNode reference:
                    references.Add((reference, stack.ToArray()));
                    break;
                case LookaroundNode { Negative: true }:
                    hasNegativeLookaround = true;
                    break;
            }

            stack.Add(node);
            switch (node)
            {
                case AlternationNode alternation:
                    alternation.Alternatives.ForEach(Collect);
                    break;
                case SequenceNode sequence:
                    sequence.Terms.ForEach(Collect);
                    break;
                case GroupNode group:
                    Collect(group.Body);
                    break;
                case LookaroundNode lookaround:
                    Collect(lookaround.Body);
                    break;
                case QuantifierNode quantifier:
                    Collect(quantifier.Atom);
                    break;
            }

            stack.RemoveAt(stack.Count - 1);
        }

        private void CheckReference(BackReferenceNode reference, Node[] ancestors)
        {
            if (reference.Name is not null)
            {
                if (!parser.GroupNames.TryGetValue(reference.Name, out var number))
                {
                    throw new PatternException("Invalid named reference: there is no group named '" + reference.Name + "'.", reference.Index, unsupported: false);
                }

                reference.Number = number;
            }
            else if (reference.Number > parser.GroupCount)
            {
                throw new PatternException("Invalid escape \\" + reference.Number + ": there is no capture group " + reference.Number + " (octal escapes are not allowed in Unicode mode).", reference.Index, unsupported: false);
            }

            foreach (var ancestor in ancestors)
            {
                if (ancestor is LookaroundNode { Behind: true })
                {
                    throw new PatternException("A lookbehind containing a backreference is not supported: ECMA-262 and .NET may match it differently.", reference.Index, unsupported: true);
                }
            }

            // ECMA-262 forgets a group's capture at the start of each repetition of a quantifier around it;
            // .NET keeps the previous repetition's capture. Only the cases where that cannot differ are allowed.
            var groupPath = groupAncestors[reference.Number];
            for (var i = 0; i < groupPath.Length; i++)
            {
                if (groupPath[i] is not QuantifierNode { Max: not 1 } repeated)
                {
                    continue;
                }

                var referenceInside = System.Array.IndexOf(ancestors, repeated) >= 0;
                var conditional = false;
                for (var j = i + 1; j < groupPath.Length; j++)
                {
                    conditional |= groupPath[j] is AlternationNode or QuantifierNode { Min: 0 } or LookaroundNode { Negative: true };
                }

                if (referenceInside || conditional)
                {
                    throw new PatternException("A backreference to a group inside a repeated quantifier is not supported here: ECMA-262 resets captures on each repetition and .NET does not.", reference.Index, unsupported: true);
                }
            }
        }

        private void Emit(Node node, bool inLookbehind)
        {
            switch (node)
            {
                case AlternationNode alternation:
                    for (var i = 0; i < alternation.Alternatives.Count; i++)
                    {
                        if (i > 0)
                        {
                            sb.Append('|');
                        }

                        Emit(alternation.Alternatives[i], inLookbehind);
                    }

                    break;
                case SequenceNode sequence:
                    foreach (var term in sequence.Terms)
                    {
                        Emit(term, inLookbehind);
                    }

                    break;
                case CharNode c:
                    EmitChar(c.CodePoint);
                    break;
                case SetNode set:
                    EmitSet(set.Set);
                    break;
                case AssertionNode assertion:
                    EmitAssertion(assertion.Kind);
                    break;
                case GroupNode group:
                    sb.Append(group.Number > 0 ? "(" : "(?:");
                    Emit(group.Body, inLookbehind);
                    sb.Append(')');
                    break;
                case LookaroundNode lookaround:
                    NonBacktrackingCompatible = false;
                    sb.Append(lookaround.Behind ? "(?<" : "(?").Append(lookaround.Negative ? '!' : '=');
                    Emit(lookaround.Body, inLookbehind || lookaround.Behind);
                    sb.Append(')');
                    break;
                case QuantifierNode quantifier:
                    Emit(quantifier.Atom, inLookbehind);
                    EmitQuantifier(quantifier);
                    break;
                case BackReferenceNode reference:
                    // ECMA-262: a reference to a group that has not captured matches the empty string;
                    // in .NET it fails, hence the conditional.
                    NonBacktrackingCompatible = false;
                    var n = reference.Number.ToString(CultureInfo.InvariantCulture);
                    sb.Append("(?(").Append(n).Append(")\\k<").Append(n).Append(">)");
                    break;
            }
        }

        private void EmitQuantifier(QuantifierNode q)
        {
            if (q.Min == 0 && q.Max == -1)
            {
                sb.Append('*');
            }
            else if (q.Min == 1 && q.Max == -1)
            {
                sb.Append('+');
            }
            else if (q.Min == 0 && q.Max == 1)
            {
                sb.Append('?');
            }
            else
            {
                sb.Append('{').Append(q.Min.ToString(CultureInfo.InvariantCulture));
                if (q.Max != q.Min)
                {
                    sb.Append(',');
                    if (q.Max >= 0)
                    {
                        sb.Append(q.Max.ToString(CultureInfo.InvariantCulture));
                    }
                }

                sb.Append('}');
            }

            if (q.Lazy)
            {
                sb.Append('?');
            }
        }

        private void EmitAssertion(AssertionKind kind)
        {
            switch (kind)
            {
                case AssertionKind.Start:
                    sb.Append("\\A");
                    break;
                case AssertionKind.End:
                    sb.Append("\\z");
                    break;
                case AssertionKind.WordBoundary:
                    NonBacktrackingCompatible = false;
                    sb.Append("(?:(?<=").Append(AsciiWord).Append(")(?!").Append(AsciiWord).Append(")|(?<!").Append(AsciiWord).Append(")(?=").Append(AsciiWord).Append("))");
                    break;
                case AssertionKind.NotWordBoundary:
                    NonBacktrackingCompatible = false;
                    sb.Append("(?:(?<=").Append(AsciiWord).Append(")(?=").Append(AsciiWord).Append(")|(?<!").Append(AsciiWord).Append(")(?!").Append(AsciiWord).Append("))");
                    break;
            }
        }

        /// <summary>Writes one code point as a single quantifiable .NET atom.</summary>
        private void EmitChar(int cp)
        {
            if (cp >= 0x10000)
            {
                var offset = cp - 0x10000;
                sb.Append("(?:");
                AppendUnit(sb, 0xD800 + (offset >> 10), inClass: false);
                AppendUnit(sb, 0xDC00 + (offset & 0x3FF), inClass: false);
                sb.Append(')');
            }
            else if (cp is >= 0xD800 and <= 0xDFFF)
            {
                EmitSet(EcmaPatternCodePointSet.Of(cp, cp));
            }
            else
            {
                AppendUnit(sb, cp, inClass: false);
            }
        }

        /// <summary>
        /// Writes a set of code points as a single quantifiable .NET atom that consumes one code point:
        /// a surrogate pair for an astral one, a lone surrogate only when it is not half of a pair.
        /// </summary>
        private void EmitSet(EcmaPatternCodePointSet set)
        {
            var bmp = set.Within(0, 0xD7FF);
            bmp.AddRange(set.Within(0xE000, 0xFFFF));
            var high = set.Within(0xD800, 0xDBFF);
            var low = set.Within(0xDC00, 0xDFFF);
            var astral = set.Within(0x10000, EcmaPatternCodePointSet.MaxCodePoint);

            var alternatives = new List<string>();
            if (bmp.Count > 0)
            {
                alternatives.Add(BmpClass(bmp));
            }

            foreach (var (highs, lows) in AstralPieces(astral))
            {
                alternatives.Add(Class(new List<(int, int)> { highs }) + Class(lows));
            }

            if (high.Count > 0)
            {
                NonBacktrackingCompatible = false;
                alternatives.Add(Class(high) + "(?!" + LowSurrogates + ")");
            }

            if (low.Count > 0)
            {
                NonBacktrackingCompatible = false;
                alternatives.Add("(?<!" + HighSurrogates + ")" + Class(low));
            }

            if (alternatives.Count == 0)
            {
                sb.Append("[^\\u0000-\\uFFFF]");
            }
            else if (alternatives.Count == 1 && bmp.Count > 0)
            {
                sb.Append(alternatives[0]);
            }
            else
            {
                sb.Append("(?:").Append(string.Join("|", alternatives)).Append(')');
            }
        }

        /// <summary>Splits astral ranges into (high surrogate range, low surrogate ranges) pieces.</summary>
        private static List<((int, int) Highs, List<(int, int)> Lows)> AstralPieces(List<(int Low, int High)> astral)
        {
            var pieces = new List<((int, int) Highs, List<(int, int)> Lows)>();
            void Add(int h1, int h2, int l1, int l2)
            {
                if (pieces.Count > 0)
                {
                    var last = pieces[pieces.Count - 1];
                    if (last.Highs == (h1, h2))
                    {
                        last.Lows.Add((l1, l2));
                        return;
                    }
                }

                pieces.Add(((h1, h2), new List<(int, int)> { (l1, l2) }));
            }

            foreach (var (a, b) in astral)
            {
                int ha = 0xD800 + ((a - 0x10000) >> 10), la = 0xDC00 + ((a - 0x10000) & 0x3FF);
                int hb = 0xD800 + ((b - 0x10000) >> 10), lb = 0xDC00 + ((b - 0x10000) & 0x3FF);
                if (ha == hb)
                {
                    Add(ha, ha, la, lb);
                    continue;
                }

                if (la != 0xDC00)
                {
                    Add(ha, ha, la, 0xDFFF);
                    ha++;
                }

                var tail = lb != 0xDFFF;
                if (tail)
                {
                    hb--;
                }

                if (ha <= hb)
                {
                    Add(ha, hb, 0xDC00, 0xDFFF);
                }

                if (tail)
                {
                    Add(hb + 1, hb + 1, 0xDC00, lb);
                }
            }

            return pieces;
        }

        /// <summary>A class for BMP code units (no surrogates), negated when that is shorter.</summary>
        private static string BmpClass(List<(int Low, int High)> ranges)
        {
            var complement = new List<(int, int)>();
            var next = 0;
            foreach (var (low, high) in ranges)
            {
                if (low > next)
                {
                    complement.Add((next, low - 1));
                }

                next = high + 1;
            }

            if (next <= 0xFFFF)
            {
                complement.Add((next, 0xFFFF));
            }

            if (complement.Count < ranges.Count)
            {
                var text = new StringBuilder("[^");
                AppendRanges(text, complement);
                return text.Append(']').ToString();
            }

            return Class(ranges);
        }

        private static string Class(List<(int Low, int High)> ranges)
        {
            var text = new StringBuilder();
            if (ranges.Count == 1 && ranges[0].Low == ranges[0].High)
            {
                AppendUnit(text, ranges[0].Low, inClass: false);
                return text.ToString();
            }

            text.Append('[');
            AppendRanges(text, ranges);
            return text.Append(']').ToString();
        }

        private static void AppendRanges(StringBuilder text, List<(int Low, int High)> ranges)
        {
            foreach (var (low, high) in ranges)
            {
                AppendUnit(text, low, inClass: true);
                if (high > low)
                {
                    if (high > low + 1)
                    {
                        text.Append('-');
                    }

                    AppendUnit(text, high, inClass: true);
                }
            }
        }

        /// <summary>Writes one UTF-16 code unit so that .NET reads it literally, in or out of a class.</summary>
        private static void AppendUnit(StringBuilder text, int unit, bool inClass)
        {
            var c = (char)unit;
            if (c is (>= '0' and <= '9') or (>= 'A' and <= 'Z') or (>= 'a' and <= 'z') or '_')
            {
                text.Append(c);
            }
            else if (c is > ' ' and < '\u007F' && !(inClass && c is '-'))
            {
                text.Append('\\').Append(c);
            }
            else
            {
                text.Append("\\u").Append(unit.ToString("X4", CultureInfo.InvariantCulture));
            }
        }
    }
}
