namespace Hooksmith.Generator.Drift;

/// <summary>How much a change matters to a receiver, lowest first.</summary>
internal enum DriftSeverity
{
    /// <summary>Not reported (a team turned the kind off).</summary>
    None = 0,

    /// <summary>The provider promises more, or sends less of what was already handled.</summary>
    Info = 1,

    /// <summary>The code still compiles and binds, but meets what it never handled.</summary>
    Warning = 2,

    /// <summary>Generated members vanish or change type, or code meets a value it could never get before.</summary>
    Breaking = 3,
}
