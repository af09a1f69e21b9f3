using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Hooksmith.Generator.Json;
using Hooksmith.Generator.Planning.Validation;

namespace Hooksmith.Generator.Emit;

internal static partial class ValidatorEmitter
{
    private sealed partial class MethodWriter
    {
        private void WriteGeneric(Check check)
        {
            var b = _body;
            b.WriteLine();
            switch (check)
            {
                case TypeCheck type:
                    WriteFailIf(type.Types.Count == 1 && TypeMismatch(type.Types[0]) is { } mismatch ? mismatch : $"!({Any(type.Types.Select(TypeCondition))})", "/type", "type", "instance", Quote(string.Join(" or ", type.Types)));
                    break;
                case ConstantCheck constant:
                    var display = constant.Keyword == "const"
                        ? constant.Values[0].Json
                        : "[" + string.Join(", ", constant.Values.Select(v => v.Json)) + "]";
                    WriteFailIf($"!({Any(constant.Values.Select(ConstantCondition))})", "/" + constant.Keyword, constant.Keyword, "instance", Quote(Display(display)));
                    break;
            }
        }

        /// <summary>Conditions joined with '||'; <c>false</c> for none (an empty <c>enum</c> allows nothing).</summary>
        private static string Any(IEnumerable<string> conditions)
        {
            var joined = string.Join(" || ", conditions);
            return joined.Length == 0 ? "false" : joined;
        }

        /// <summary>The plain test for a value that is not of one type, where there is one (not for integers).</summary>
        private static string? TypeMismatch(string type) => type switch
        {
            "null" => $"instance.ValueKind != {Kind}.Null",
            "object" => $"instance.ValueKind != {Kind}.Object",
            "array" => $"instance.ValueKind != {Kind}.Array",
            "string" => $"instance.ValueKind != {Kind}.String",
            "number" => $"instance.ValueKind != {Kind}.Number",
            "integer" => $"!{Checks}.IsInteger(instance)",
            _ => null,
        };

        private static string TypeCondition(string type) => type switch
        {
            "null" => $"instance.ValueKind == {Kind}.Null",
            "boolean" => $"instance.ValueKind is {Kind}.True or {Kind}.False",
            "object" => $"instance.ValueKind == {Kind}.Object",
            "array" => $"instance.ValueKind == {Kind}.Array",
            "string" => $"instance.ValueKind == {Kind}.String",
            "number" => $"instance.ValueKind == {Kind}.Number",
            "integer" => $"{Checks}.IsInteger(instance)",
            _ => "false",
        };

        private string ConstantCondition(ConstantValue value) => value.Kind switch
        {
            JsonKind.Null => $"instance.ValueKind == {Kind}.Null",
            JsonKind.True => $"instance.ValueKind == {Kind}.True",
            JsonKind.False => $"instance.ValueKind == {Kind}.False",
            JsonKind.String => $"(instance.ValueKind == {Kind}.String && instance.ValueEquals({Utf8(value.Text)}))",
            JsonKind.Number => $"{Checks}.NumberEquals(instance, {NumberArgument(value.Text)})",
            _ => $"{Checks}.JsonEquals(instance, {_fields.Constant(value.Text, _spec.Method)})",
        };

