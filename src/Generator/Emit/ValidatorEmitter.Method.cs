using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Hooksmith.Generator.Json;
using Hooksmith.Generator.Planning.Validation;

namespace Hooksmith.Generator.Emit;

internal static partial class ValidatorEmitter
{
    /// <summary>Writes one validator method.</summary>
    private sealed partial class MethodWriter
    {
        private readonly SourceWriter _out;
        private readonly ValidatorSpec _spec;
        private readonly ClassFields _fields;
        private SourceWriter _body = new();
        private bool _usesSchema;

        /// <summary>The <c>required</c> check that the <c>properties</c> loop answers as it goes (see <see cref="RequiredAnsweredByMembers"/>).</summary>
        private RequiredCheck? _requiredInMembers;

        public MethodWriter(SourceWriter writer, ValidatorSpec spec, ClassFields fields)
        {
            _out = writer;
            _spec = spec;
            _fields = fields;
        }

        /// <summary>The set that this schema's annotations go to: its own when it uses unevaluated*, else its caller's.</summary>
        private string Tracked => _spec.TracksEvaluated ? "tracked" : "evaluated";

        /// <summary>The start of a call that records an annotation: always made on this schema's own set, only when there is one on the caller's.</summary>
        private string Record => _spec.TracksEvaluated ? "tracked." : "evaluated?.";

        /// <summary>A set for a branch's annotations, when annotations are collected at all.</summary>
        private string RentIfTracking => _spec.TracksEvaluated ? "context.RentLocations()" : "evaluated is null ? null : context.RentLocations()";

        public void Write()
        {
            var pointer = _spec.Pointer.Length == 0 ? "#" : "#" + _spec.Pointer;
            _out.WriteLine($"/// <summary>Validates a value against the schema at <c>{TypeEmitter.Xml(pointer)}</c>.</summary>");
            if (CompactExpression() is { } expression)
            {
                _out.WriteLine($"internal static bool {_spec.Method}(in {Element} instance, {Context} context, {Locations}? evaluated)");
                _out.Indent();
                _out.WriteLines("=> " + expression + ";");
                _out.Unindent();
                _body.Release();
                return;
            }

            _out.OpenBlock($"internal static bool {_spec.Method}(in {Element} instance, {Context} context, {Locations}? evaluated)");
            WriteBody();
            if (_usesSchema)
            {
                _out.WriteLine($"const string Schema = {TypeEmitter.Literal(_spec.SchemaUri)};");
            }

            _out.WriteBlock(_body);
            _body.Release();
            _out.CloseBlock();
        }

        private void WriteBody()
        {
            var b = _body;
            if (_spec.AlwaysFails)
            {
                _usesSchema = true;
                b.WriteLine("context.FailFalseSchema(Schema, \"false\");");
                b.WriteLine("return false;");
                return;
            }

            var checks = _spec.Checks;
            if (checks.Count == 0)
            {
                b.WriteLine("return true;");
                return;
            }

            if (_spec.AcceptsNull)
            {
                // OpenAPI 'nullable' beside a reference or a combinator: null is valid whatever the rest says.
                b.OpenBlock($"if (instance.ValueKind == {Kind}.Null)");
                b.WriteLine("return true;");
                b.CloseBlock();
                b.WriteLine();
            }

            if (checks.Any(AppliesInPlace))
            {
                b.OpenBlock("if (context.IsTooDeep)");
                b.WriteLine("return false;");
                b.CloseBlock();
                b.WriteLine();
            }

            if (_spec.TracksEvaluated)
            {
                b.WriteLine("var tracked = context.RentLocations();");
            }

            b.WriteLine("var valid = true;");
            foreach (var check in checks.Where(c => c is TypeCheck or ConstantCheck))
            {
                WriteGeneric(check);
            }

            foreach (var check in checks.Where(c => c is ReferenceCheck or DynamicReferenceCheck))
            {
                WriteReference(check);
            }

            WriteKindBlock("Number", checks.Where(c => c is NumberLimitCheck or MultipleOfCheck), WriteNumber);
            WriteKindBlock("String", checks.Where(c => c is PatternCheck or FormatCheck || c is CountCheck { Keyword: "minLength" or "maxLength" }), WriteString);
            WriteKindBlock("Array", checks.Where(c => c is UniqueItemsCheck or ItemsCheck or ContainsCheck || c is CountCheck { Keyword: "minItems" or "maxItems" }), WriteArray);
            _requiredInMembers = RequiredAnsweredByMembers(checks);
            WriteKindBlock("Object", checks.Where(c => (c is RequiredCheck or MembersCheck or PropertyNamesCheck or DependentRequiredCheck or DependentSchemaCheck || c is CountCheck { Keyword: "minProperties" or "maxProperties" }) && !ReferenceEquals(c, _requiredInMembers)), WriteObject);
            foreach (var check in checks.Where(c => c is CombinatorCheck or NotCheck or ConditionalCheck))
            {
                WriteApplicator(check);
            }

            WriteKindBlock("Array", checks.Where(c => c is UnevaluatedItemsCheck), WriteArray);
            WriteKindBlock("Object", checks.Where(c => c is UnevaluatedPropertiesCheck), WriteObject);
            if (_spec.TracksEvaluated)
            {
                b.WriteLine();
                b.OpenBlock("if (evaluated is not null)");
                if (checks.Any(c => c is UnevaluatedPropertiesCheck))
                {
                    b.WriteLine("evaluated.AddAllProperties();");
                }

                if (checks.Any(c => c is UnevaluatedItemsCheck))
                {
                    b.WriteLine("evaluated.AddAllItems();");
                }

                b.WriteLine("evaluated.Add(tracked);");
                b.CloseBlock();
                b.WriteLine();
                b.WriteLine("context.Return(tracked);");
            }

            b.WriteLine("return valid;");
        }

