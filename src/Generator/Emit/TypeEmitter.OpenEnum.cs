using System.Linq;
using Hooksmith.Generator.Planning;

namespace Hooksmith.Generator.Emit;

internal static partial class TypeEmitter
{
    /// <summary>
    /// A string enum as an open struct: known values as static members and a C# enum for switches,
    /// while any other string still binds (validation, not binding, reports it).
    /// </summary>
    private static void EmitOpenEnum(SourceWriter writer, TypeSpec spec)
    {
        var name = spec.Name;
        WriteTypeDocumentation(writer, spec);
        writer.WriteLine("/// <remarks>An open enum: values the schema does not list still bind, with <see cref=\"IsKnown\"/> false.</remarks>");
        WriteTypeAttributes(writer, spec);
        // IOpenEnum<T> reads and writes the value (IJsonCodec<T>) and is IEquatable<T>; the struct gives it the constructor.
        var openEnum = $"{TypeNames.Codecs}IOpenEnum<{name}>";
        var interfaces = spec.Validator is null ? openEnum : $"{CodecInterface(spec)}, {openEnum}";
        writer.OpenBlock($"public readonly partial struct {name} : {interfaces}");
        writer.WriteLine("private readonly string? _value;");
        writer.WriteLine();
        writer.WriteLine("/// <summary>Wraps a value, known or not.</summary>");
        writer.WriteLine($"public {name}(string value) => _value = value ?? throw new global::System.ArgumentNullException(nameof(value));");
        writer.WriteLine();
        writer.WriteLine($"static {name} {openEnum}.FromValue(string value) => new(value);");
        writer.WriteLine();
        foreach (var member in spec.EnumMembers)
        {
            writer.WriteLine($"/// <summary>The value <c>{Xml(member.Value)}</c>.</summary>");
            writer.WriteLine($"public static {name} {member.Name} {{ get; }} = new({Literal(member.Value)});");
        }

        writer.WriteLine();

        writer.WriteLine("/// <summary>The values the schema lists, in its order.</summary>");
        WriteKnownValues(writer, spec);
        writer.WriteLine();
        writer.WriteLine("/// <summary>The value as it appears in JSON.</summary>");
        writer.WriteLine("public string Value => _value ?? string.Empty;");
        writer.WriteLine();
        writer.WriteLine("/// <summary>True when the value is one the schema lists.</summary>");
        writer.WriteLine("public bool IsKnown => Kind != Known.Unknown;");
        writer.WriteLine();
        writer.WriteLine("/// <summary>The value as a C# enum, for <c>switch</c>: the member at the value's place in <see cref=\"KnownValues\"/>, <see cref=\"Known.Unknown\"/> for values the schema does not list.</summary>");
        // The members of Known follow KnownValues, so the runtime finds the member by the value's position there.
        writer.WriteLine($"public Known Kind => (Known){TypeNames.Codecs}OpenEnum.KindOf<{name}>(Value);");
        writer.WriteLine();
        writer.WriteLine("/// <summary>The values the schema lists, as a C# enum.</summary>");
        writer.OpenBlock("public enum Known");
        writer.WriteLine("/// <summary>A value the schema does not list.</summary>");
        writer.WriteLine("Unknown = 0,");
        foreach (var member in spec.EnumMembers)
        {
            writer.WriteLine($"/// <summary>The value <c>{Xml(member.Value)}</c>.</summary>");
            writer.WriteLine(member.Name + ",");
        }

        writer.CloseBlock();
        writer.WriteLine();
        WriteParseMethods(writer, spec, isValueType: true);
        writer.WriteLine("/// <summary>Writes this value as a JSON string.</summary>");
        writer.WriteLine($"public void WriteTo({TypeNames.Utf8JsonWriter} writer) => writer.WriteStringValue(Value);");
        writer.WriteLine();
        writer.WriteLine("/// <inheritdoc/>");
        writer.WriteLine($"public bool Equals({name} other) => string.Equals(Value, other.Value, global::System.StringComparison.Ordinal);");
        writer.WriteLine("/// <inheritdoc/>");
        writer.WriteLine($"public override bool Equals(object? obj) => obj is {name} other && Equals(other);");
        writer.WriteLine("/// <inheritdoc/>");
        writer.WriteLine("public override int GetHashCode() => global::System.StringComparer.Ordinal.GetHashCode(Value);");
        writer.WriteLine("/// <inheritdoc/>");
        writer.WriteLine("public override string ToString() => Value;");
        writer.WriteLine("/// <summary>Compares two values ordinally.</summary>");
        writer.WriteLine($"public static bool operator ==({name} left, {name} right) => left.Equals(right);");
        writer.WriteLine("/// <summary>Compares two values ordinally.</summary>");
        writer.WriteLine($"public static bool operator !=({name} left, {name} right) => !left.Equals(right);");
        writer.CloseBlock();
    }

    /// <summary>The known values as an array, a line of them at a time so that a long list still reads.</summary>
    private static void WriteKnownValues(SourceWriter writer, TypeSpec spec)
    {
        var name = spec.Name;
        var head = $"public static global::System.Collections.Generic.IReadOnlyList<{name}> KnownValues {{ get; }} = new {name}[]";
        var names = spec.EnumMembers.Select(member => member.Name).ToList();
        if (names.Count <= ValuesOnOneLine)
        {
            writer.WriteLine($"{head} {{ {string.Join(", ", names)} }};");
            return;
        }

        writer.WriteLine(head);
        writer.OpenBlock();
        for (var start = 0; start < names.Count; start += ValuesOnOneLine)
        {
            writer.WriteLine(string.Join(", ", names.Skip(start).Take(ValuesOnOneLine)) + ",");
        }

        writer.CloseBlock("};");
    }

    /// <summary>How many known values a line of <c>KnownValues</c> holds.</summary>
    private const int ValuesOnOneLine = 6;
}
