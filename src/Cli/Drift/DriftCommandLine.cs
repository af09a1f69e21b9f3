using System;
using System.Collections.Generic;
using System.CommandLine;
using System.IO;
using System.Linq;
using System.Text.Json;
using Hooksmith.Cli.CommandLine;
using Hooksmith.Generator.Drift;
using Hooksmith.Generator.Schema;

namespace Hooksmith.Cli.Drift;

/// <summary>
/// <c>hooksmith diff</c>, <c>lock</c> and <c>check</c>, as commands of <see cref="CommandLine.ToolCommandLine"/>, with the
/// tool's exit codes (0 no change at the threshold, 1 a change at or above it, 2 a usage error, an
/// unreadable file or a schema with errors).
/// </summary>
internal sealed class DriftCommandLine
{
    /// <summary>The lock's default file name.</summary>
    public const string DefaultLockFile = "hooksmith.lock.json";

    /// <summary>The settings file read beside the lock.</summary>
    public const string SettingsFile = "hooksmith.json";

    private static readonly string[] OutputNames = ["text", "json", "markdown", "github", "sarif"];
    private static readonly string[] SeverityNames = ["breaking", "warning", "info", "none"];
    private static readonly string[] EventSourceNames = ["webhooks", "paths", "both"];

    private readonly TextWriter _stdout;
    private readonly TextWriter _stderr;
    private readonly string _currentDirectory;

    private readonly Option<string> _output = new("--output", "-o") { Description = "How to write the changes: text, json, markdown (a pull request comment), github (workflow annotations) or sarif (code scanning)", DefaultValueFactory = _ => "text" };
    private readonly Option<string> _failOn = new("--fail-on") { Description = "Exit with 1 when a change at or above this severity exists: breaking, warning, info or none", DefaultValueFactory = _ => "breaking" };
    private readonly Option<string[]> _severity = new("--severity") { Description = "Override a kind's severity, KIND=LEVEL (repeatable), such as enum-value-added=breaking", HelpName = "KIND=LEVEL" };
    private readonly Option<string[]> _baseUri = new("--base-uri") { Description = "Read every *.json file under <folder> as published at <uri> plus its path in the folder (repeatable)", HelpName = "uri=folder" };
    private readonly Option<string> _eventsFrom = new("--events-from") { Description = "Where an OpenAPI document lists its events: webhooks (and x-webhooks), paths, or both", DefaultValueFactory = _ => "webhooks" };
    private readonly Option<bool> _includeDocs = new("--include-docs") { Description = "Also compare title, description and examples: diff and check report their changes as info (check needs a lock written with lock --include-docs), lock records them" };
    private readonly Option<string[]> _event = new("--event") { Description = "A JSON Schema file whose root is an event's payload, FILE=EVENT (repeatable), as the Event item metadata says in the build", HelpName = "file=event" };
    private readonly Option<string?> _dialect = new("--dialect") { Description = "The dialect of schema files without $schema (draft-04, draft-06, draft-07, 2019-09, 2020-12)" };

    public DriftCommandLine(TextWriter stdout, TextWriter stderr, string currentDirectory)
    {
        _stdout = stdout;
        _stderr = stderr;
        _currentDirectory = currentDirectory;
        _output.AcceptOnlyFromAmong(OutputNames);
        _failOn.AcceptOnlyFromAmong(SeverityNames);
        _eventsFrom.AcceptOnlyFromAmong(EventSourceNames);
    }

