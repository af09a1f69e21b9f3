using System.Collections.Generic;

namespace Hooksmith.Generator.Drift;

/// <summary>One change a receiver should know about.</summary>
/// <param name="Kind">What kind of change it is.</param>
/// <param name="Severity">How much it matters, after a team's overrides.</param>
/// <param name="OldPointer">Where it was in the old schemas (null for an addition).</param>
/// <param name="NewPointer">Where it is in the new schemas (null for a removal).</param>
/// <param name="Location">The file, line and column: in the new file, or in the old one for a removal when there is one.</param>
/// <param name="Events">The events whose payload reaches it, sorted.</param>
/// <param name="CSharp">The generated type or member it touches (<c>OrderStatus.Kind</c>, <c>Order.Status</c>).</param>
/// <param name="Message">A plain sentence saying what changed and what it means.</param>
internal sealed record DriftChange(
    DriftKind Kind,
    DriftSeverity Severity,
    string? OldPointer,
    string? NewPointer,
    SurfaceLocation? Location,
    IReadOnlyList<string> Events,
    string? CSharp,
    string Message);

/// <summary>What the comparer found, most severe first.</summary>
internal sealed record DriftReport(IReadOnlyList<DriftChange> Changes)
{
    public int Count(DriftSeverity severity)
    {
        var count = 0;
        foreach (var change in Changes)
        {
            if (change.Severity == severity)
            {
                count++;
            }
        }

        return count;
    }

    /// <summary>True when a change at or above <paramref name="threshold"/> exists (never for <see cref="DriftSeverity.None"/>).</summary>
    public bool HasAtLeast(DriftSeverity threshold)
    {
        if (threshold == DriftSeverity.None)
        {
            return false;
        }

        foreach (var change in Changes)
        {
            if (change.Severity >= threshold)
            {
                return true;
            }
        }

        return false;
    }
}

/// <summary>How to compare.</summary>
/// <param name="Severities">The severity of each kind.</param>
/// <param name="IncludeDocs">Report changes to <c>title</c>, <c>description</c> and examples.</param>
internal sealed record DriftOptions(SeverityTable Severities, bool IncludeDocs)
{
    public static DriftOptions Default { get; } = new(SeverityTable.Default, false);
}
