using System;

namespace Hooksmith.Cli.CommandLine;

/// <summary>The <c>--schema &lt;file&gt;[#&lt;pointer&gt;]</c> argument.</summary>
/// <param name="File">The schema file as written on the command line.</param>
/// <param name="Pointer">The JSON Pointer of the schema inside the file; empty for the file's root.</param>
internal sealed record SchemaReference(string File, string Pointer)
{
    /// <summary>Splits <c>file#/pointer</c> at its first <c>#</c>.</summary>
    public static SchemaReference Parse(string value)
    {
        var hash = value.IndexOf('#', StringComparison.Ordinal);
        var file = hash < 0 ? value : value[..hash];
        var pointer = hash < 0 ? string.Empty : value[(hash + 1)..];
        if (file.Length == 0)
        {
            throw new CommandLineException($"--schema needs a file before '#': '{value}'");
        }

        if (pointer.Length > 0 && pointer[0] != '/')
        {
            throw new CommandLineException($"--schema: '#{pointer}' is not a JSON Pointer; write the schema's location as #/$defs/Name (or nothing for the file's root)");
        }

        return new SchemaReference(file, pointer);
    }

    /// <summary>The reference as the user would write it: <c>file</c> or <c>file#/pointer</c>.</summary>
    public override string ToString() => Pointer.Length == 0 ? File : File + "#" + Pointer;
}
