using System.Linq;
using Hooksmith.Generator.Planning;

namespace Hooksmith.Generator.Emit;

internal static partial class TypeEmitter
{
    private static void EmitRecord(SourceWriter writer, TypeSpec spec)
    {
        var name = spec.Name;
        var typedAdditional = spec.AdditionalProperties;
        var bagName = typedAdditional is null ? "AdditionalProperties" : "UnboundProperties";

        WriteTypeDocumentation(writer, spec);
        WriteTypeAttributes(writer, spec);
        writer.OpenBlock($"public sealed partial record {name} : {RecordBases(spec)}");

        foreach (var property in spec.Properties)
        {
            WritePropertyDocumentation(writer, property);
            var required = property.IsRequired ? "required " : string.Empty;
            writer.WriteLine($"public {required}{TypeNames.Of(property.Type, property.IsNullable)} {property.Name} {{ get; init; }}");
            writer.WriteLine();
        }

        if (typedAdditional is not null)
        {
            writer.WriteLine("/// <summary>Members that no property above describes, typed by the schema's <c>additionalProperties</c>.</summary>");
            writer.WriteLine($"public global::System.Collections.Generic.IReadOnlyDictionary<string, {TypeNames.Of(typedAdditional)}>? AdditionalProperties {{ get; init; }}");
            writer.WriteLine();
            writer.WriteLine("/// <summary>Members whose value did not fit their type, kept as they came so that nothing in a payload is lost.</summary>");
        }
        else
        {
            writer.WriteLine("/// <summary>Members that no property above describes, and values that did not fit their property, kept as they came so that nothing in a payload is lost.</summary>");
        }

        writer.WriteLine($"public {TypeNames.ElementBag}? {bagName} {{ get; init; }}");
        writer.WriteLine();
        writer.WriteLine("/// <summary>Which members the payload had, so that writing a parsed value gives them back as they were.</summary>");
        writer.WriteLine($"private {TypeNames.Codecs}MemberPresence Presence {{ get; init; }}");
        writer.WriteLine();
        if (spec.Properties.Any(KeepsSpelling))
        {
            writer.WriteLine("/// <summary>How the date-time members were spelled, so that writing a parsed value gives the same text.</summary>");
            writer.WriteLine($"private {TypeNames.Codecs}MemberSpellings? Spellings {{ get; init; }}");
            writer.WriteLine();
        }

        WriteParseMethods(writer, spec, isValueType: false);
        WriteRecordWriteTo(writer, spec, bagName);
        WriteRecordTryRead(writer, spec, bagName);
        WriteRecordEquality(writer, spec, bagName);
        writer.CloseBlock();
    }

    private static void WritePropertyDocumentation(SourceWriter writer, PropertySpec property)
    {
        var documentation = property.Documentation;
        if (documentation.Summary is null && documentation.Remarks is null)
        {
            writer.WriteLine($"/// <summary>The <c>{Xml(property.JsonName)}</c> member.</summary>");
        }
        else
        {
            WriteDocumentation(writer, documentation.Summary, documentation.Remarks);
        }

        if (documentation.IsDeprecated)
        {
            writer.WriteLine(ObsoleteAttribute);
        }
    }

    /// <summary>Whether a property's .NET type loses the spelling of its value (a date-time's), so the text is kept beside it.</summary>
    private static bool KeepsSpelling(PropertySpec property) => property.Type.Kind == TypeRefKind.DateTime;

    /// <summary>
    /// A member name as UTF-8 bytes: a <c>u8</c> literal, or, for a name that is not well-formed UTF-16 (a lone
    /// surrogate, which no <c>u8</c> literal can hold), its bytes with the surrogate replaced, as the encoder does.
    /// </summary>
    private static string Utf8Name(string name)
    {
        var literal = Utf8Literal(name);
        return literal.EndsWith("u8", System.StringComparison.Ordinal) ? literal : $"global::System.Text.Encoding.UTF8.GetBytes({literal})";
    }

