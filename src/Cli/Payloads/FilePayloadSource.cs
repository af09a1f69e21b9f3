using System;
using System.Collections.Generic;
using System.IO;

namespace Hooksmith.Cli.Payloads;

/// <summary>A payload file, read whole. A UTF-8 byte order mark is dropped.</summary>
/// <param name="path">The full path.</param>
/// <param name="name">The name results give it.</param>
internal sealed class FilePayloadSource(string path, string name) : PayloadSource
{
    /// <summary>The file's full path.</summary>
    public string Path { get; } = path;

    /// <summary>The name results give it.</summary>
    public string Name { get; } = name;

    /// <inheritdoc/>
    public override IEnumerable<Payload> Read(TextReader stdin)
    {
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(Path);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return [new Payload(Name, ReadOnlyMemory<byte>.Empty, exception.Message)];
        }

        ReadOnlyMemory<byte> content = bytes;
        if (content.Span.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            content = content[3..];
        }

        return [new Payload(Name, content)];
    }
}
