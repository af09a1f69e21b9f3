namespace Hooksmith.Validation;

/// <summary>How much a validation run looks for.</summary>
public enum ValidationMode
{
    /// <summary>Every failure, each with its locations and a message.</summary>
    Full,

    /// <summary>
    /// Stops at the first failure and reports only it. A valid payload costs no allocation beyond the
    /// parsed document.
    /// </summary>
    FirstFailure,
}

/// <summary>Options for one validation run.</summary>
public sealed record ValidationOptions
{
    /// <summary>Full mode, formats as the schema's dialect says.</summary>
    public static ValidationOptions Default { get; } = new();

    /// <summary>Stop at the first failure, formats as the schema's dialect says.</summary>
    public static ValidationOptions FirstFailure { get; } = new() { Mode = ValidationMode.FirstFailure };

    /// <summary>Whether to list every failure or stop at the first.</summary>
    public ValidationMode Mode { get; init; } = ValidationMode.Full;

    /// <summary>
    /// Whether <c>format</c> is an assertion (a string that is not a valid <c>date-time</c> fails) or
    /// only an annotation. Null leaves it to the schema: 2019-09 and 2020-12 treat <c>format</c> as an
    /// annotation unless the meta-schema asks for the format-assertion vocabulary; draft-04 to draft-07
    /// as an annotation too, as the JSON-Schema-Test-Suite expects of them.
    /// </summary>
    public bool? AssertFormats { get; init; }
}
