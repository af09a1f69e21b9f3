using System;
using System.IO;
using Hooksmith.Cli.CommandLine;
using Hooksmith.Cli.DeadLetters;

namespace Hooksmith.Cli;

/// <summary>
/// The <c>hooksmith</c> command line, with its standard streams passed in so that it runs the same in a
/// process and in a test.
/// </summary>
public static class CliApplication
{
    /// <summary>
    /// Runs <c>hooksmith</c> with <paramref name="args"/> (the arguments after the program name) and
    /// returns the exit code (see <see cref="ExitCodes"/>). Never throws: an unexpected failure is
    /// reported on <paramref name="stderr"/> with exit code 2. Relative paths are taken from the
    /// current directory.
    /// </summary>
    /// <param name="args">The arguments, such as <c>validate --schema order.json payload.json</c>.</param>
    /// <param name="stdin">Standard input, read for the payload argument <c>-</c>.</param>
    /// <param name="stdout">Where results go.</param>
    /// <param name="stderr">Where errors, warnings and usage errors go.</param>
    public static int Run(string[] args, TextReader stdin, TextWriter stdout, TextWriter stderr)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(stdin);
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(stderr);
        try
        {
            if (args.Length > 0 && DeadLetterCommandLine.Handles(args[0]))
            {
                return new DeadLetterCommandLine(stdout, stderr).Run(args);
            }

            return new ToolCommandLine(stdin, stdout, stderr, Environment.CurrentDirectory).Run(args);
        }
        catch (CommandLineException exception)
        {
            stderr.WriteLine("hooksmith: " + exception.Message);
            stderr.WriteLine("Run 'hooksmith --help' for usage.");
            return ExitCodes.Error;
        }
        catch (Exception exception)
        {
            stderr.WriteLine("hooksmith: unexpected failure: " + exception);
            return ExitCodes.Error;
        }
        finally
        {
            Flush(stdout);
            Flush(stderr);
        }
    }

    private static void Flush(TextWriter writer)
    {
        try
        {
            writer.Flush();
        }
        catch (Exception exception) when (exception is IOException or ObjectDisposedException)
        {
            // The reader went away (a closed pipe); there is no one left to tell.
        }
    }
}
