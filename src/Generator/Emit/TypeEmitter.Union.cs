using System.Linq;
using Hooksmith.Generator.Planning;

namespace Hooksmith.Generator.Emit;

internal static partial class TypeEmitter
{
    /// <summary>
    /// oneOf/anyOf as a type that keeps the value as it came and reads it as each variant on request;
    /// a discriminating property (a <c>const</c> in the variant) is checked before binding.
    /// </summary>
    private static void EmitUnion(SourceWriter writer, TypeSpec spec)
    {
        var name = spec.Name;
        WriteTypeDocumentation(writer, spec);
        WriteTypeAttributes(writer, spec);
        writer.OpenBlock($"public sealed partial record {name} : {RecordBases(spec)}");
        writer.WriteLine("/// <summary>Wraps a JSON value; it is read as a variant on request.</summary>");
        writer.WriteLine($"public {name}({TypeNames.JsonElement} value) => Value = value;");
        writer.WriteLine();
        writer.WriteLine("/// <summary>The value as it came.</summary>");
        writer.WriteLine($"public {TypeNames.JsonElement} Value {{ get; }}");
        writer.WriteLine();
        foreach (var variant in spec.Variants)
        {
            var type = TypeNames.Of(variant.Type);
            var outType = variant.Type.IsValueType ? type : type + "?";
            var notNull = variant.Type.IsValueType ? string.Empty : "[global::System.Diagnostics.CodeAnalysis.NotNullWhen(true)] ";
            var discriminator = variant.DiscriminatorProperty is null
                ? "null, null"
                : $"{Literal(variant.DiscriminatorProperty)}, {Literal(variant.DiscriminatorValue!)}";
            writer.WriteLine(variant.DiscriminatorProperty is null
                ? $"/// <summary>Reads the value as this variant when it has the variant's shape.</summary>"
                : $"/// <summary>Reads the value as this variant when its <c>{Xml(variant.DiscriminatorProperty)}</c> is <c>{Xml(variant.DiscriminatorValue!)}</c>.</summary>");
            writer.WriteLine($"public bool TryGet{variant.Name.TrimStart('@')}({notNull}out {outType} value)");
            writer.Indent().WriteLine($"=> {TypeNames.Codecs}UnionReader.TryRead<{type}, {TypeNames.CodecOf(variant.Type, allowsNull: false)}>(Value, {discriminator}, out value);").Unindent();
            writer.WriteLine();
        }

        WriteChoice(writer, spec);

        // Parameters are named after the variants; they must not clash with the method's own names.
        var reserved = new[] { "otherwise", "TResult" }.Concat(Enumerable.Range(1, spec.Variants.Count).Select(i => "variant" + i.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        var locals = LocalNames(spec.Variants.Select(v => v.Name), reserved);
        writer.WriteLine("/// <summary>Calls the function for the variant the value is (see <see cref=\"Choice\"/>), or <paramref name=\"otherwise\"/> when it is none.</summary>");
        var parameters = spec.Variants.Select((v, i) => $"global::System.Func<{TypeNames.Of(v.Type)}, TResult> {locals[i]}").ToList();
        parameters.Add($"global::System.Func<{TypeNames.JsonElement}, TResult> otherwise");
        writer.OpenBlock($"public TResult Match<TResult>({string.Join(", ", parameters)})");
        writer.OpenBlock("switch (Choice.Index)");
        var position = 0;
        foreach (var variant in spec.Variants)
        {
            position++;
            writer.WriteLine($"case {Index(position - 1)} when {ReadChosen(variant, position)}:");
            writer.Indent().WriteLine($"return {locals[position - 1]}(variant{position});").Unindent();
        }

        writer.CloseBlock();
        writer.WriteLine();
        writer.WriteLine("return otherwise(Value);");
        writer.CloseBlock();
        writer.WriteLine();
        writer.WriteLine("/// <summary>Calls the action for the variant the value is (see <see cref=\"Choice\"/>), or <paramref name=\"otherwise\"/> when it is none.</summary>");
        var actions = spec.Variants.Select((v, i) => $"global::System.Action<{TypeNames.Of(v.Type)}> {locals[i]}").ToList();
        actions.Add($"global::System.Action<{TypeNames.JsonElement}> otherwise");
        writer.OpenBlock($"public void Switch({string.Join(", ", actions)})");
        writer.OpenBlock("switch (Choice.Index)");
        position = 0;
        foreach (var variant in spec.Variants)
        {
            position++;
            writer.WriteLine($"case {Index(position - 1)} when {ReadChosen(variant, position)}:");
            writer.Indent().WriteLine($"{locals[position - 1]}(variant{position});");
            writer.WriteLine("return;").Unindent();
        }

        writer.CloseBlock();
        writer.WriteLine();
        writer.WriteLine("otherwise(Value);");
        writer.CloseBlock();
        writer.WriteLine();
        WriteParseMethods(writer, spec, isValueType: false);
        writer.WriteLine("/// <summary>Writes the value as it came.</summary>");
        writer.WriteLine($"public {WriteToModifier(spec)}void WriteTo({TypeNames.Utf8JsonWriter} writer) => {TypeNames.Codecs}ElementCodec.Write(writer, Value);");
        writer.WriteLine();
        writer.WriteLine("/// <inheritdoc/>");
        writer.OpenBlock($"public static bool TryRead(ref {TypeNames.Utf8JsonReader} reader, {TypeNames.BindingContext} context, [global::System.Diagnostics.CodeAnalysis.MaybeNullWhen(false)] out {name} value)");
        writer.WriteLine($"value = new {name}({TypeNames.JsonElement}.ParseValue(ref reader));");
        writer.WriteLine("return true;");
        writer.CloseBlock();
        writer.WriteLine();
        WriteValueEquality(writer, name, TypeRef.Any);
        writer.CloseBlock();
    }

    /// <summary>
    /// The variant the value is: the one its discriminator names; else, as the schema says, the one whose branch
    /// accepts it (several or none make the choice ambiguous, and it falls to the first that accepts, then to
    /// the first the value binds to without a problem, then at all). Not the first that binds: with open enums, most do.
    /// </summary>
    private static void WriteChoice(SourceWriter writer, TypeSpec spec)
    {
        const string Choice = "global::Hooksmith.Serialization.UnionChoice";
        const string Kind = "global::Hooksmith.Serialization.UnionChoiceKind";
        writer.WriteLine("/// <summary>");
        writer.WriteLine("/// Which variant the value is (its position in the schema) and how that was decided: by a discriminating");
        writer.WriteLine("/// property, else by which variant's schema accepts the value. <see cref=\"global::Hooksmith.Serialization.UnionChoice.IsAmbiguous\"/>");
        writer.WriteLine("/// says when several or none do; <see cref=\"Value\"/> keeps the value as it came either way.");
        writer.WriteLine("/// </summary>");
        writer.OpenBlock($"public {Choice} Choice");
        writer.OpenBlock("get");
        var index = 0;
        foreach (var variant in spec.Variants)
        {
            if (variant.DiscriminatorProperty is not null)
            {
                writer.OpenBlock($"if ({TypeNames.Codecs}UnionReader.HasDiscriminator(Value, {Literal(variant.DiscriminatorProperty)}, {Literal(variant.DiscriminatorValue!)}))");
                writer.WriteLine($"return new {Choice}({Index(index)}, {Kind}.Discriminated);");
                writer.CloseBlock();
                writer.WriteLine();
            }

            index++;
        }

        var undiscriminated = spec.Variants.Select((v, i) => (Variant: v, Index: i)).Where(v => v.Variant.DiscriminatorProperty is null).ToList();
        if (undiscriminated.Count > 0)
        {
            writer.WriteLine("var first = -1;");
            writer.WriteLine("var accepted = 0;");
            foreach (var (variant, i) in undiscriminated)
            {
                var accepts = variant.Validator is null
                    ? $"{TypeNames.Codecs}UnionReader.BindsCleanly<{TypeNames.Of(variant.Type)}, {TypeNames.CodecOf(variant.Type, allowsNull: false)}>(Value)"
                    : $"{TypeNames.Codecs}UnionReader.Accepts(Value, {variant.Validator}, {Literal(variant.ValidatorResource ?? string.Empty)})";
                writer.OpenBlock($"if ({accepts})");
                writer.WriteLine($"first = first < 0 ? {Index(i)} : first;");
                writer.WriteLine("accepted++;");
                writer.CloseBlock();
                writer.WriteLine();
            }

            writer.OpenBlock("if (accepted > 0)");
            writer.WriteLine($"return new {Choice}(first, accepted == 1 ? {Kind}.OnlyValid : {Kind}.SeveralValid);");
            writer.CloseBlock();
            writer.WriteLine();
        }

        // No schema accepts the value: the first variant it binds to without a problem, else at all. When
        // every variant has a discriminator, a value that names none of them is none of them.
        var fallbacks = undiscriminated.Count == 0 ? [] : new[] { "BindsCleanly", "BindsLeniently" };
        foreach (var binds in fallbacks)
        {
            index = 0;
            foreach (var variant in spec.Variants)
            {
                writer.OpenBlock($"if ({TypeNames.Codecs}UnionReader.{binds}<{TypeNames.Of(variant.Type)}, {TypeNames.CodecOf(variant.Type, allowsNull: false)}>(Value))");
                writer.WriteLine($"return new {Choice}({Index(index)}, {Kind}.NoneValid);");
                writer.CloseBlock();
                writer.WriteLine();
                index++;
            }
        }

        writer.WriteLine($"return {Choice}.None;");
        writer.CloseBlock();
        writer.CloseBlock();
        writer.WriteLine();
    }

    private static string ReadChosen(VariantSpec variant, int position)
        => $"{TypeNames.Codecs}UnionReader.TryReadChosen<{TypeNames.Of(variant.Type)}, {TypeNames.CodecOf(variant.Type, allowsNull: false)}>(Value, out var variant{position})";

    private static string Index(int index) => index.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>A named schema with no object shape: a record around its value.</summary>
    private static void EmitWrapper(SourceWriter writer, TypeSpec spec)
    {
        var name = spec.Name;
        var wrapped = spec.WrappedType ?? TypeRef.Any;
        var type = TypeNames.Of(wrapped);
        var codec = TypeNames.CodecOf(wrapped, allowsNull: false);
        WriteTypeDocumentation(writer, spec);
        WriteTypeAttributes(writer, spec);
        writer.OpenBlock($"public sealed partial record {name} : {RecordBases(spec)}");
        writer.WriteLine("/// <summary>Wraps a value.</summary>");
        writer.WriteLine($"public {name}({type} value) => Value = value;");
        writer.WriteLine();
        writer.WriteLine("/// <summary>The value.</summary>");
        writer.WriteLine($"public {type} Value {{ get; }}");
        writer.WriteLine();
        WriteParseMethods(writer, spec, isValueType: false);
        writer.WriteLine("/// <summary>Writes the value as JSON.</summary>");
        writer.WriteLine($"public {WriteToModifier(spec)}void WriteTo({TypeNames.Utf8JsonWriter} writer) => {codec}.Write(writer, Value);");
        writer.WriteLine();
        writer.WriteLine("/// <inheritdoc/>");
        writer.OpenBlock($"public static bool TryRead(ref {TypeNames.Utf8JsonReader} reader, {TypeNames.BindingContext} context, [global::System.Diagnostics.CodeAnalysis.MaybeNullWhen(false)] out {name} value)");
        writer.OpenBlock($"if ({codec}.TryRead(ref reader, context, out var inner))");
        writer.WriteLine($"value = new {name}(inner);");
        writer.WriteLine("return true;");
        writer.CloseBlock();
        writer.WriteLine();
        writer.WriteLine("value = null;");
        writer.WriteLine("return false;");
        writer.CloseBlock();
        writer.WriteLine();
        WriteValueEquality(writer, name, wrapped);
        writer.CloseBlock();
    }

    private static void WriteValueEquality(SourceWriter writer, string name, TypeRef valueType)
    {
        writer.WriteLine("/// <summary>Compares by value.</summary>");
        writer.WriteLine($"public bool Equals({name}? other) => other is not null && {TypeNames.EqualityOf(valueType, "Value", "other.Value")};");
        writer.WriteLine();
        writer.WriteLine("/// <inheritdoc/>");
        var hash = valueType.Kind is TypeRefKind.List or TypeRefKind.Map or TypeRefKind.Any
            ? TypeNames.HashOf(valueType, "Value")
            : "global::System.Collections.Generic.EqualityComparer<" + TypeNames.Of(valueType) + ">.Default.GetHashCode(Value)";
        writer.WriteLine($"public override int GetHashCode() => {hash};");
    }
}
