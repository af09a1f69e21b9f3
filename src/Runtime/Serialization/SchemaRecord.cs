using System;
using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using Hooksmith.Validation;

namespace Hooksmith.Serialization;

/// <summary>
/// The base of every generated record that has a schema to validate against (object models, unions,
/// wrappers): it holds their static entry points once, so that <c>CustomerOrderUpdated.TryParse(bytes, out var
/// order, out var result)</c> calls the method here with <typeparamref name="TSelf"/> as the model.
/// </summary>
/// <remarks>
/// It declares no instance state: equality, hashing, <c>ToString</c> and <c>with</c> are the generated record's
/// (its <c>EqualityContract</c> is its own type, so values of two generated types are never equal).
/// </remarks>
/// <typeparam name="TSelf">The generated record.</typeparam>
[SuppressMessage(
    "Design",
    "CA1000:Do not declare static members on generic types",
    Justification = "Called through the generated type (Order.Parse(bytes)), where the type argument is implied: these are the generated API's entry points, held once instead of in every model.")]
public abstract record SchemaRecord<TSelf>
    where TSelf : SchemaRecord<TSelf>, ISchemaModel<TSelf>
{
    /// <summary>Validates UTF-8 JSON against the schema and binds it leniently: what the schema rejects is in <paramref name="result"/>, never thrown, and values that do not fit are kept; false only for malformed JSON or a root of the wrong type.</summary>
    public static bool TryParse(ReadOnlySpan<byte> utf8Json, [NotNullWhen(true)] out TSelf? value, out ValidationResult result)
        => JsonModel.TryParse<TSelf>(utf8Json, out value, out result);

    /// <summary>Binds a UTF-8 JSON payload leniently, without validating it.</summary>
    /// <exception cref="FormatException">The payload is malformed JSON or its root has the wrong type.</exception>
    public static TSelf Parse(ReadOnlySpan<byte> utf8Json) => JsonModel.Parse<TSelf>(utf8Json);

    /// <summary>Validates a UTF-8 JSON payload against the schema, without binding it.</summary>
    public static ValidationResult Validate(ReadOnlySpan<byte> utf8Json, ValidationOptions? options = null)
        => JsonModel.Validate<TSelf>(utf8Json, options);

    /// <summary>Validates a parsed JSON value against the schema.</summary>
    public static ValidationResult Validate(in JsonElement instance, ValidationOptions? options = null)
        => JsonModel.Validate<TSelf>(instance, options);

    /// <summary>Writes <paramref name="value"/> as JSON (its <see cref="WriteTo(Utf8JsonWriter)"/>).</summary>
    public static void Write(Utf8JsonWriter writer, TSelf value) => value.WriteTo(writer);

    /// <summary>Writes this value as JSON.</summary>
    public abstract void WriteTo(Utf8JsonWriter writer);
}
