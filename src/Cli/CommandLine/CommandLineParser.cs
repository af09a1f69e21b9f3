using System;
using System.Collections.Generic;

namespace Hooksmith.Cli.CommandLine;

/// <summary>
/// Reads <c>hooksmith validate …</c>. Options take their value as the next argument or after <c>=</c>
/// (<c>--output json</c>, <c>--output=json</c>); <c>--</c> ends the options; a lone <c>-</c> is standard input.
/// </summary>
internal static class CommandLineParser
{
    private const string ValidateCommand = "validate";

    /// <summary>Parses the arguments after the program name; throws <see cref="CommandLineException"/> for anything it cannot run.</summary>
    public static ParsedCommandLine Parse(IReadOnlyList<string> args)
    {
        if (args.Count == 0)
        {
            throw new CommandLineException("no command given; the command is 'validate'");
        }

        if (IsHelp(args[0]) || args[0] == "help")
        {
            return ParsedCommandLine.Help;
        }

        if (args[0] != ValidateCommand)
        {
            throw new CommandLineException(args[0].StartsWith('-')
                ? $"unknown option '{args[0]}' (the command, 'validate', comes first)"
                : $"unknown command '{args[0]}'; the command is 'validate'");
        }

        string? schema = null;
        string? dialect = null;
        string? output = null;
        var assertFormats = false;
        var baseUris = new List<BaseUriMapping>();
        var payloads = new List<string>();
        var optionsEnded = false;

        for (var i = 1; i < args.Count; i++)
        {
            var arg = args[i];
            if (optionsEnded || arg == "-" || !arg.StartsWith('-'))
            {
                payloads.Add(arg);
                continue;
            }

            if (arg == "--")
            {
                optionsEnded = true;
                continue;
            }

            if (IsHelp(arg))
            {
                return ParsedCommandLine.Help;
            }

            var equals = arg.IndexOf('=', StringComparison.Ordinal);
            var name = equals < 0 ? arg : arg[..equals];
            var inlineValue = equals < 0 ? null : arg[(equals + 1)..];
            switch (name)
            {
                case "--schema":
                    Once(schema, name);
                    schema = Value(args, ref i, name, inlineValue);
                    break;
                case "--dialect":
                    Once(dialect, name);
                    dialect = Value(args, ref i, name, inlineValue);
                    break;
                case "--base-uri":
                    baseUris.Add(BaseUriMapping.Parse(Value(args, ref i, name, inlineValue)));
                    break;
                case "--output":
                    Once(output, name);
                    output = Value(args, ref i, name, inlineValue);
                    break;
                case "--format-assertion":
                    if (inlineValue is not null)
                    {
                        throw new CommandLineException("--format-assertion takes no value");
                    }

                    assertFormats = true;
                    break;
                default:
                    throw new CommandLineException($"unknown option '{name}'");
            }
        }

        if (schema is null)
        {
            throw new CommandLineException("--schema <file> is required");
        }

        if (payloads.Count == 0)
        {
            throw new CommandLineException("no payloads given: name payload files or folders, or - to read JSON Lines from standard input");
        }

        if (payloads.FindAll(p => p == "-").Count > 1)
        {
            throw new CommandLineException("'-' (standard input) can be given only once");
        }

        return new ParsedCommandLine(false, new ValidateOptions(
            SchemaReference.Parse(schema),
            dialect,
            baseUris,
            assertFormats,
            ParseOutput(output),
            payloads));
    }

    private static bool IsHelp(string arg) => arg is "--help" or "-h" or "-?";

    private static string Value(IReadOnlyList<string> args, ref int i, string name, string? inlineValue)
    {
        var value = inlineValue;
        if (value is null)
        {
            if (i + 1 >= args.Count || (args[i + 1].StartsWith("--", StringComparison.Ordinal) && args[i + 1].Length > 2))
            {
                throw new CommandLineException($"{name} needs a value");
            }

            value = args[++i];
        }

        if (value.Trim().Length == 0)
        {
            throw new CommandLineException($"{name} needs a value");
        }

        return value;
    }

    private static void Once(string? previous, string name)
    {
        if (previous is not null)
        {
            throw new CommandLineException($"{name} can be given only once");
        }
    }

    private static OutputFormat ParseOutput(string? value) => value?.ToLowerInvariant() switch
    {
        null or "text" => OutputFormat.Text,
        "json" => OutputFormat.Json,
        _ => throw new CommandLineException($"--output is 'text' or 'json', not '{value}'"),
    };
}