    /// <summary>The type a property's value is read into: the property's own type, but nullable for references.</summary>
    private static string LocalTypeOf(PropertySpec property)
        => TypeNames.Of(property.Type, nullable: property.IsNullable || !property.Type.IsValueType);

    /// <summary>The type argument of the codec that reads a property.</summary>
    private static string ReadTypeOf(PropertySpec property)
        => property.Type.IsValueType ? LocalTypeOf(property) : TypeNames.Of(property.Type, property.AllowsNull);

    /// <summary>
    /// The codec that reads a property: null-accepting when the schema allows null; for an optional
    /// value type that does not allow null, one that lifts the value without accepting null.
    /// </summary>
    private static string ReadCodecOf(PropertySpec property)
    {
        if (property.AllowsNull || !property.Type.IsValueType || !property.IsNullable || property.Type.Kind == TypeRefKind.Any)
        {
            return property.Type.Kind == TypeRefKind.Any && property.IsNullable
                ? $"{TypeNames.Codecs}LiftedCodec<{TypeNames.JsonElement}, {TypeNames.Codecs}ElementCodec>"
                : TypeNames.CodecOf(property.Type, property.AllowsNull);
        }

        return $"{TypeNames.Codecs}LiftedCodec<{TypeNames.Of(property.Type)}, {TypeNames.CodecOf(property.Type, allowsNull: false)}>";
    }

    /// <summary>The interface a model implements: it validates against its schema when it has a validator.</summary>
    private static string CodecInterface(TypeSpec spec)
        => spec.Validator is null ? $"{TypeNames.Codecs}IJsonCodec<{spec.Name}>" : $"{TypeNames.Codecs}ISchemaModel<{spec.Name}>";

    /// <summary>
    /// Whether a record inherits its static entry points (<c>TryParse</c>, <c>Parse</c>, <c>Validate</c>, <c>Write</c>) from the
    /// runtime's <c>SchemaRecord&lt;TSelf&gt;</c>: every record that validates. Structs cannot inherit, and a record
    /// without a validator has no <c>Validate</c> and binds without validating, so both still declare their own.
    /// </summary>
    private static bool InheritsEntryPoints(TypeSpec spec) => spec.Validator is not null;

    /// <summary>What a generated record derives from and implements.</summary>
    private static string RecordBases(TypeSpec spec)
        => InheritsEntryPoints(spec)
            ? $"{TypeNames.Codecs}SchemaRecord<{spec.Name}>, {CodecInterface(spec)}"
            : CodecInterface(spec);

    /// <summary>The modifier of a record's <c>WriteTo</c>: it implements the base's abstract one where there is a base.</summary>
    private static string WriteToModifier(TypeSpec spec) => InheritsEntryPoints(spec) ? "override " : string.Empty;

