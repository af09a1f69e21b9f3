using System.ComponentModel;

namespace Hooksmith.Validation;

/// <summary>What a reader pass over a payload concluded (<see cref="StreamSchema.Evaluate"/>).</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public enum StreamVerdict
{
    /// <summary>The pass met something it leaves to the document validators (a keyword that needs random access, text to repair, a repeated name): they decide.</summary>
    Undecided = 0,

    /// <summary>The payload is valid: the document validators would report nothing.</summary>
    Valid = 1,

    /// <summary>The payload is invalid: the document validators say how (the pass keeps no errors).</summary>
    Invalid = 2,
}
