using System;
using System.IO;
using Hooksmith.Cli.CommandLine;
using Hooksmith.Validation;

namespace Hooksmith.Cli.Output;

/// <summary>Writes each payload's result to standard output as it is found.</summary>
internal abstract class ResultWriter
{
    /// <summary>Writes the result of one payload.</summary>
    public abstract void Write(string instance, ValidationResult result);

    /// <summary>The writer for an output format.</summary>
    public static ResultWriter For(OutputFormat format, TextWriter output) => format switch
    {
        OutputFormat.Text => new TextResultWriter(output),
        OutputFormat.Json => new JsonLinesResultWriter(output),
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, "unknown output format"),
    };
}
