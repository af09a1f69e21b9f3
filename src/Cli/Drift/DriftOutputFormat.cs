namespace Hooksmith.Cli.Drift;

/// <summary>How <c>diff</c> and <c>check</c> write their changes.</summary>
internal enum DriftOutputFormat
{
    /// <summary>One line per change, for a terminal.</summary>
    Text,

    /// <summary>One JSON object with a summary and the changes.</summary>
    Json,

    /// <summary>A table for a pull request comment or a job summary.</summary>
    Markdown,

    /// <summary>GitHub Actions workflow commands, so each change is annotated on its file.</summary>
    Github,

    /// <summary>SARIF 2.1.0, for code scanning.</summary>
    Sarif,
}
