using System;

namespace Hooksmith.Cli.Payloads;

/// <summary>One payload to validate, or why it could not be read.</summary>
/// <param name="Name">How results name it: the file as written on the command line, or <c>stdin:&lt;line&gt;</c>.</param>
/// <param name="Utf8Json">The payload's bytes (which need not be valid JSON); empty when <paramref name="ReadError"/> is set.</param>
/// <param name="ReadError">Why the payload could not be read; null when it was.</param>
internal sealed record Payload(string Name, ReadOnlyMemory<byte> Utf8Json, string? ReadError = null);
