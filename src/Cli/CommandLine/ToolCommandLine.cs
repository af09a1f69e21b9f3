using System.Collections.Generic;
using System.CommandLine;
using System.IO;
using System.Linq;
using Hooksmith.Cli.Drift;

namespace Hooksmith.Cli.CommandLine;

/// <summary>
/// The <c>hooksmith</c> commands on System.CommandLine — <c>validate</c>, <c>diff</c>, <c>lock</c>, <c>check</c>
/// — with generated help per command, suggestions for a mistyped name, and the tool's exit codes (a
/// command line that does not parse is 2). <c>hooksmith --help</c> prints the tool's overview.
/// </summary>
internal sealed class ToolCommandLine
{
    private static readonly HashSet<string> HelpNames = ["--help", "-h", "-?", "help"];

    private readonly TextReader _stdin;
    private readonly TextWriter _stdout;
    private readonly TextWriter _stderr;
    private readonly string _currentDirectory;
    private readonly ValidateCommandLine _validate = new();

    public ToolCommandLine(TextReader stdin, TextWriter stdout, TextWriter stderr, string currentDirectory)
    {
        _stdin = stdin;
        _stdout = stdout;
        _stderr = stderr;
        _currentDirectory = currentDirectory;
    }

    /// <summary>Runs the command line. Throws <see cref="CommandLineException"/> for a command line that parsed but cannot run.</summary>
    public int Run(IReadOnlyList<string> args)
    {
        if (args.Count == 0)
        {
            throw new CommandLineException("no command given; the commands are validate, diff, lock, check and dead-letters");
        }

        if (HelpNames.Contains(args[0]))
        {
            _stdout.WriteLine(Usage.Text);
            return ExitCodes.Valid;
        }

        var parsed = Parse(args, run: true);
        var configuration = new InvocationConfiguration
        {
            Output = _stdout,
            Error = _stderr,

            // A CommandLineException from an action is the tool's usage error (exit 2), reported by its caller.
            EnableDefaultExceptionHandler = false,
        };
        if (parsed.Errors.Count > 0)
        {
            // System.CommandLine prints the errors, with suggestions for a mistyped name; the exit code is the tool's.
            parsed.Invoke(configuration);
            return ExitCodes.Error;
        }

        var unknown = OptionSuggestion.UnknownOptions(parsed, args);
        if (unknown.Count > 0)
        {
            throw new CommandLineException(string.Join("; ", unknown));
        }

        return parsed.Invoke(configuration);
    }

    /// <summary>
    /// What <c>hooksmith validate …</c> asks for, without running it: the first parse error, or what makes the
    /// command line impossible to run, as a <see cref="CommandLineException"/>.
    /// </summary>
    public static ValidateOptions ParseValidate(IReadOnlyList<string> args)
    {
        var tool = new ToolCommandLine(TextReader.Null, TextWriter.Null, TextWriter.Null, Directory.GetCurrentDirectory());
        var parsed = tool.Parse(args, run: false);
        if (parsed.Errors.Count > 0)
        {
            throw new CommandLineException(string.Join("; ", parsed.Errors.Select(e => e.Message)));
        }

        var unknown = OptionSuggestion.UnknownOptions(parsed, args);
        if (unknown.Count > 0)
        {
            throw new CommandLineException(string.Join("; ", unknown));
        }

        if (parsed.CommandResult.Command.Name != "validate")
        {
            throw new CommandLineException($"not a validate command line: '{string.Join(" ", args)}'");
        }

        return tool._validate.Read(parsed);
    }

    private ParseResult Parse(IReadOnlyList<string> args, bool run)
    {
        var root = new RootCommand("Hooksmith: typed, validating C# for the webhooks you receive, and the drift of their schemas.");
        root.Subcommands.Add(_validate.Create(options => run ? new ValidateCommand(options, _stdin, _stdout, _stderr, _currentDirectory).Run() : ExitCodes.Valid));
        new DriftCommandLine(_stdout, _stderr, _currentDirectory).AddTo(root);

        // Payloads and schemas are files, whatever their names: '@orders.json' is not a response file.
        return root.Parse(args, new ParserConfiguration { ResponseFileTokenReplacer = null });
    }
}
