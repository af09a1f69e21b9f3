using System;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Threading.Tasks;

namespace Hooksmith.AspNetCore.Tests.Infrastructure;

/// <summary>Content whose length HttpClient cannot know, so it is sent with <c>Transfer-Encoding: chunked</c> and no <c>Content-Length</c>.</summary>
internal sealed class ChunkedContent(byte[] body, int chunkSize = 4096) : HttpContent
{
    protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
    {
        for (var offset = 0; offset < body.Length; offset += chunkSize)
        {
            await stream.WriteAsync(body.AsMemory(offset, Math.Min(chunkSize, body.Length - offset)));
            await stream.FlushAsync();
        }
    }

    protected override bool TryComputeLength(out long length)
    {
        length = 0;
        return false;
    }
}
