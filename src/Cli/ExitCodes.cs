namespace Hooksmith.Cli;

/// <summary>The exit codes of <c>hooksmith</c>.</summary>
public static class ExitCodes
{
    /// <summary>Every payload is valid (or help was shown).</summary>
    public const int Valid = 0;

    /// <summary>At least one payload is invalid.</summary>
    public const int Invalid = 1;

    /// <summary>
    /// Nothing (or not everything) could be checked: a usage error, a file that cannot be read, a
    /// schema with errors, or an unexpected failure.
    /// </summary>
    public const int Error = 2;
}
