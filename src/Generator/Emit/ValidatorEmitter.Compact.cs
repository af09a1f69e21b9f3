using System.Collections.Generic;
using System.Linq;
using Hooksmith.Generator.Planning.Validation;

namespace Hooksmith.Generator.Emit;

internal static partial class ValidatorEmitter
{
    /// <summary>
    /// Schemas with one thing to check, the most common by far in vendor specs (a member's <c>type</c>,
    /// its <c>format</c> or <c>maxLength</c> beside it, a <c>$ref</c>), get an expression-bodied method:
    /// four lines where the statement form takes twelve to twenty. Each form does exactly what the
    /// statement form would, in the same order, with the same reports.
    /// </summary>
    private sealed partial class MethodWriter
    {
        /// <summary>A failure <see cref="WriteFailIf"/> was asked to write while the checks are only being looked at.</summary>
        private sealed record CapturedFailure(string? Condition, string KeywordPath, string Keyword, string Instance, string? Expected);

        /// <summary>Where <see cref="WriteFailIf"/> puts what it would write, while <see cref="TryCapture"/> runs; null otherwise.</summary>
        private List<CapturedFailure>? _captured;

        /// <summary>The expression the method returns, when the schema has one of the compact forms; else null.</summary>
        private string? CompactExpression()
        {
            if (_spec.AlwaysFails || _spec.AcceptsNull || _spec.TracksEvaluated)
            {
                return null;
            }

            var checks = _spec.Checks;
            if (checks.Count == 0)
            {
                return "true";
            }

            if (checks.Count == 1 && SingleApplication(checks[0]) is { } applied)
            {
                // What the statement form does: stop at MaxDepth, else enter, apply, leave.
                return $"context.Enter({applied.Enter}) && context.Leave({applied.Call})";
            }

            if (checks.Count == 1 && checks[0] is TypeCheck type)
            {
                return $"{Any(type.Types.Select(TypeCondition))} || {Reject("/type", "type", "instance", Quote(string.Join(" or ", type.Types)))}";
            }

            if (checks.Count == 1 && checks[0] is ConstantCheck constant)
            {
                var display = constant.Keyword == "const" ? constant.Values[0].Json : "[" + string.Join(", ", constant.Values.Select(v => v.Json)) + "]";
                return $"{Any(constant.Values.Select(ConstantCondition))} || {Reject("/" + constant.Keyword, constant.Keyword, "instance", Quote(Display(display)))}";
            }

            // One check that applies to one kind of value, alone or after a 'type' of exactly that kind:
            // a value of another kind fails the type (if any) and skips the check.
            var typeCheck = checks.Count == 2 ? checks[0] as TypeCheck : null;
            var kindCheck = checks.Count == 1 ? checks[0] : checks.Count == 2 && typeCheck is not null ? checks[1] : null;
            if (kindCheck is null || KindBlockOf(kindCheck) is not { } kind || TryCapture(kind.Write, kindCheck) is not { Condition: { } failing } inner)
            {
                return null;
            }

            var isKind = $"instance.ValueKind == {Kind}.{kind.Name}";
            var passes = $"{Negate(failing)} || {Reject(inner.KeywordPath, inner.Keyword, inner.Instance, inner.Expected)}";
            if (typeCheck is null)
            {
                return $"instance.ValueKind != {Kind}.{kind.Name} || {passes}";
            }

            if (typeCheck.Types.Count != 1 || TypeCondition(typeCheck.Types[0]) != isKind)
            {
                return null;
            }

            return $"{isKind}\n    ? {passes}\n    : {Reject("/type", "type", "instance", Quote(typeCheck.Types[0]))}";
        }

        /// <summary>A <c>$ref</c>, or an <c>allOf</c> of one schema, to a method: the arguments of its <c>Enter</c> and the call.</summary>
        private (string Enter, string Call)? SingleApplication(Check check)
        {
            var (keywordPath, target, alwaysEnterResource) = check switch
            {
                ReferenceCheck reference => ("/" + reference.Keyword, reference.Schema, true),
                CombinatorCheck { Keyword: "allOf", Schemas.Count: 1 } allOf => ("/allOf/0", allOf.Schemas[0], false),
                _ => (string.Empty, Target.AlwaysValid, false),
            };
            if (!target.IsCall)
            {
                return null;
            }

            var resource = target.Resource is { } r && (alwaysEnterResource || r != _spec.Resource) ? ", " + TypeEmitter.Literal(r) : string.Empty;
            return (TypeEmitter.Literal(keywordPath) + resource, CallOf(target, "instance", "evaluated"));
        }

