using System.Text.Json;
using Hooksmith.Serialization;
using Hooksmith.Validation;

namespace Hooksmith.Fuzz;

/// <summary>
/// A generated model: <c>TryParse</c> (formats annotated and asserted), <c>Validate</c> in both modes (bytes
/// and element), and for a value that binds, <c>WriteTo</c>, <c>Equals</c> and <c>GetHashCode</c> — and what
/// it writes must parse again to an equal value.
/// </summary>
internal sealed class ModelTarget<T> : FuzzTarget
    where T : ISchemaModel<T>
{
    private static readonly ValidationOptions AssertFormats = new() { AssertFormats = true };
    private static readonly ValidationOptions FirstFailureWithFormats = new() { AssertFormats = true, Mode = ValidationMode.FirstFailure };

    public override string Name => typeof(T).Name;

    public override void Exercise(byte[] input)
    {
        _ = JsonModel.Validate<T>(input);
        _ = JsonModel.Validate<T>(input, ValidationOptions.FirstFailure);
        _ = JsonModel.Validate<T>(input, FirstFailureWithFormats);
        ValidateElement(input);
        _ = JsonModel.TryParse<T>(input, AssertFormats, out _, out _);
        if (!JsonModel.TryParse<T>(input, out var value, out _))
        {
            return;
        }

        var written = JsonModel.ToUtf8Bytes(value);
        _ = JsonModel.ToJsonString(value, indented: true);
        _ = value.GetHashCode();
        if (!value.Equals(value))
        {
            throw new FuzzInvariantException("a value does not equal itself");
        }

        if (!JsonModel.TryParse<T>(written, out var again, out _))
        {
            throw new FuzzInvariantException("what a parsed value writes does not parse again");
        }

        if (!value.Equals(again) || value.GetHashCode() != again.GetHashCode())
        {
            throw new FuzzInvariantException("what a parsed value writes parses to another value");
        }
    }

    private static void ValidateElement(byte[] input)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(input);
        }
        catch (JsonException)
        {
            return; // not JSON: the bytes entry points report it, and there is no element to validate
        }

        using (document)
        {
            _ = JsonModel.Validate<T>(document.RootElement);
            _ = JsonModel.Validate<T>(document.RootElement, FirstFailureWithFormats);
        }
    }
}