        private void WriteReference(Check check)
        {
            var b = _body;
            b.WriteLine();
            switch (check)
            {
                case ReferenceCheck reference:
                    WriteRequiredApply("/" + reference.Keyword, reference.Schema, "instance", null, Tracked, alwaysEnterResource: true);
                    break;
                case DynamicReferenceCheck dynamic when dynamic.Candidates.Count == 0:
                    WriteRequiredApply("/" + dynamic.Keyword, dynamic.Initial, "instance", null, Tracked, alwaysEnterResource: true);
                    break;
                case DynamicReferenceCheck dynamic:
                    // The outermost resource of the dynamic scope that declares the anchor decides the schema.
                    b.OpenBlock();
                    b.WriteLine("bool ok;");
                    b.OpenBlock($"switch (context.FindInDynamicScope({_fields.Scope(dynamic.Candidates.Select(c => c.Resource), _spec.Method)}))");
                    for (var i = 0; i < dynamic.Candidates.Count; i++)
                    {
                        b.WriteLine($"case {Index(i)}:");
                        b.Indent();
                        WriteApply("/" + dynamic.Keyword, dynamic.Candidates[i].Schema with { Resource = dynamic.Candidates[i].Resource }, "instance", null, Tracked, declare: false, alwaysEnterResource: true);
                        b.WriteLine("break;");
                        b.Unindent();
                    }

                    b.WriteLine("default:");
                    b.Indent();
                    WriteApply("/" + dynamic.Keyword, dynamic.Initial, "instance", null, Tracked, declare: false, alwaysEnterResource: true);
                    b.WriteLine("break;");
                    b.Unindent();
                    b.CloseBlock();
                    b.WriteLine();
                    b.WriteLine("valid &= ok;");
                    b.OpenBlock("if (!ok && context.StopAtFirstFailure)");
                    b.WriteLine("return false;");
                    b.CloseBlock();
                    b.CloseBlock();
                    break;
            }
        }

        private void WriteNumber(Check check)
        {
            var b = _body;
            switch (check)
            {
                case NumberLimitCheck limit:
                    var comparison = limit.IsMinimum ? (limit.IsExclusive ? "<= 0" : "< 0") : (limit.IsExclusive ? ">= 0" : "> 0");
                    WriteFailIf($"{Checks}.Compare(instance, {NumberArgument(limit.Literal)}) {comparison}", "/" + limit.Keyword, limit.Keyword, "instance", Quote(limit.Literal));
                    break;
                case MultipleOfCheck multiple:
                    WriteFailIf($"!{Checks}.IsMultipleOf(instance, {Quote(multiple.Literal)})", "/multipleOf", "multipleOf", "instance", Quote(multiple.Literal));
                    break;
            }
        }