    private static void WriteParseMethods(SourceWriter writer, TypeSpec spec, bool isValueType)
    {
        var name = spec.Name;
        if (!isValueType && InheritsEntryPoints(spec))
        {
            // TryParse, Parse, Validate and Write are the base record's; what is left is what only this type knows.
            WriteSchemaMembers(writer, spec);
            return;
        }

        var outValue = isValueType ? $"out {name} value" : $"[global::System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out {name}? value";
        var validates = spec.Validator is not null;
        writer.WriteLine(validates
            ? "/// <summary>Validates UTF-8 JSON against the schema and binds it leniently: what the schema rejects is in <paramref name=\"result\"/>, never thrown, and values that do not fit are kept; false only for malformed JSON or a root of the wrong type.</summary>"
            : "/// <summary>Binds UTF-8 JSON leniently: values of the wrong type and missing required members are in <paramref name=\"result\"/>, never thrown; false only for malformed JSON or a root of the wrong type.</summary>");
        writer.WriteLine($"public static bool TryParse(global::System.ReadOnlySpan<byte> utf8Json, {outValue}, out {TypeNames.ValidationResult} result)");
        writer.Indent().WriteLine($"=> {TypeNames.Codecs}JsonModel.{(validates ? "TryParse" : "TryBind")}<{name}>(utf8Json, out value, out result);").Unindent();
        writer.WriteLine();
        writer.WriteLine("/// <summary>Binds a UTF-8 JSON payload leniently, without validating it.</summary>");
        writer.WriteLine("/// <exception cref=\"global::System.FormatException\">The payload is malformed JSON or its root has the wrong type.</exception>");
        writer.WriteLine($"public static {name} Parse(global::System.ReadOnlySpan<byte> utf8Json) => {TypeNames.Codecs}JsonModel.Parse<{name}>(utf8Json);");
        writer.WriteLine();
        if (validates)
        {
            writer.WriteLine("/// <summary>Validates a UTF-8 JSON payload against the schema, without binding it.</summary>");
            writer.WriteLine($"public static {TypeNames.ValidationResult} Validate(global::System.ReadOnlySpan<byte> utf8Json, {TypeNames.ValidationOptions}? options = null)");
            writer.Indent().WriteLine($"=> {TypeNames.Codecs}JsonModel.Validate<{name}>(utf8Json, options);").Unindent();
            writer.WriteLine();
            writer.WriteLine("/// <summary>Validates a parsed JSON value against the schema.</summary>");
            writer.WriteLine($"public static {TypeNames.ValidationResult} Validate(in {TypeNames.JsonElement} instance, {TypeNames.ValidationOptions}? options = null)");
            writer.Indent().WriteLine($"=> {TypeNames.Codecs}JsonModel.Validate<{name}>(instance, options);").Unindent();
            writer.WriteLine();
            WriteSchemaMembers(writer, spec);
        }

        if (!isValueType)
        {
            // An open enum's Write (and TryRead) is IOpenEnum<T>'s.
            writer.WriteLine("/// <inheritdoc/>");
            writer.WriteLine($"public static void Write({TypeNames.Utf8JsonWriter} writer, {name} value) => value.WriteTo(writer);");
            writer.WriteLine();
        }
    }

    /// <summary>The model's schema: its validator, the resource it is in and its reader pass (<c>ISchemaModel&lt;T&gt;</c>).</summary>
    private static void WriteSchemaMembers(SourceWriter writer, TypeSpec spec)
    {
        var name = spec.Name;
        writer.WriteLine($"static global::Hooksmith.Validation.SchemaValidator {TypeNames.Codecs}ISchemaModel<{name}>.Validator => {spec.Validator};");
        writer.WriteLine($"static string {TypeNames.Codecs}ISchemaModel<{name}>.SchemaResource => {Literal(spec.SchemaResource ?? string.Empty)};");
        writer.WriteLine();
        writer.WriteLine("/// <inheritdoc/>");
        writer.WriteLine($"static global::Hooksmith.Validation.StreamSchema {TypeNames.Codecs}ISchemaModel<{name}>.Stream => {spec.Validator}__Stream;");
        writer.WriteLine();
    }

    private static void WriteRecordWriteTo(SourceWriter writer, TypeSpec spec, string bagName)
    {
        writer.WriteLine("/// <summary>Writes this value as a JSON object.</summary>");
        writer.OpenBlock($"public {WriteToModifier(spec)}void WriteTo({TypeNames.Utf8JsonWriter} writer)");
        var spellings = spec.Properties.Any(KeepsSpelling) ? ", Spellings" : string.Empty;
        writer.WriteLine($"var members = {TypeNames.Codecs}ObjectWriter.Start(writer, Presence, {bagName}{spellings});");
        for (var index = 0; index < spec.Properties.Count; index++)
        {
            var property = spec.Properties[index];
            var jsonName = Utf8Name(property.JsonName);
            var isPlainValueType = property.Type.IsValueType && !property.IsNullable;
            var nullable = isPlainValueType ? string.Empty : $", isRequired: {(property.IsRequired ? "true" : "false")}";
            var method = KeepsSpelling(property)
                ? "WriteDateTime"
                : $"Write<{TypeNames.Of(property.Type)}, {TypeNames.CodecOf(property.Type, allowsNull: false)}>";
            writer.WriteLine($"members.{method}({jsonName}, {index}, {property.Name}{nullable});");
        }

        if (spec.AdditionalProperties is { } typed)
        {
            writer.WriteLine($"members.WriteMembers<{TypeNames.Of(typed)}, {TypeNames.CodecOf(typed, allowsNull: false)}>(AdditionalProperties);");
        }

        writer.WriteLine("members.End();");
        writer.CloseBlock();
        writer.WriteLine();
    }

