namespace Hooksmith.Cli.CommandLine;

/// <summary>A command line that parsed: either a request for help or a validation to run.</summary>
/// <param name="ShowHelp">True for <c>--help</c>: print the usage and succeed.</param>
/// <param name="Validate">The validation to run; null when <paramref name="ShowHelp"/> is true.</param>
internal sealed record ParsedCommandLine(bool ShowHelp, ValidateOptions? Validate)
{
    /// <summary>A request for the usage text.</summary>
    public static ParsedCommandLine Help { get; } = new(true, null);
}