        /// <summary>
        /// A <c>required</c> whose names are all among the first 64 of <c>properties</c>: the loop over the
        /// members, which looks each name up anyway, notes which are present, and nothing else walks the
        /// object for it.
        /// </summary>
        private static RequiredCheck? RequiredAnsweredByMembers(IReadOnlyList<Check> checks)
        {
            if (checks.OfType<RequiredCheck>().FirstOrDefault() is not { Names.Count: > 0 } required
                || checks.OfType<MembersCheck>().FirstOrDefault() is not { } members)
            {
                return null;
            }

            var names = members.Properties.Select(p => p.Name).ToList();
            return required.Names.All(name => names.IndexOf(name) is >= 0 and < 64) ? required : null;
        }

        private static bool AppliesInPlace(Check check)
            => check is ReferenceCheck or DynamicReferenceCheck or CombinatorCheck or NotCheck or ConditionalCheck or DependentSchemaCheck;

        private void WriteKindBlock(string kind, IEnumerable<Check> checks, System.Action<Check> write)
        {
            var list = checks.ToList();
            if (list.Count == 0)
            {
                return;
            }

            _body.WriteLine();
            _body.OpenBlock($"if (instance.ValueKind == {Kind}.{kind})");
            var first = true;
            foreach (var check in list)
            {
                if (!first)
                {
                    _body.WriteLine();
                }

                first = false;
                write(check);
            }

            _body.CloseBlock();
        }

        /// <summary>Writes the report of a failed keyword and the reaction to it.</summary>
        private void WriteFail(string keywordPath, string keyword, string instance, string? expected)
            => WriteFailIf(null, keywordPath, keyword, instance, expected);

        /// <summary>
        /// Writes a keyword's check and the report of its failure in one statement: the runtime's
        /// <c>Fail(ref valid, …)</c> marks the schema failed, reports, and says whether to stop.
        /// </summary>
        /// <param name="condition">The C# condition that means the keyword fails; null when it always fails here.</param>
        private void WriteFailIf(string? condition, string keywordPath, string keyword, string instance, string? expected)
        {
            if (_captured is not null)
            {
                _captured.Add(new CapturedFailure(condition, keywordPath, keyword, instance, expected));
                return;
            }

            _usesSchema = true;
            var expectedArgument = expected is null ? string.Empty : ", " + expected;
            var guard = condition is null ? string.Empty
                : (condition.Contains("||") || condition.Contains("?") ? "(" + condition + ")" : condition) + " && ";
            _body.OpenBlock($"if ({guard}context.Fail(ref valid, Schema, {TypeEmitter.Literal(keywordPath)}, {TypeEmitter.Literal(keyword)}, {instance}{expectedArgument}))");
            _body.WriteLine("return false;");
            _body.CloseBlock();
        }

        private void WriteFailWithMessage(string keywordPath, string keyword, string message)
        {
            _usesSchema = true;
            _body.WriteLine("valid = false;");
            _body.OpenBlock($"if (context.FailWithMessage(Schema, {TypeEmitter.Literal(keywordPath)}, {TypeEmitter.Literal(keyword)}, {TypeEmitter.Literal(message)}))");
            _body.WriteLine("return false;");
            _body.CloseBlock();
        }

