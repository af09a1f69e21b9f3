using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Hooksmith.Cli.CommandLine;
using Hooksmith.Cli.Output;
using Hooksmith.Cli.Payloads;
using Hooksmith.Cli.Schemas;
using Hooksmith.Validation;

namespace Hooksmith.Cli;

/// <summary>
/// <c>hooksmith validate</c>: finds the inputs, compiles the schemas, then validates each payload and
/// writes its result.
/// </summary>
internal sealed class ValidateCommand(ValidateOptions options, TextReader stdin, TextWriter stdout, TextWriter stderr, string currentDirectory)
{
    /// <summary>Runs the command and returns its exit code. Throws <see cref="CommandLineException"/> for inputs that cannot be used.</summary>
    public int Run()
    {
        // Every input is checked before the (slow) compilation, so a typo fails at once.
        var schemaFiles = SchemaInputs.Collect(options.Schema, options.BaseUris, currentDirectory);
        var sources = PayloadSources.Resolve(options.Payloads, currentDirectory);

        using var compiled = SchemaCompiler.Compile(schemaFiles, options.Dialect);
        foreach (var message in compiled.Messages)
        {
            stderr.WriteLine(message.Text);
        }

        if (compiled.Catalog is not { } catalog)
        {
            var errors = compiled.Messages.Count(m => m.IsError);
            stderr.WriteLine($"hooksmith: {errors} error{(errors == 1 ? "" : "s")} in generating or compiling the validators; no payload was validated.");
            if (options.BaseUris.Count == 0 && compiled.Messages.Any(m => m.Id == CompilerMessage.UnresolvedReferenceId))
            {
                stderr.WriteLine("hooksmith: a $ref into another file needs that file: add its folder with --base-uri <uri>=<folder>.");
            }

            return ExitCodes.Error;
        }

        var mainFile = schemaFiles[0];
        var entry = FindEntry(catalog, mainFile.Path, options.Schema.Pointer);
        if (entry is null)
        {
            ReportMissingSchema(catalog, mainFile);
            return ExitCodes.Error;
        }

        return Validate(entry, sources);
    }

    private int Validate(SchemaCatalogEntry entry, IReadOnlyList<PayloadSource> sources)
    {
        var validationOptions = new ValidationOptions { Mode = ValidationMode.Full, AssertFormats = options.AssertFormats ? true : null };
        var writer = ResultWriter.For(options.Output, stdout);
        var exitCode = ExitCodes.Valid;
        foreach (var source in sources)
        {
            foreach (var payload in source.Read(stdin))
            {
                if (payload.ReadError is not null)
                {
                    stderr.WriteLine($"hooksmith: cannot read '{payload.Name}': {payload.ReadError}");
                    exitCode = ExitCodes.Error;
                    continue;
                }

                ValidationResult result;
                try
                {
                    result = entry.Validate(payload.Utf8Json, validationOptions);
                }
                catch (Exception exception)
                {
                    stderr.WriteLine($"hooksmith: validating '{payload.Name}' failed unexpectedly: {exception.GetType().Name}: {exception.Message}");
                    exitCode = ExitCodes.Error;
                    continue;
                }

                writer.Write(payload.Name, result);
                if (!result.IsValid && exitCode == ExitCodes.Valid)
                {
                    exitCode = ExitCodes.Invalid;
                }
            }
        }

        return exitCode;
    }

    /// <summary>The schema at the pointer; a pointer written percent-encoded, as in a URI fragment, is decoded when it matches nothing as written.</summary>
    private static SchemaCatalogEntry? FindEntry(SchemaCatalog catalog, string file, string pointer)
    {
        var entry = catalog.Find(file, pointer);
        if (entry is null && pointer.Contains('%', StringComparison.Ordinal))
        {
            var decoded = Uri.UnescapeDataString(pointer);
            if (decoded != pointer)
            {
                entry = catalog.Find(file, decoded);
            }
        }

        return entry;
    }

    private void ReportMissingSchema(SchemaCatalog catalog, SchemaSourceFile file)
    {
        var normalized = file.Path.Replace('\\', '/');
        var available = catalog.Schemas
            .Where(s => SchemaInputs.PathComparer.Equals(s.SourceFile.Replace('\\', '/'), normalized))
            .Select(s => "#" + s.Pointer)
            .Distinct(StringComparer.Ordinal)
            .OrderBy(p => p, StringComparer.Ordinal)
            .ToList();
        var pointer = options.Schema.Pointer.Length == 0 ? "its root" : "#" + options.Schema.Pointer;
        if (available.Count == 0)
        {
            stderr.WriteLine($"hooksmith: no schema at {pointer} of '{file.DisplayPath}': the generator made no validator for that file.");
            return;
        }

        stderr.WriteLine($"hooksmith: no schema at {pointer} of '{file.DisplayPath}'. Its schemas are:");
        foreach (var location in available)
        {
            stderr.WriteLine("  " + file.DisplayPath + location);
        }
    }
}
