using System;
using System.Collections.Generic;
using System.Linq;

namespace Hooksmith.Validation;

/// <summary>The outcome of checking a payload: valid, or the list of everything that is wrong with it.</summary>
public sealed class ValidationResult
{
    private static readonly ValidationError[] NoErrors = [];

    private ValidationResult(IReadOnlyList<ValidationError> errors) => Errors = errors;

    /// <summary>A result with no errors. Shared, so a valid payload costs no allocation.</summary>
    public static ValidationResult Valid { get; } = new(NoErrors);

    /// <summary>True when the payload has no errors.</summary>
    public bool IsValid => Errors.Count == 0;

    /// <summary>Every error found, in document order of discovery.</summary>
    public IReadOnlyList<ValidationError> Errors { get; }

    /// <summary>Creates a result from the given errors (valid when there are none).</summary>
    public static ValidationResult FromErrors(IEnumerable<ValidationError> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        var list = errors.ToArray();
        return list.Length == 0 ? Valid : new ValidationResult(list);
    }

    /// <inheritdoc/>
    public override string ToString()
        => IsValid ? "valid" : $"invalid ({Errors.Count} error{(Errors.Count == 1 ? "" : "s")}): " + string.Join("; ", Errors);
}
