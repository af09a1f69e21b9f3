using System;

namespace Hooksmith.Cli;

/// <summary>The <c>hooksmith</c> tool's entry point.</summary>
public static class Program
{
    /// <summary>Runs the command line on the console's streams.</summary>
    /// <param name="args">The command-line arguments.</param>
    /// <returns>The exit code: 0 valid, 1 invalid, 2 error.</returns>
    public static int Main(string[] args) => CliApplication.Run(args, Console.In, Console.Out, Console.Error);
}
