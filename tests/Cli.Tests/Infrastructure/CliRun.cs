using System;
using System.IO;
using System.Linq;

namespace Hooksmith.Cli.Tests.Infrastructure;

/// <summary>What one in-process run of the command line did.</summary>
internal sealed record CliRun(int ExitCode, string Stdout, string Stderr)
{
    /// <summary>Runs <see cref="CliApplication.Run"/> with the arguments and, optionally, standard input.</summary>
    public static CliRun Of(string[] args, string stdin = "")
    {
        using var input = new StringReader(stdin);
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exitCode = CliApplication.Run(args, input, output, error);
        return new CliRun(exitCode, output.ToString(), error.ToString());
    }

    /// <summary>Standard output's lines, without the final empty one.</summary>
    public string[] StdoutLines => Lines(Stdout);

    /// <summary>Standard error's lines, without the final empty one.</summary>
    public string[] StderrLines => Lines(Stderr);

    /// <summary>Everything the run printed, for assertion messages.</summary>
    public override string ToString() => $"exit code {ExitCode}\n--- stdout ---\n{Stdout}--- stderr ---\n{Stderr}";

    private static string[] Lines(string text)
        => text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n').Reverse().SkipWhile(l => l.Length == 0).Reverse().ToArray();
}