        /// <summary>
        /// Writes the application of a subschema, leaving its result in <paramref name="result"/> (declared
        /// here unless <paramref name="declare"/> is false).
        /// </summary>
        /// <param name="keywordPath">The subschema's path from this schema (<c>/properties/name</c>).</param>
        /// <param name="target">The subschema.</param>
        /// <param name="instance">The value it applies to.</param>
        /// <param name="frame">The member (<c>property</c>) or item index (<c>index</c>) it applies to; null for in-place subschemas.</param>
        /// <param name="evaluated">Where it records evaluated locations (<c>null</c> for other values than this one).</param>
        /// <param name="result">The variable that gets the result.</param>
        /// <param name="declare">Whether to declare the variable.</param>
        /// <param name="alwaysEnterResource">Whether to put the target's resource in the dynamic scope even when it is this schema's (references do).</param>
        private void WriteApply(string keywordPath, Target target, string instance, string? frame, string evaluated, string result = "ok", bool declare = true, bool alwaysEnterResource = false)
        {
            var b = _body;
            var assign = declare ? $"var {result} = " : $"{result} = ";
            var frameArgument = frame is null ? string.Empty : ", " + frame;
            switch (target.Kind)
            {
                case TargetKind.True:
                    b.WriteLine(assign + "true;");
                    return;
                case TargetKind.Method or TargetKind.Type or TargetKind.Through:
                    var resource = target.Resource is { } r && (alwaysEnterResource || r != _spec.Resource) ? ", " + TypeEmitter.Literal(r) : string.Empty;
                    b.WriteLine($"context.Push({TypeEmitter.Literal(keywordPath)}{frameArgument}{resource});");
                    b.WriteLine($"{assign}{CallOf(target, instance, evaluated)};");
                    b.WriteLine("context.Pop();");
                    return;
                case TargetKind.False:
                    _usesSchema = true;
                    b.WriteLine($"context.Push({TypeEmitter.Literal(keywordPath)}{frameArgument});");
                    b.WriteLine($"context.FailFalseSchema(Schema + {TypeEmitter.Literal(keywordPath)}, {TypeEmitter.Literal(FirstKeyword(keywordPath))});");
                    b.WriteLine("context.Pop();");
                    b.WriteLine(assign + "false;");
                    return;
                default:
                    _usesSchema = true;
                    var message = $"the reference '{target.Uri}' cannot be resolved: {target.Error}";
                    b.WriteLine($"context.Push({TypeEmitter.Literal(keywordPath)}{frameArgument});");
                    b.WriteLine($"context.FailWithMessage(Schema + {TypeEmitter.Literal(keywordPath)}, \"\", \"$ref\", {TypeEmitter.Literal(message)});");
                    b.WriteLine("context.Pop();");
                    b.WriteLine(assign + "false;");
                    return;
            }
        }

        /// <summary>
        /// Writes a subschema application whose failure fails this schema (its errors are already reported).
        /// <paramref name="inOwnBlock"/> says the caller has opened a block for just this, so the result's
        /// variable needs no block of its own.
        /// </summary>
        private void WriteRequiredApply(string keywordPath, Target target, string instance, string? frame, string evaluated, bool alwaysEnterResource = false, bool inOwnBlock = false)
        {
            if (target.Kind == TargetKind.True)
            {
                return;
            }

            if (target.IsCall)
            {
                // The runtime's Pop(ok, ref valid) leaves the subschema, folds its result in and says whether to stop.
                var frameArgument = frame is null ? string.Empty : ", " + frame;
                var resource = target.Resource is { } r && (alwaysEnterResource || r != _spec.Resource) ? ", " + TypeEmitter.Literal(r) : string.Empty;
                _body.WriteLine($"context.Push({TypeEmitter.Literal(keywordPath)}{frameArgument}{resource});");
                var guard = $"if (context.Pop({CallOf(target, instance, evaluated)}, ref valid))";
                _body.OpenBlock(guard);
                _body.WriteLine("return false;");
                _body.CloseBlock();
                return;
            }

            if (!inOwnBlock)
            {
                _body.OpenBlock();
            }

            WriteApply(keywordPath, target, instance, frame, evaluated, alwaysEnterResource: alwaysEnterResource);
            _body.WriteLine("valid &= ok;");
            _body.OpenBlock("if (!ok && context.StopAtFirstFailure)");
            _body.WriteLine("return false;");
            _body.CloseBlock();
            if (!inOwnBlock)
            {
                _body.CloseBlock();
            }
        }

        /// <summary>
        /// The call that applies a target to <paramref name="instance"/>: its method, or for a schema whose only
        /// keyword is <c>type</c>, the runtime's check with the schema's location (it records no annotations).
        /// </summary>
        private static string CallOf(Target target, string instance, string evaluated) => target.Kind switch
        {
            TargetKind.Type => $"context.CheckType({instance}, {StreamSchemaEmitter.TypesOf(target.Types)}, {TypeEmitter.Literal(target.Uri!)}, {Quote(string.Join(" or ", target.Types))})",

            // What the location's own method did: enter its one subschema unless evaluation is too deep, apply it, leave it.
            TargetKind.Through => $"context.Enter({EnterArguments(target)}) && context.Leave({CallOf(target.Inner!, instance, evaluated)})",
            _ => $"{target.Method}({instance}, context, {evaluated})",
        };

