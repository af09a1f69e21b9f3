using System;

namespace Hooksmith.Cli.CommandLine;

/// <summary>
/// A <c>--base-uri &lt;uri&gt;=&lt;folder&gt;</c> argument: every schema file under <see cref="Directory"/>
/// stands for <see cref="Uri"/> joined with its path relative to the folder.
/// </summary>
/// <param name="Uri">An absolute URI naming the folder; always ends in <c>/</c>.</param>
/// <param name="Directory">The folder as written on the command line.</param>
internal sealed record BaseUriMapping(string Uri, string Directory)
{
    /// <summary>Reads <c>&lt;uri&gt;=&lt;folder&gt;</c>, splitting at the last <c>=</c>.</summary>
    public static BaseUriMapping Parse(string value)
    {
        var split = value.LastIndexOf('=');
        if (split <= 0 || split == value.Length - 1)
        {
            throw new CommandLineException($"--base-uri takes <uri>=<folder>, such as https://example.com/schemas/=schemas; got '{value}'");
        }

        var uri = value[..split].Trim();
        var directory = value[(split + 1)..].Trim();

        // Uri.TryCreate also takes "/schemas" as an absolute file URI on Unix; a base URI must spell its scheme.
        if (!System.Uri.TryCreate(uri, UriKind.Absolute, out var parsed)
            || !uri.StartsWith(parsed.Scheme + ":", StringComparison.OrdinalIgnoreCase))
        {
            throw new CommandLineException($"--base-uri: '{uri}' is not an absolute URI (such as https://example.com/schemas/)");
        }

        if (parsed.Fragment.Length > 0 || uri.EndsWith('#'))
        {
            throw new CommandLineException($"--base-uri: '{uri}' has a fragment; a base URI names a folder");
        }

        return new BaseUriMapping(uri.EndsWith('/') ? uri : uri + "/", directory);
    }
}
