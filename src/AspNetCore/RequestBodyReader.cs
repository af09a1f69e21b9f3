using System;
using System.Buffers;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace Hooksmith.AspNetCore;

/// <summary>What reading a request body gave.</summary>
internal enum BodyReadStatus
{
    /// <summary>The whole body, within the limit.</summary>
    Read = 1,

    /// <summary>The body is larger than the limit (declared or found while reading); it was not read further.</summary>
    TooLarge = 2,

    /// <summary>The request body is broken (ended before its declared length, bad chunking).</summary>
    Unreadable = 3,
}

/// <summary>
/// Reads a request body into an array of its own, up to a limit: a declared <c>Content-Length</c> over the limit is
/// refused before reading, and a body without one is read in growing pooled buffers that never exceed the limit by
/// more than one read.
/// </summary>
/// <remarks>
/// The body ends up in an exact-size array that nobody else uses, so handlers may keep
/// <c>WebhookContext.Body</c> after the request, and a queued delivery needs no copy.
/// </remarks>
internal static class RequestBodyReader
{
    private const int FirstBufferSize = 16 * 1024;

    public static async Task<(BodyReadStatus Status, byte[] Body, Exception? Error)> ReadAsync(HttpRequest request, long limit, CancellationToken cancellationToken)
    {
        if (request.ContentLength is { } declared && declared > limit)
        {
            return (BodyReadStatus.TooLarge, [], null);
        }

        // Kestrel's own limit (30 MB by default) would cut a larger allowed body short; ours is the one that counts.
        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false, MaxRequestBodySize: { } serverLimit } feature
            && serverLimit < limit)
        {
            feature.MaxRequestBodySize = limit;
        }

        try
        {
            return request.ContentLength is { } length
                ? await ReadDeclaredAsync(request.Body, (int)length, cancellationToken).ConfigureAwait(false)
                : await ReadChunkedAsync(request.Body, limit, cancellationToken).ConfigureAwait(false);
        }
        catch (BadHttpRequestException exception)
        {
            return (exception.StatusCode == StatusCodes.Status413PayloadTooLarge ? BodyReadStatus.TooLarge : BodyReadStatus.Unreadable, [], exception);
        }
    }

    private static async Task<(BodyReadStatus, byte[], Exception?)> ReadDeclaredAsync(Stream body, int length, CancellationToken cancellationToken)
    {
        var buffer = length == 0 ? [] : new byte[length];
        var filled = 0;
        while (filled < length)
        {
            var read = await body.ReadAsync(buffer.AsMemory(filled), cancellationToken).ConfigureAwait(false);
            if (read == 0)
            {
                return (BodyReadStatus.Unreadable, [], new EndOfStreamException($"The body ended after {filled} of its {length} declared bytes."));
            }

            filled += read;
        }

        return (BodyReadStatus.Read, buffer, null);
    }

    private static async Task<(BodyReadStatus, byte[], Exception?)> ReadChunkedAsync(Stream body, long limit, CancellationToken cancellationToken)
    {
        // One byte past the limit is enough to know the body is too large.
        var ceiling = (int)Math.Min(limit + 1, Array.MaxLength);
        var buffer = ArrayPool<byte>.Shared.Rent(Math.Min(FirstBufferSize, ceiling));
        var filled = 0;
        try
        {
            while (true)
            {
                if (filled == buffer.Length)
                {
                    if (buffer.Length >= ceiling)
                    {
                        return (BodyReadStatus.TooLarge, [], null);
                    }

                    var larger = ArrayPool<byte>.Shared.Rent((int)Math.Min((long)buffer.Length * 2, ceiling));
                    buffer.AsSpan(0, filled).CopyTo(larger);
                    Return(buffer, filled);
                    buffer = larger;
                }

                var room = Math.Min(buffer.Length, ceiling) - filled;
                var read = await body.ReadAsync(buffer.AsMemory(filled, room), cancellationToken).ConfigureAwait(false);
                if (read == 0)
                {
                    return (BodyReadStatus.Read, buffer.AsSpan(0, filled).ToArray(), null);
                }

                filled += read;
                if (filled > limit)
                {
                    return (BodyReadStatus.TooLarge, [], null);
                }
            }
        }
        finally
        {
            Return(buffer, filled);
        }
    }

    // The bytes are customer data: do not leave them in a shared pool.
    private static void Return(byte[] buffer, int filled)
    {
        buffer.AsSpan(0, Math.Min(filled, buffer.Length)).Clear();
        ArrayPool<byte>.Shared.Return(buffer);
    }
}