        private static string EnterArguments(Target through)
            => TypeEmitter.Literal(through.ThroughPath!) + (through.ThroughResource is { } enters ? ", " + TypeEmitter.Literal(enters) : string.Empty);

        /// <summary>
        /// The runtime call that applies a target to the member <c>property</c> at <paramref name="keywordPath"/> (a
        /// literal) and folds its result into <c>valid</c>: true when evaluation should stop.
        /// </summary>
        /// <returns>Null for a target applied through a location to anything but a method: the caller writes it out.</returns>
        private string? ApplyToMember(string keywordPath, Target target)
        {
            if (target.Kind == TargetKind.Type)
            {
                return $"context.CheckMemberType(property, {keywordPath}, {TypeCheckArguments(target)}, ref valid)";
            }

            var resource = target.Resource is { } r && r != _spec.Resource ? TypeEmitter.Literal(r) : null;
            if (target.Kind == TargetKind.Through)
            {
                if (target.Inner is not { Kind: TargetKind.Method } inner)
                {
                    return null;
                }

                var enters = target.ThroughResource is { } e ? TypeEmitter.Literal(e) : null;
                var resources = enters is not null ? $", {resource ?? "null"}, {enters}" : resource is not null ? ", " + resource : string.Empty;
                return $"context.ApplyToMember(property, {keywordPath}, {TypeEmitter.Literal(target.ThroughPath!)}, {inner.Method}, ref valid{resources})";
            }

            return $"context.ApplyToMember(property, {keywordPath}, {target.Method}, ref valid{(resource is null ? string.Empty : ", " + resource)})";
        }

        /// <summary>
        /// The runtime call that applies a target to every item of <c>instance</c> at <paramref name="keywordPath"/>
        /// (a literal) and folds the results into <c>valid</c>: true when evaluation should stop.
        /// </summary>
        /// <returns>Null for a target applied through a location: the caller writes the loop out.</returns>
        private string? ApplyToItems(string keywordPath, Target target)
        {
            if (target.Kind == TargetKind.Through)
            {
                return null;
            }

            if (target.Kind == TargetKind.Type)
            {
                return $"context.CheckItemTypes(instance, {keywordPath}, {TypeCheckArguments(target)}, ref valid)";
            }

            var resource = target.Resource is { } r && r != _spec.Resource ? ", " + TypeEmitter.Literal(r) : string.Empty;
            return $"context.ApplyToItems(instance, {keywordPath}, {target.Method}, ref valid{resource})";
        }

        /// <summary>A type-checked target's types, location and the types as its message names them, as the runtime's arguments.</summary>
        private string TypeCheckArguments(Target target)
            => $"{StreamSchemaEmitter.TypesOf(target.Types)}, {LocationOf(target)}, {Quote(string.Join(" or ", target.Types))}";

        /// <summary>
        /// A type-checked target's absolute location as C#: <c>Schema + "/properties/id"</c> (a constant) when it is
        /// below this schema's, else the whole literal.
        /// </summary>
        private string LocationOf(Target target)
        {
            var uri = target.Uri!;
            if (uri.Length > _spec.SchemaUri.Length && uri.StartsWith(_spec.SchemaUri, System.StringComparison.Ordinal))
            {
                _usesSchema = true;
                return "Schema + " + TypeEmitter.Literal(uri.Substring(_spec.SchemaUri.Length));
            }

            return TypeEmitter.Literal(uri);
        }

        /// <summary>The keyword a subschema path starts with (<c>/properties/a</c> → <c>properties</c>).</summary>
        private static string FirstKeyword(string keywordPath)
        {
            var end = keywordPath.IndexOf('/', 1);
            return end < 0 ? keywordPath.Substring(1) : keywordPath.Substring(1, end - 1);
        }

        private static bool FitsInt(string limit) => long.TryParse(limit, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value <= int.MaxValue;

        private static string Quote(string text) => TypeEmitter.Literal(text);

        private static string Utf8(string text) => TypeEmitter.Utf8Literal(text);

        private static string Display(string json)
        {
            const int Limit = 80;
            return json.Length <= Limit ? json : json.Substring(0, Limit) + "…";
        }

        private static string Index(int i) => i.ToString(CultureInfo.InvariantCulture);

        private static string KindName(JsonKind kind) => kind.ToString();
    }
}
