using Xunit.Sdk;

namespace Hooksmith.Cli.Tests.Infrastructure;

/// <summary>Assertions that show everything a run printed when they fail.</summary>
internal static class CliAssert
{
    /// <summary>Asserts the exit code.</summary>
    public static void ExitCode(int expected, CliRun run)
    {
        if (run.ExitCode != expected)
        {
            throw new XunitException($"Expected exit code {expected}, got {run.ExitCode}.\n{run}");
        }
    }
}
