using Hooksmith.Generator.Drift;

namespace Hooksmith.Cli.Drift;

/// <summary>A comparison to report: what was compared and what changed.</summary>
/// <param name="Old">The old side as given (a file, a folder, or the lock).</param>
/// <param name="New">The new side as given.</param>
/// <param name="Report">The changes.</param>
internal sealed record DriftRun(string Old, string New, DriftReport Report);
