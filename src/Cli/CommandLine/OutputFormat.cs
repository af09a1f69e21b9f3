namespace Hooksmith.Cli.CommandLine;

/// <summary>How results are written to standard output.</summary>
internal enum OutputFormat
{
    /// <summary>One line per payload, then one indented line per error.</summary>
    Text,

    /// <summary>JSON Lines: one JSON object per payload.</summary>
    Json,
}
