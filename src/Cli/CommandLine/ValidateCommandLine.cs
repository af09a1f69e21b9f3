using System.Collections.Generic;
using System.CommandLine;
using System.Linq;

namespace Hooksmith.Cli.CommandLine;

/// <summary>
/// <c>hooksmith validate</c> on System.CommandLine: its options and payload argument, and what they ask
/// for as <see cref="ValidateOptions"/>. Options take their value as the next argument or after <c>=</c>
/// (<c>--output json</c>, <c>--output=json</c>); <c>--</c> ends the options; a lone <c>-</c> is standard input.
/// </summary>
internal sealed class ValidateCommandLine
{
    private static readonly string[] OutputNames = ["text", "json"];

    private readonly Option<string?> _schema = new("--schema") { Description = "The schema file, and the JSON Pointer of a schema in it ('order.json#/$defs/Order', quoted for the shell; none for the file's root). Required", HelpName = "file[#pointer]" };
    private readonly Option<string?> _dialect = new("--dialect") { Description = "The dialect of schema files without $schema: draft-04, draft-06, draft-07, 2019-09 or 2020-12 (the default)", HelpName = "name" };
    private readonly Option<string[]> _baseUri = new("--base-uri") { Description = "Read every *.json file under <folder> too, each as the schema published at <uri> plus its path in the folder, so $refs to them resolve offline (repeatable)", HelpName = "uri=folder" };
    private readonly Option<bool> _formatAssertion = new("--format-assertion") { Description = "Make \"format\" an assertion: a string that is no date-time (email, uri, ...) fails" };
    private readonly Option<string> _output = new("--output") { Description = "text (the default), or json: JSON Lines, one object per payload", DefaultValueFactory = _ => "text", HelpName = "text|json" };
    private readonly Argument<string[]> _payloads = new("payload") { Description = "A JSON file; a folder (every *.json file under it, in path order); or - for JSON Lines on standard input", Arity = ArgumentArity.ZeroOrMore };

    public ValidateCommandLine()
    {
        _output.AcceptOnlyFromAmong(OutputNames);
    }

    /// <summary>The <c>validate</c> command; its action runs <paramref name="run"/> with what the command line asks for.</summary>
    /// <exception cref="CommandLineException">From the action, for a command line that parsed but cannot run (no schema, no payloads).</exception>
    public Command Create(System.Func<ValidateOptions, int> run)
    {
        var command = new Command("validate", "Validate JSON payloads against a JSON Schema (or a schema in an OpenAPI document) with the validators the Hooksmith generator writes for it, compiled on the spot. Exit codes: 0 every payload is valid; 1 a payload is invalid; 2 a usage error, a file that cannot be read, or a schema with errors.")
        {
            _schema, _dialect, _baseUri, _formatAssertion, _output, _payloads,
        };
        command.SetAction(result => run(Read(result)));
        return command;
    }

    /// <summary>What a parsed <c>validate</c> command line asks for.</summary>
    /// <exception cref="CommandLineException">The command line cannot run as written.</exception>
    public ValidateOptions Read(ParseResult result)
    {
        var schema = result.GetValue(_schema);
        if (schema is null)
        {
            throw new CommandLineException("--schema <file> is required");
        }

        // A value that is an option's name is an option that lost its value (--schema --output json).
        if (schema.Trim().Length == 0 || schema.StartsWith("--", System.StringComparison.Ordinal))
        {
            throw new CommandLineException("--schema needs a value");
        }

        var dialect = result.GetValue(_dialect);
        if (dialect is not null && dialect.Trim().Length == 0)
        {
            throw new CommandLineException("--dialect needs a value");
        }

        var payloads = result.GetValue(_payloads) ?? [];
        if (payloads.Length == 0)
        {
            throw new CommandLineException("no payloads given: name payload files or folders, or - to read JSON Lines from standard input");
        }

        if (payloads.Count(p => p == "-") > 1)
        {
            throw new CommandLineException("'-' (standard input) can be given only once");
        }

        var baseUris = new List<BaseUriMapping>();
        foreach (var value in result.GetValue(_baseUri) ?? [])
        {
            baseUris.Add(BaseUriMapping.Parse(value));
        }

        return new ValidateOptions(
            SchemaReference.Parse(schema),
            dialect,
            baseUris,
            result.GetValue(_formatAssertion),
            result.GetValue(_output) == "json" ? OutputFormat.Json : OutputFormat.Text,
            payloads);
    }
}
