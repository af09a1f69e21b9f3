using System.Collections.Generic;

namespace Hooksmith.Cli.CommandLine;

/// <summary>What <c>hooksmith validate</c> was asked to do.</summary>
/// <param name="Schema">The schema to validate against.</param>
/// <param name="Dialect">The dialect of schema files without <c>$schema</c>; null for the generator's default.</param>
/// <param name="BaseUris">Folders of further schema files, with the URIs they are published at.</param>
/// <param name="AssertFormats">Whether <c>format</c> is an assertion.</param>
/// <param name="Output">How to write the results.</param>
/// <param name="Payloads">Payload files, folders and <c>-</c> (JSON Lines on standard input), in command-line order.</param>
internal sealed record ValidateOptions(
    SchemaReference Schema,
    string? Dialect,
    IReadOnlyList<BaseUriMapping> BaseUris,
    bool AssertFormats,
    OutputFormat Output,
    IReadOnlyList<string> Payloads);