    /// <summary>
    /// The static field holding a record's member names for <c>TryRead</c>. Lower case and with an underscore, it
    /// cannot be a property's name (those are PascalCase).
    /// </summary>
    private const string MemberNamesField = "s_memberNames";

    private const string NameSetType = "global::Hooksmith.Validation.PropertyNameSet";

    private static void WriteRecordTryRead(SourceWriter writer, TypeSpec spec, string bagName)
    {
        var name = spec.Name;
        if (spec.Properties.Count > 0)
        {
            writer.WriteLine("/// <summary>The JSON names of the members, numbered as TryRead numbers them; made on first use.</summary>");
            writer.WriteLine($"private static {NameSetType}? {MemberNamesField};");
            writer.WriteLine();
        }

        writer.WriteLine("/// <inheritdoc/>");
        writer.OpenBlock($"public static bool TryRead(ref {TypeNames.Utf8JsonReader} reader, {TypeNames.BindingContext} context, [global::System.Diagnostics.CodeAnalysis.MaybeNullWhen(false)] out {name} value)");
        var locals = LocalNames(spec.Properties.Select(p => p.Name), MethodNames);
        for (var index = 0; index < spec.Properties.Count; index++)
        {
            writer.WriteLine($"{LocalTypeOf(spec.Properties[index])} {locals[index]} = default;");
        }

        if (spec.AdditionalProperties is { } typed)
        {
            writer.WriteLine($"global::System.Collections.Generic.Dictionary<string, {TypeNames.Of(typed)}>? additional = null;");
        }

        writer.WriteLine($"var members = {TypeNames.Codecs}ObjectReader.Start(ref reader, context); // reports a value that is not an object");
        var unknown = spec.AdditionalProperties is { } additionalType
            ? $"members.ReadAdditional<{TypeNames.Of(additionalType)}, {TypeNames.CodecOf(additionalType, allowsNull: false)}>(ref reader, context, ref additional);"
            : "members.KeepUnknown(ref reader, context);";
        if (spec.Properties.Count == 0)
        {
            writer.OpenBlock("while (members.NextMember(ref reader, context))");
            writer.WriteLine(unknown);
        }
        else
        {
            // One lookup per member name (by length, then bytes) instead of a comparison with every listed name.
            var names = string.Join(", ", spec.Properties.Select(p => Literal(p.JsonName)));
            writer.WriteLine($"var names = {MemberNamesField} ??= new {NameSetType}({names});");
            writer.OpenBlock("while (members.NextMember(ref reader, context, names, out var member))");
            writer.OpenBlock("switch (member)");
            for (var index = 0; index < spec.Properties.Count; index++)
            {
                var property = spec.Properties[index];
                var read = KeepsSpelling(property) ? "ReadDateTimeMember" : "ReadMember";
                writer.WriteLine($"case {index}: members.{read}<{ReadTypeOf(property)}, {ReadCodecOf(property)}>(ref reader, context, {index}, {Literal(property.JsonName)}, out {locals[index]}); break;");
            }

            writer.WriteLine($"default: {unknown} break;");
            writer.CloseBlock();
        }

        writer.CloseBlock();
        writer.WriteLine();
        for (var index = 0; index < spec.Properties.Count; index++)
        {
            var property = spec.Properties[index];
            if (property.IsRequired)
            {
                writer.WriteLine($"members.RequireMember(context, {index}, {Literal(property.JsonName)});");
            }
        }

        writer.WriteLine($"value = members.Failed ? null : new {name} // failed: not an object, or a member name that cannot be decoded (reported; the holder keeps it raw)");
        writer.OpenBlock();
        for (var index = 0; index < spec.Properties.Count; index++)
        {
            var property = spec.Properties[index];
            var local = locals[index];
            var assigned = !property.IsNullable && !property.Type.IsValueType ? local + "!" : local;
            writer.WriteLine($"{property.Name} = {assigned},");
        }

        if (spec.AdditionalProperties is not null)
        {
            writer.WriteLine($"AdditionalProperties = additional is null || additional.Count == 0 ? null : new {TypeNames.Codecs}JsonMap<{TypeNames.Of(spec.AdditionalProperties)}>(additional),");
        }

        writer.WriteLine($"{bagName} = members.Unbound,");
        writer.WriteLine("Presence = members.Presence,");
        if (spec.Properties.Any(KeepsSpelling))
        {
            writer.WriteLine("Spellings = members.Spellings,");
        }

        writer.CloseBlock("};");
        writer.WriteLine("return value is not null;");
        writer.CloseBlock();
        writer.WriteLine();
    }

