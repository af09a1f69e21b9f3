using System;
using System.Collections.Generic;

namespace Hooksmith.Generator.Drift;

/// <summary>
/// The severity of each kind: the defaults of <see cref="DriftKind"/> with a team's overrides
/// (<c>--severity KIND=LEVEL</c>, <c>hooksmith.json</c>).
/// </summary>
internal sealed class SeverityTable
{
    private readonly Dictionary<string, DriftSeverity> _overrides = new(StringComparer.Ordinal);

    /// <summary>The defaults, with no overrides.</summary>
    public static SeverityTable Default => new();

    /// <summary>The severity of <paramref name="kind"/>.</summary>
    public DriftSeverity this[DriftKind kind] => _overrides.TryGetValue(kind.Name, out var severity) ? severity : kind.DefaultSeverity;

    /// <summary>Overrides one kind; false (and no change) for an unknown kind or level.</summary>
    public bool TrySet(string kindName, string level)
    {
        if (DriftKind.Find(kindName.Trim()) is not { } kind || !TryParseSeverity(level, out var severity))
        {
            return false;
        }

        _overrides[kind.Name] = severity;
        return true;
    }

    /// <summary>Reads <c>breaking</c>, <c>warning</c>, <c>info</c> or <c>none</c> (any case).</summary>
    public static bool TryParseSeverity(string? text, out DriftSeverity severity)
    {
        switch (text?.Trim().ToLowerInvariant())
        {
            case "breaking":
            case "error":
                severity = DriftSeverity.Breaking;
                return true;
            case "warning":
                severity = DriftSeverity.Warning;
                return true;
            case "info":
                severity = DriftSeverity.Info;
                return true;
            case "none":
                severity = DriftSeverity.None;
                return true;
            default:
                severity = DriftSeverity.None;
                return false;
        }
    }

    /// <summary>The name a report uses for <paramref name="severity"/>.</summary>
    public static string NameOf(DriftSeverity severity) => severity switch
    {
        DriftSeverity.Breaking => "breaking",
        DriftSeverity.Warning => "warning",
        DriftSeverity.Info => "info",
        _ => "none",
    };
}
