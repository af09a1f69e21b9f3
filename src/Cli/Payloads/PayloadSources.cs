using System;
using System.Collections.Generic;
using System.IO;
using Hooksmith.Cli.CommandLine;
using Hooksmith.Cli.Schemas;

namespace Hooksmith.Cli.Payloads;

/// <summary>Turns payload arguments into sources: files, the <c>*.json</c> files of folders, and <c>-</c>.</summary>
internal static class PayloadSources
{
    /// <summary>The argument that stands for JSON Lines on standard input.</summary>
    public const string StandardInput = "-";

    /// <summary>
    /// Resolves the arguments, in order. Throws <see cref="CommandLineException"/> for a path that is
    /// neither a file nor a folder, and for a folder with no <c>*.json</c> file.
    /// </summary>
    public static IReadOnlyList<PayloadSource> Resolve(IReadOnlyList<string> arguments, string currentDirectory)
    {
        var sources = new List<PayloadSource>();
        foreach (var argument in arguments)
        {
            if (argument == StandardInput)
            {
                sources.Add(new JsonLinesPayloadSource());
                continue;
            }

            var fullPath = Path.GetFullPath(argument, currentDirectory);
            if (File.Exists(fullPath))
            {
                sources.Add(new FilePayloadSource(fullPath, argument));
            }
            else if (Directory.Exists(fullPath))
            {
                var before = sources.Count;
                try
                {
                    foreach (var file in SchemaInputs.JsonFilesUnder(fullPath))
                    {
                        sources.Add(new FilePayloadSource(file, Path.Combine(argument, Path.GetRelativePath(fullPath, file))));
                    }
                }
                catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
                {
                    throw new CommandLineException($"cannot read folder '{argument}': {exception.Message}");
                }

                if (sources.Count == before)
                {
                    throw new CommandLineException($"folder '{argument}' has no *.json files");
                }
            }
            else
            {
                throw new CommandLineException($"no payload file or folder '{argument}'");
            }
        }

        return sources;
    }
}