    /// <summary>How many members a record's hash code combines (<see cref="System.HashCode"/> takes eight at most).</summary>
    private const int HashedMembers = 8;

    /// <summary>
    /// A record's hash code: the members that hash by value without walking anything (not lists, maps or
    /// raw JSON), up to eight. Equal values still hash alike, since it hashes a part of what Equals compares;
    /// a record with no such member hashes its first member, or its kept raw members.
    /// </summary>
    private static string HashOf(TypeSpec spec, string bagName)
    {
        var cheap = spec.Properties
            .Where(p => p.Type.Kind is not (TypeRefKind.List or TypeRefKind.Map or TypeRefKind.Any))
            .Take(HashedMembers)
            .Select(p => p.Name)
            .ToList();
        if (cheap.Count > 0)
        {
            return $"global::System.HashCode.Combine({string.Join(", ", cheap)})";
        }

        return spec.Properties.Count > 0
            ? TypeNames.HashOf(spec.Properties[0].Type, spec.Properties[0].Name)
            : $"{TypeNames.Codecs}StructuralEquality.MapHashCode({bagName})";
    }

    private static void WriteRecordEquality(SourceWriter writer, TypeSpec spec, string bagName)
    {
        var name = spec.Name;
        var comparisons = spec.Properties
            .Select(p => TypeNames.EqualityOf(p.Type, p.Name, "other." + p.Name))
            .ToList();
        if (spec.AdditionalProperties is not null)
        {
            comparisons.Add($"{TypeNames.Codecs}StructuralEquality.MapEquals(AdditionalProperties, other.AdditionalProperties)");
        }

        comparisons.Add($"{TypeNames.Codecs}StructuralEquality.MapEquals({bagName}, other.{bagName})");

        writer.WriteLine("/// <summary>Compares by value: lists and maps by their content, raw JSON by JSON equality.</summary>");
        writer.WriteLine($"public bool Equals({name}? other) => other is not null");
        writer.Indent();
        foreach (var comparison in comparisons)
        {
            writer.WriteLine("&& " + comparison + (comparison == comparisons[comparisons.Count - 1] ? ";" : string.Empty));
        }

        writer.Unindent();
        writer.WriteLine();
        writer.WriteLine("/// <summary>Combines up to eight members that hash without walking a list, map or raw JSON: equal values hash alike.</summary>");
        writer.WriteLine($"public override int GetHashCode() => {HashOf(spec, bagName)};");
    }
}