        /// <summary>A number limit as a decimal literal when a decimal holds it exactly, else as its JSON text.</summary>
        private static string NumberArgument(string literal)
        {
            if (decimal.TryParse(literal, NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
            {
                var text = value.ToString(CultureInfo.InvariantCulture);
                if (JsonNumber.MathEquals(text, literal))
                {
                    return text + "m";
                }
            }

            return Quote(literal);
        }

        private void WriteString(Check check)
        {
            var b = _body;
            switch (check)
            {
                case CountCheck count:
                    WriteCount(count, $"{Checks}.Length(instance)");
                    break;
                case PatternCheck { DotNetPattern: null } untranslatable:
                    WriteFailWithMessage("/pattern", "pattern", $"the pattern {untranslatable.Pattern} cannot be checked: {untranslatable.Error}");
                    break;
                case PatternCheck pattern:
                    WriteFailIf($"!{Checks}.IsMatch({_fields.Pattern(pattern.DotNetPattern!, _spec.Method)}, instance)", "/pattern", "pattern", "instance", Quote(pattern.Pattern));
                    break;
                case FormatCheck format:
                    var assertsByDefault = format.AssertsByDefault ? "true" : "false";
                    WriteFailIf($"context.AssertFormats({assertsByDefault}) && !{Checks}.IsFormat({Quote(format.Format)}, instance)", "/format", "format", "instance", Quote(format.Format));
                    break;
            }
        }

        /// <summary>Writes a count limit; limits beyond what an <c>int</c> counts are decided here.</summary>
        private void WriteCount(CountCheck count, string measure)
        {
            var b = _body;
            if (!FitsInt(count.Limit))
            {
                if (count.IsMinimum)
                {
                    WriteFail("/" + count.Keyword, count.Keyword, "instance", Quote(count.Limit));
                }

                return;
            }

            WriteFailIf($"{measure} {(count.IsMinimum ? "<" : ">")} {count.Limit}", "/" + count.Keyword, count.Keyword, "instance", Quote(count.Limit));
        }

        private void WriteArray(Check check)
        {
            var b = _body;
            switch (check)
            {
                case CountCheck count:
                    WriteCount(count, "instance.GetArrayLength()");
                    break;
                case UniqueItemsCheck:
                    WriteFailIf($"!{Checks}.HasUniqueItems(instance)", "/uniqueItems", "uniqueItems", "instance", null);
                    break;
                case ItemsCheck items:
                    WriteItems(items);
                    break;
                case ContainsCheck contains:
                    WriteContains(contains);
                    break;
                case UnevaluatedItemsCheck unevaluated:
                    b.WriteLine("var index = 0;");
                    b.OpenBlock($"foreach (var item in instance.EnumerateArray())");
                    b.OpenBlock("if (!tracked.HasItem(index))");
                    WriteRequiredApply("/unevaluatedItems", unevaluated.Schema, "item", "index", "null", inOwnBlock: true);
                    b.CloseBlock();
                    b.WriteLine();
                    b.WriteLine("index++;");
                    b.CloseBlock();
                    break;
            }
        }

        private void WriteItems(ItemsCheck items)
        {
            var b = _body;
            var prefix = items.Prefix.Count;
            var rest = items.Rest;
            var checksItems = items.Prefix.Any(t => t.Kind != TargetKind.True) || (rest is not null && rest.Kind != TargetKind.True);
            if (prefix == 0 && rest is { IsCall: true } && ApplyToItems(Quote("/" + items.RestKeyword), rest) is { } apply)
            {
                // One subschema for every item: one runtime call applies it to each in turn.
                b.OpenBlock($"if ({apply})");
                b.WriteLine("return false;");
                b.CloseBlock();
            }
            else if (checksItems)
            {
                b.OpenBlock();
                b.WriteLine("var index = 0;");
                b.OpenBlock("foreach (var item in instance.EnumerateArray())");
                for (var i = 0; i < prefix; i++)
                {
                    b.OpenBlock(i == 0 ? "if (index == 0)" : $"else if (index == {Index(i)})");
                    WriteRequiredApply($"/{items.PrefixKeyword}/{Index(i)}", items.Prefix[i], "item", "index", "null", inOwnBlock: true);
                    b.CloseBlock();
                }

                if (rest is not null && rest.Kind != TargetKind.True)
                {
                    if (prefix > 0)
                    {
                        b.OpenBlock("else");
                    }

                    WriteRequiredApply("/" + items.RestKeyword, rest, "item", "index", "null", inOwnBlock: true);
                    if (prefix > 0)
                    {
                        b.CloseBlock();
                    }
                }
                else if (prefix > 0)
                {
                    b.OpenBlock($"else");
                    b.WriteLine("break;");
                    b.CloseBlock();
                }

                b.WriteLine();
                b.WriteLine("index++;");
                b.CloseBlock();
                b.CloseBlock();
            }

            if (rest is not null)
            {
                b.WriteLine($"{Record}AddAllItems();");
            }
            else if (prefix > 0)
            {
                b.WriteLine($"{Record}AddItems({Index(prefix)});");
            }
        }

        private void WriteContains(ContainsCheck contains)
        {
            var b = _body;
            b.OpenBlock();
            b.WriteLine("var mark = context.BeginTrial();");
            b.WriteLine("var matches = 0;");
            b.WriteLine("var index = 0;");
            b.OpenBlock("foreach (var item in instance.EnumerateArray())");
            WriteApply("/contains", contains.Schema, "item", "index", "null");
            b.OpenBlock("if (ok)");
            b.WriteLine("matches++;");
            if (contains.RecordsItems)
            {
                b.WriteLine($"{Record}AddItem(index);");
            }

            b.CloseBlock();
            b.WriteLine();
            b.WriteLine("index++;");
            b.CloseBlock();
            b.WriteLine();
            b.WriteLine("context.EndTrial(mark);");
            var minimum = contains.MinContains ?? "1";
            if (minimum != "0")
            {
                var keyword = contains.MinContains is null ? "contains" : "minContains";
                if (FitsInt(minimum))
                {
                    WriteFailIf($"matches < {minimum}", "/" + keyword, keyword, "instance", Quote(minimum));
                }
                else
                {
                    WriteFail("/" + keyword, keyword, "instance", Quote(minimum));
                }
            }

            if (contains.MaxContains is { } maximum && FitsInt(maximum))
            {
                WriteFailIf($"matches > {maximum}", "/maxContains", "maxContains", "instance", Quote(maximum));
            }

            b.CloseBlock();
        }

        private void WriteObject(Check check)
        {
            var b = _body;
            switch (check)
            {
                case CountCheck count:
                    WriteCount(count, $"{Checks}.PropertyCount(instance)");
                    break;
                case RequiredCheck { Names.Count: > 1 and <= 64 } required:
                    // One pass over the members finds every missing name (a lookup per member, not a scan per name).
                    b.OpenBlock($"if ({_fields.NameSet(required.Names, _spec.Method, "Required")}.Missing(instance) is var missing && missing != 0)");
                    for (var i = 0; i < required.Names.Count; i++)
                    {
                        if (i > 0)
                        {
                            b.WriteLine();
                        }

                        WriteFailIf($"(missing & {Mask(1UL << i)}) != 0", "/required", "required", "instance", Quote(required.Names[i]));
                    }

                    b.CloseBlock();
                    break;
                case RequiredCheck required:
                    for (var i = 0; i < required.Names.Count; i++)
                    {
                        if (i > 0)
                        {
                            b.WriteLine();
                        }

                        var name = required.Names[i];
                        WriteFailIf($"!instance.TryGetProperty({Utf8(name)}, out _)", "/required", "required", "instance", Quote(name));
                    }

                    break;
                case DependentRequiredCheck dependent:
                    b.OpenBlock($"if (instance.TryGetProperty({Utf8(dependent.Property)}, out _))");
                    foreach (var name in dependent.Required)
                    {
                        WriteFailIf($"!instance.TryGetProperty({Utf8(name)}, out _)", $"/{dependent.Keyword}/{Escape(dependent.Property)}", dependent.Keyword, "instance", Quote(name));
                    }

                    b.CloseBlock();
                    break;
                case DependentSchemaCheck dependent when dependent.Schema.Kind != TargetKind.True:
                    b.OpenBlock($"if (instance.TryGetProperty({Utf8(dependent.Property)}, out _))");
                    WriteRequiredApply($"/{dependent.Keyword}/{Escape(dependent.Property)}", dependent.Schema, "instance", null, Tracked, inOwnBlock: true);
                    b.CloseBlock();
                    break;
                case MembersCheck members:
                    WriteMembers(members);
                    break;
                case PropertyNamesCheck names when names.Schema.Kind != TargetKind.True:
                    b.OpenBlock("foreach (var property in instance.EnumerateObject())");
                    b.WriteLine($"var name = {Checks}.NameOf(property);");
                    WriteRequiredApply("/propertyNames", names.Schema, "name", "property", "null", inOwnBlock: true);
                    b.CloseBlock();
                    break;
                case UnevaluatedPropertiesCheck unevaluated:
                    b.OpenBlock("foreach (var property in instance.EnumerateObject())");
                    b.OpenBlock("if (!tracked.HasProperty(property))");
                    WriteRequiredApply("/unevaluatedProperties", unevaluated.Schema, "property.Value", "property", "null", inOwnBlock: true);
                    b.CloseBlock();
                    b.CloseBlock();
                    break;
            }
        }

        /// <summary>A bit mask as a C# literal: <c>0x14UL</c>.</summary>
        private static string Mask(ulong bits) => "0x" + bits.ToString("X", CultureInfo.InvariantCulture) + "UL";

        private void WriteMembers(MembersCheck members)
        {
            var b = _body;
            var additional = members.Additional;
            var needsMatched = additional is not null && additional.Kind != TargetKind.True;
            var names = members.Properties.Select(p => p.Name).ToList();
            var checkedProperties = members.Properties.Select((p, index) => (Property: p, Index: index)).Where(p => p.Property.Schema.Kind != TargetKind.True).ToList();
            var required = _requiredInMembers?.Names.Select(name => (Name: name, Bit: 1UL << names.IndexOf(name))).ToList();
            if (required is not null)
            {
                b.WriteLine("var present = 0UL;");
            }

            b.OpenBlock("foreach (var property in instance.EnumerateObject())");
            if (names.Count > 0)
            {
                // The member's index in 'properties' (-1 when it is not there), found without comparing every name.
                b.WriteLine($"var member = {_fields.NameSet(names, _spec.Method, "Properties")}.IndexOf(property);");
            }

            if (required is not null)
            {
                b.WriteLine($"present |= {NameSetType}.Bit(member);");
            }

            if (needsMatched)
            {
                b.WriteLine(names.Count > 0 ? "var matched = member >= 0;" : "var matched = false;");
            }

            if (checkedProperties.Count > 0)
            {
                if (names.Count > 0 && (needsMatched || required is not null))
                {
                    b.WriteLine();
                }

                b.OpenBlock("switch (member)");
                foreach (var (property, index) in checkedProperties)
                {
                    if (property.Schema.IsCall && ApplyToMember(TypeEmitter.Literal("/properties/" + Escape(property.Name)), property.Schema) is { } apply)
                    {
                        // One runtime call enters the member's subschema, applies it and leaves it.
                        b.WriteLine($"case {Index(index)}: if ({apply}) return false; break;");
                        continue;
                    }

                    b.WriteLine($"case {Index(index)}: // {TypeEmitter.Comment(property.Name)}");
                    b.OpenBlock();
                    WriteRequiredApply("/properties/" + Escape(property.Name), property.Schema, "property.Value", "property", "null", inOwnBlock: true);
                    b.WriteLine();
                    b.WriteLine("break;");
                    b.CloseBlock();
                }

                b.CloseBlock();
            }

            foreach (var pattern in members.Patterns)
            {
                if (pattern.DotNetPattern is null)
                {
                    b.WriteLine();
                    WriteFailWithMessage("/patternProperties", "patternProperties", $"the pattern {pattern.Pattern} cannot be checked");
                    continue;
                }

                b.WriteLine();
                b.OpenBlock($"if ({Checks}.IsMatch({_fields.Pattern(pattern.DotNetPattern, _spec.Method)}, property))");
                if (needsMatched)
                {
                    b.WriteLine("matched = true;");
                }

                b.WriteLine($"{Record}AddProperty(property);");
                WriteRequiredApply("/patternProperties/" + Escape(pattern.Pattern), pattern.Schema, "property.Value", "property", "null", inOwnBlock: true);
                b.CloseBlock();
            }

            if (needsMatched && additional!.Kind == TargetKind.False)
            {
                // 'additionalProperties: false', as vendor specs often say: one runtime call reports the member.
                _usesSchema = true;
                b.WriteLine();
                b.OpenBlock("if (!matched && context.RejectMember(property, \"/additionalProperties\", Schema + \"/additionalProperties\", \"additionalProperties\", ref valid))");
                b.WriteLine("return false;");
                b.CloseBlock();
            }
            else if (needsMatched)
            {
                b.WriteLine();
                b.OpenBlock("if (!matched)");
                WriteRequiredApply("/additionalProperties", additional!, "property.Value", "property", "null", inOwnBlock: true);
                b.CloseBlock();
            }

            if (names.Count > 0 && additional is null)
            {
                // Members that 'properties' names count as evaluated.
                b.WriteLine();
                b.WriteLine($"{Record}AddProperty(property, member);");
            }

            b.CloseBlock();
            if (additional is not null)
            {
                b.WriteLine($"{Record}AddAllProperties();");
            }

            if (required is not null)
            {
                var all = Mask(required.Aggregate(0UL, (mask, r) => mask | r.Bit));
                b.WriteLine();
                if (required.Count == 1)
                {
                    WriteFailIf($"(present & {all}) == 0", "/required", "required", "instance", Quote(required[0].Name));
                }
                else
                {
                    // The runtime reports each missing member in the order 'required' lists them.
                    _usesSchema = true;
                    var list = string.Join(", ", required.Select(r => $"({Mask(r.Bit)}, {Quote(r.Name)})"));
                    b.OpenBlock($"if ((present & {all}) != {all} && context.FailMissing(ref valid, Schema, instance, present, [{list}]))");
                    b.WriteLine("return false;");
                    b.CloseBlock();
                }
            }
        }

        private void WriteApplicator(Check check)
        {
            var b = _body;
            b.WriteLine();
            switch (check)
            {
                case CombinatorCheck { Keyword: "allOf" } allOf:
                    for (var i = 0; i < allOf.Schemas.Count; i++)
                    {
                        WriteRequiredApply("/allOf/" + Index(i), allOf.Schemas[i], "instance", null, Tracked);
                    }

                    break;
                case CombinatorCheck { Keyword: "anyOf" } anyOf:
                    WriteAnyOf(anyOf);
                    break;
                case CombinatorCheck oneOf:
                    WriteOneOf(oneOf);
                    break;
                case NotCheck not:
                    b.OpenBlock();
                    b.WriteLine("var mark = context.BeginTrial();");
                    WriteApply("/not", not.Schema, "instance", null, "null");
                    b.WriteLine("context.EndTrial(mark);");
                    WriteFailIf("ok", "/not", "not", "instance", null);
                    b.CloseBlock();
                    break;
                case ConditionalCheck conditional:
                    WriteConditional(conditional);
                    break;
            }
        }

        private void WriteAnyOf(CombinatorCheck anyOf)
        {
            var b = _body;
            b.OpenBlock();
            b.WriteLine("var mark = context.BeginTrial();");
            b.WriteLine("var matched = false;");
            for (var i = 0; i < anyOf.Schemas.Count; i++)
            {
                // Once a branch matches, the others matter only for the annotations unevaluated* needs.
                b.OpenBlock(i == 0 || _spec.TracksEvaluated ? null : "if (!matched || evaluated is not null)");
                b.WriteLine($"var branch = {RentIfTracking};");
                WriteApply("/anyOf/" + Index(i), anyOf.Schemas[i], "instance", null, "branch");
                b.OpenBlock("if (ok)");
                b.WriteLine("matched = true;");
                b.WriteLine($"{Record}Add(branch{(_spec.TracksEvaluated ? string.Empty : "!")});");
                b.CloseBlock();
                WriteReturnOfBranch();
                b.CloseBlock();
            }

            b.WriteLine();
            b.WriteLine("context.EndTrial(mark);");
            b.OpenBlock("if (!matched)");
            WriteFail("/anyOf", "anyOf", "instance", null);
            WriteExplanation("/anyOf/", anyOf.Schemas);
            b.CloseBlock();
            b.CloseBlock();
        }

        /// <summary>Writes the giving back of a branch's evaluated locations, when it rented them (the runtime ignores null).</summary>
        private void WriteReturnOfBranch() => _body.WriteLine("context.Return(branch);");

        /// <summary>
        /// Writes, for full mode, a second pass over branches that all failed, reporting what each one
        /// found; the first pass tried them without recording anything, so a valid payload costs nothing.
        /// </summary>
        private void WriteExplanation(string keywordPrefix, IReadOnlyList<Target> branches)
        {
            if (branches.All(t => t.Kind == TargetKind.True))
            {
                return;
            }

            _body.WriteLine();
            _body.OpenBlock("if (context.IsReporting)");
            for (var i = 0; i < branches.Count; i++)
            {
                if (branches[i].Kind == TargetKind.True)
                {
                    continue;
                }

                if (i > 0)
                {
                    _body.WriteLine();
                }

                _body.OpenBlock();
                WriteApply(keywordPrefix + Index(i), branches[i], "instance", null, "null", result: "_", declare: false);
                _body.CloseBlock();
            }

            _body.CloseBlock();
        }

        private void WriteOneOf(CombinatorCheck oneOf)
        {
            var b = _body;
            b.OpenBlock();
            b.WriteLine("var mark = context.BeginTrial();");
            b.WriteLine("var matches = 0;");
            b.WriteLine("var first = -1;");
            b.WriteLine("var second = -1;");
            b.WriteLine($"{Locations}? chosen = null;");
            for (var i = 0; i < oneOf.Schemas.Count; i++)
            {
                // Two matches decide the outcome: the rest need not run.
                b.OpenBlock(i == 0 ? null : "if (matches < 2)");
                b.WriteLine($"{Locations}? branch = {RentIfTracking};");
                WriteApply("/oneOf/" + Index(i), oneOf.Schemas[i], "instance", null, "branch");
                b.OpenBlock("if (ok)");
                b.OpenBlock("if (++matches == 1)");
                b.WriteLine($"first = {Index(i)};");
                b.WriteLine("chosen = branch;");
                b.WriteLine("branch = null;");
                b.CloseBlock();
                b.OpenBlock("else");
                b.WriteLine($"second = {Index(i)};");
                b.CloseBlock();
                b.CloseBlock();
                WriteReturnOfBranch();
                b.CloseBlock();
            }

            b.WriteLine();
            b.WriteLine("context.EndTrial(mark);");
            b.OpenBlock("if (matches == 1 && chosen is not null)");
            b.WriteLine($"{Record}Add(chosen);");
            b.WriteLine("context.Return(chosen);");
            b.CloseBlock();
            b.OpenBlock("else if (matches == 0)");
            WriteFail("/oneOf", "oneOf", "instance", null);
            WriteExplanation("/oneOf/", oneOf.Schemas);
            b.CloseBlock();
            b.OpenBlock("else if (matches > 1)");
            WriteFail("/oneOf", "oneOf", "instance", "$\"{first} and {second}\"");
            b.CloseBlock();
            b.CloseBlock();
        }

        private void WriteConditional(ConditionalCheck conditional)
        {
            var b = _body;
            var hasBranches = (conditional.Then is { Kind: not TargetKind.True }) || (conditional.Else is { Kind: not TargetKind.True });

            // Without a 'then' or 'else' to choose, 'if' matters only for the annotations unevaluated* needs.
            b.OpenBlock(hasBranches || _spec.TracksEvaluated ? null : "if (evaluated is not null)");
            b.WriteLine($"{Locations}? condition = {RentIfTracking};");
            b.WriteLine("var mark = context.BeginTrial();");
            WriteApply("/if", conditional.If, "instance", null, "condition", result: "matches");
            b.WriteLine("context.EndTrial(mark);");
            b.OpenBlock("if (matches)");
            b.OpenBlock("if (condition is not null)");
            b.WriteLine($"{Record}Add(condition);");
            b.CloseBlock();
            if (conditional.Then is { } then)
            {
                WriteRequiredApply("/then", then, "instance", null, Tracked, inOwnBlock: true);
            }

            b.CloseBlock();
            if (conditional.Else is { Kind: not TargetKind.True } @else)
            {
                b.OpenBlock("else");
                WriteRequiredApply("/else", @else, "instance", null, Tracked, inOwnBlock: true);
                b.CloseBlock();
            }

            b.WriteLine();
            b.WriteLine("context.Return(condition);");
            b.CloseBlock();
        }

        /// <summary>Escapes a name for a JSON Pointer token.</summary>
        private static string Escape(string token) => token.Replace("~", "~0").Replace("/", "~1");
    }
}
