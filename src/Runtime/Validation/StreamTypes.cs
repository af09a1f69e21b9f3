using System;
using System.ComponentModel;

namespace Hooksmith.Validation;

/// <summary>The JSON types a <see cref="StreamSchema"/>'s <c>type</c> keyword allows; none set means the keyword is absent.</summary>
[Flags]
[EditorBrowsable(EditorBrowsableState.Never)]
public enum StreamTypes
{
    /// <summary>No <c>type</c> keyword: every type is allowed.</summary>
    Any = 0,

    /// <summary><c>null</c>.</summary>
    Null = 1,

    /// <summary><c>boolean</c>.</summary>
    Boolean = 2,

    /// <summary><c>object</c>.</summary>
    Object = 4,

    /// <summary><c>array</c>.</summary>
    Array = 8,

    /// <summary><c>number</c> (integers included).</summary>
    Number = 16,

    /// <summary><c>string</c>.</summary>
    String = 32,

    /// <summary><c>integer</c>: a number with no fractional part, whatever its notation.</summary>
    Integer = 64,
}
