using System;
using System.Collections.Generic;
using System.Globalization;

namespace Hooksmith.Generator.Naming;

/// <summary>
/// A set of names that must stay distinct (the types of a namespace, the members of a type).
/// Names are claimed in a fixed order, so the same schema always gives the same names.
/// </summary>
internal sealed class NameScope
{
    private readonly HashSet<string> _taken;

    /// <param name="reserved">Names that are taken from the start.</param>
    /// <param name="ignoreCase">
    /// Whether names that differ only in case collide. Type names do: each type becomes a source file
    /// whose hint name Roslyn compares ignoring case (as file systems do), and a clash throws in the driver.
    /// </param>
    public NameScope(IEnumerable<string>? reserved = null, bool ignoreCase = false)
        => _taken = new HashSet<string>(reserved ?? Array.Empty<string>(), ignoreCase ? StringComparer.OrdinalIgnoreCase : StringComparer.Ordinal);

    public bool IsTaken(string name) => _taken.Contains(name.TrimStart('@'));

    /// <summary>Claims the first free name among <paramref name="candidates"/>, else the first with a number.</summary>
    public string Claim(IEnumerable<string> candidates, out bool numbered)
    {
        string? first = null;
        foreach (var candidate in candidates)
        {
            first ??= candidate;
            if (_taken.Add(candidate.TrimStart('@')))
            {
                numbered = false;
                return candidate;
            }
        }

        numbered = true;
        for (var i = 2; ; i++)
        {
            var name = first + i.ToString(CultureInfo.InvariantCulture);
            if (_taken.Add(name.TrimStart('@')))
            {
                return name.TrimStart('@');
            }
        }
    }
}