    /// <summary>Adds <c>diff</c>, <c>lock</c> and <c>check</c> to the tool's commands.</summary>
    public void AddTo(RootCommand root)
    {
        var oldArgument = new Argument<string>("OLD") { Description = "The old schema file or folder" };
        var newArgument = new Argument<string>("NEW") { Description = "The new schema file or folder" };
        var diff = new Command("diff", "Compare two versions of webhook schemas as a receiver sees them.") { oldArgument, newArgument };
        AddCompareOptions(diff);
        diff.Options.Add(_includeDocs);
        diff.SetAction(result => Diff(result, result.GetValue(oldArgument)!, result.GetValue(newArgument)!));
        root.Subcommands.Add(diff);

        var schemas = new Argument<string[]>("SCHEMA") { Description = "Schema files or folders", Arity = ArgumentArity.OneOrMore };
        var outFile = new Option<string>("--out") { Description = "The lock file to write", DefaultValueFactory = _ => DefaultLockFile };
        var lockCommand = new Command("lock", "Write the lock: what the receiver has accepted, per event and named schema.") { schemas, outFile };
        lockCommand.Options.Add(_baseUri);
        lockCommand.Options.Add(_eventsFrom);
        lockCommand.Options.Add(_dialect);
        lockCommand.Options.Add(_event);
        lockCommand.Options.Add(_includeDocs);
        lockCommand.SetAction(result => Lock(result, result.GetValue(schemas)!, result.GetValue(outFile)!));
        root.Subcommands.Add(lockCommand);

        var lockFile = new Option<string>("--lock") { Description = "The lock to compare with", DefaultValueFactory = _ => DefaultLockFile };
        var checkSchemas = new Argument<string[]>("SCHEMA") { Description = "Schema files or folders", Arity = ArgumentArity.OneOrMore };
        var check = new Command("check", "Compare the current schemas with the lock.") { checkSchemas, lockFile };
        AddCompareOptions(check);
        check.Options.Add(_includeDocs);
        check.SetAction(result => Check(result, result.GetValue(lockFile)!, result.GetValue(checkSchemas)!));
        root.Subcommands.Add(check);
    }

    private void AddCompareOptions(Command command)
    {
        command.Options.Add(_output);
        command.Options.Add(_failOn);
        command.Options.Add(_severity);
        command.Options.Add(_baseUri);
        command.Options.Add(_eventsFrom);
        command.Options.Add(_dialect);
        command.Options.Add(_event);
    }

    private int Diff(ParseResult result, string oldPath, string newPath)
    {
        if (!TryCommon(result, out var baseUris, out var eventsFrom, out var events) || !TrySeverities(result, null, out var severities))
        {
            return ExitCodes.Error;
        }

        var dialect = result.GetValue(_dialect);
        var includeDocs = result.GetValue(_includeDocs);
        var old = DriftSchemaLoader.Load([oldPath], baseUris, eventsFrom, dialect, events, _currentDirectory, _stderr, includeDocs);
        var @new = old is null ? null : DriftSchemaLoader.Load([newPath], baseUris, eventsFrom, dialect, events, _currentDirectory, _stderr, includeDocs);
        if (old is null || @new is null)
        {
            return ExitCodes.Error;
        }

        var report = SurfaceComparer.Compare(old, @new, new DriftOptions(severities, includeDocs));
        return Report(result, new DriftRun(oldPath, newPath, report));
    }

    private int Lock(ParseResult result, string[] schemas, string outFile)
    {
        if (!TryCommon(result, out var baseUris, out var eventsFrom, out var events))
        {
            return ExitCodes.Error;
        }

        var surface = DriftSchemaLoader.Load(schemas, baseUris, eventsFrom, result.GetValue(_dialect), events, _currentDirectory, _stderr, result.GetValue(_includeDocs));
        if (surface is null)
        {
            return ExitCodes.Error;
        }

        try
        {
            File.WriteAllText(Path.GetFullPath(outFile, _currentDirectory), LockFileWriter.Write(surface));
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            _stderr.WriteLine($"hooksmith: cannot write '{outFile}': {exception.Message}");
            return ExitCodes.Error;
        }

        _stdout.WriteLine($"{outFile}: {surface.Events.Count} events, {surface.Schemas.Values.Count(s => s.IsNamed)} named schemas");
        return ExitCodes.Valid;
    }

    private int Check(ParseResult result, string lockPath, string[] schemas)
    {
        var fullLock = Path.GetFullPath(lockPath, _currentDirectory);
        string text;
        try
        {
            text = File.ReadAllText(fullLock);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            _stderr.WriteLine($"hooksmith: cannot read the lock '{lockPath}': {exception.Message}");
            return ExitCodes.Error;
        }

        var locked = LockFileReader.Read(text, out var error);
        if (locked is null)
        {
            _stderr.WriteLine($"hooksmith: {lockPath}: {error}");
            return ExitCodes.Error;
        }

        var settings = Path.Combine(Path.GetDirectoryName(fullLock)!, SettingsFile);
        if (!TryCommon(result, out var baseUris, out var eventsFrom, out var events) || !TrySeverities(result, settings, out var severities))
        {
            return ExitCodes.Error;
        }

        var includeDocs = result.GetValue(_includeDocs);
        if (includeDocs && !locked.IncludesDocs)
        {
            // Comparing documentation with a lock that has none would report nothing, and look like no change.
            _stderr.WriteLine($"hooksmith: --include-docs: {lockPath} records no documentation; write it with 'hooksmith lock --include-docs'");
            return ExitCodes.Error;
        }

        var current = DriftSchemaLoader.Load(schemas, baseUris, eventsFrom, result.GetValue(_dialect), events, _currentDirectory, _stderr, includeDocs);
        if (current is null)
        {
            return ExitCodes.Error;
        }

        var report = SurfaceComparer.Compare(locked, current, new DriftOptions(severities, includeDocs));
        return Report(result, new DriftRun(lockPath, string.Join(" ", schemas), report));
    }

