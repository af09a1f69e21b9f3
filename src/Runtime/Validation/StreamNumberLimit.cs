using System.ComponentModel;

namespace Hooksmith.Validation;

/// <summary>A number limit: the literal as written, which side it bounds, and whether the bound itself is excluded.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class StreamNumberLimit(string literal, bool isMinimum, bool isExclusive)
{
    /// <summary>The limit.</summary>
    internal JsonNumber Limit { get; } = JsonNumber.Parse(literal);

    /// <summary>A lower bound (<c>minimum</c>, <c>exclusiveMinimum</c>).</summary>
    internal bool IsMinimum { get; } = isMinimum;

    /// <summary>The bound itself is excluded.</summary>
    internal bool IsExclusive { get; } = isExclusive;
}