        /// <summary>The kind of value a check looks at, and its writer, as <see cref="WriteBody"/> groups them.</summary>
        private (string Name, System.Action<Check> Write)? KindBlockOf(Check check) => check switch
        {
            NumberLimitCheck or MultipleOfCheck => ("Number", WriteNumber),
            PatternCheck or FormatCheck or CountCheck { Keyword: "minLength" or "maxLength" } => ("String", WriteString),
            UniqueItemsCheck or CountCheck { Keyword: "minItems" or "maxItems" } => ("Array", WriteArray),
            CountCheck { Keyword: "minProperties" or "maxProperties" } => ("Object", WriteObject),
            _ => null,
        };

        /// <summary>
        /// Runs a check's writer aside and returns the one failure it reports, when that is all it writes
        /// (a condition and a report); null when it writes anything else.
        /// </summary>
        private CapturedFailure? TryCapture(System.Action<Check> write, Check check)
        {
            var body = _body;
            var usesSchema = _usesSchema;
            _body = new SourceWriter();
            _captured = [];
            try
            {
                write(check);
                return _captured.Count == 1 && _body.IsBlank() ? _captured[0] : null;
            }
            finally
            {
                _body.Release();
                _body = body;
                _usesSchema = usesSchema;
                _captured = null;
            }
        }

        /// <summary>The runtime's report of a failure that decides the method's result (false).</summary>
        private string Reject(string keywordPath, string keyword, string instance, string? expected)
        {
            var expectedArgument = expected is null ? string.Empty : ", " + expected;
            return $"context.Reject({TypeEmitter.Literal(_spec.SchemaUri)}, {TypeEmitter.Literal(keywordPath)}, {TypeEmitter.Literal(keyword)}, {instance}{expectedArgument})";
        }

        /// <summary>
        /// The negation of a condition the check writers produce, written plainly where its shape allows
        /// (<c>!IsMatch(…)</c> → <c>IsMatch(…)</c>, <c>Length(…) &lt; 3</c> → <c>Length(…) &gt;= 3</c>,
        /// <c>a &amp;&amp; !b</c> → <c>!a || b</c>); else <c>!(…)</c>.
        /// </summary>
        private static string Negate(string condition)
        {
            var and = TopLevel(condition, " && ");
            if (and.Count == 1 && TopLevel(condition, " || ").Count == 0 && TopLevel(condition, " ? ").Count == 0)
            {
                var left = condition.Substring(0, and[0]);
                var right = condition.Substring(and[0] + 4);
                return NegateAtom(left) + " || " + NegateAtom(right);
            }

            return NegateAtom(condition);
        }

        private static readonly string[] Comparisons = [" <= ", " >= ", " < ", " > ", " == ", " != "];
        private static readonly string[] Flipped = [" > ", " < ", " >= ", " <= ", " != ", " == "];

        private static string NegateAtom(string condition)
        {
            string[] binary = [" && ", " || ", " ? ", " is ", .. Comparisons];
            var found = binary.Select((op, i) => (Op: op, Index: i, At: TopLevel(condition, op))).Where(o => o.At.Count > 0).ToList();
            if (found.Count == 0)
            {
                return condition.StartsWith("!", System.StringComparison.Ordinal) && !condition.StartsWith("!=", System.StringComparison.Ordinal)
                    ? condition.Substring(1)
                    : "!" + condition;
            }

            if (found.Count == 1 && found[0].At.Count == 1 && found[0].Index >= 4)
            {
                var comparison = found[0].Index - 4;
                var at = found[0].At[0];
                return condition.Substring(0, at) + Flipped[comparison] + condition.Substring(at + found[0].Op.Length);
            }

            return "!(" + condition + ")";
        }

        /// <summary>Where <paramref name="op"/> occurs outside parentheses, brackets and literals.</summary>
        private static List<int> TopLevel(string text, string op)
        {
            var found = new List<int>();
            var depth = 0;
            for (var i = 0; i < text.Length; i++)
            {
                var c = text[i];
                if (c == '"')
                {
                    // Skip the literal: generated literals escape '"' and '\' with a backslash.
                    for (i++; i < text.Length && text[i] != '"'; i++)
                    {
                        if (text[i] == '\\')
                        {
                            i++;
                        }
                    }

                    continue;
                }

                if (c is '(' or '[' or '{')
                {
                    depth++;
                }
                else if (c is ')' or ']' or '}')
                {
                    depth--;
                }
                else if (depth == 0 && string.CompareOrdinal(text, i, op, 0, op.Length) == 0)
                {
                    found.Add(i);
                    i += op.Length - 1;
                }
            }

            return found;
        }
    }
}