    private int Report(ParseResult result, DriftRun run)
    {
        switch (result.GetValue(_output))
        {
            case "json":
                JsonDriftWriter.Write(run, _stdout);
                break;
            case "markdown":
                MarkdownDriftWriter.Write(run, _stdout);
                break;
            case "github":
                GithubDriftWriter.Write(run, _stdout);
                break;
            case "sarif":
                SarifDriftWriter.Write(run, _stdout);
                break;
            default:
                TextDriftWriter.Write(run, _stdout);
                break;
        }

        SeverityTable.TryParseSeverity(result.GetValue(_failOn), out var threshold);
        return run.Report.HasAtLeast(threshold) ? ExitCodes.Invalid : ExitCodes.Valid;
    }

    private bool TryCommon(ParseResult result, out List<BaseUriMapping> baseUris, out EventSources eventsFrom, out Dictionary<string, string> events)
    {
        baseUris = [];
        Generator.Schema.EventSourceNames.TryParse(result.GetValue(_eventsFrom), out eventsFrom);
        events = new Dictionary<string, string>(Schemas.SchemaInputs.PathComparer);
        foreach (var value in result.GetValue(_event) ?? [])
        {
            var equals = value.LastIndexOf('=');
            if (equals <= 0 || equals == value.Length - 1)
            {
                _stderr.WriteLine($"hooksmith: --event takes FILE=EVENT, such as schemas/customer-order-updated.json=customer.order.updated; got '{value}'");
                return false;
            }

            // A bare file name names that file in any input (diff's OLD and NEW are two files of one name).
            var file = value[..equals];
            events[file.Contains('/', StringComparison.Ordinal) || file.Contains('\\', StringComparison.Ordinal) ? Path.GetFullPath(file, _currentDirectory) : file] = value[(equals + 1)..];
        }

        try
        {
            foreach (var value in result.GetValue(_baseUri) ?? [])
            {
                baseUris.Add(BaseUriMapping.Parse(value));
            }
        }
        catch (CommandLineException exception)
        {
            _stderr.WriteLine("hooksmith: " + exception.Message);
            return false;
        }

        return true;
    }

    /// <summary>The severity table: defaults, then <c>hooksmith.json</c>'s <c>"severity"</c> object, then <c>--severity</c>.</summary>
    private bool TrySeverities(ParseResult result, string? settingsPath, out SeverityTable table)
    {
        table = new SeverityTable();
        if (settingsPath is not null && File.Exists(settingsPath))
        {
            try
            {
                using var settings = JsonDocument.Parse(File.ReadAllText(settingsPath));
                if (settings.RootElement.ValueKind == JsonValueKind.Object && settings.RootElement.TryGetProperty("severity", out var overrides) && overrides.ValueKind == JsonValueKind.Object)
                {
                    foreach (var entry in overrides.EnumerateObject())
                    {
                        if (entry.Value.ValueKind != JsonValueKind.String || !table.TrySet(entry.Name, entry.Value.GetString()!))
                        {
                            _stderr.WriteLine($"hooksmith: {settingsPath}: \"{entry.Name}\": {entry.Value} is not a kind and a level ({string.Join(", ", SeverityNames)})");
                            return false;
                        }
                    }
                }
            }
            catch (Exception exception) when (exception is JsonException or IOException or UnauthorizedAccessException)
            {
                _stderr.WriteLine($"hooksmith: cannot read '{settingsPath}': {exception.Message}");
                return false;
            }
        }

        foreach (var value in result.GetValue(_severity) ?? [])
        {
            var equals = value.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0 || !table.TrySet(value[..equals], value[(equals + 1)..]))
            {
                _stderr.WriteLine($"hooksmith: --severity takes KIND=LEVEL with a kind of {string.Join(", ", DriftKind.All.Select(k => k.Name))} and a level of {string.Join(", ", SeverityNames)}; got '{value}'");
                return false;
            }
        }

        return true;
    }
}
