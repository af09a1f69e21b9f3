using System.Diagnostics.CodeAnalysis;

namespace Hooksmith.Webhooks;

/// <summary>
/// Read access to the headers of one webhook delivery. Kept this small so that an HTTP request,
/// a queue message's properties or a test dictionary can all be adapted without copying.
/// </summary>
public interface IWebhookHeaders
{
    /// <summary>Looks a header up by name, ignoring case (HTTP header names are case-insensitive).</summary>
    /// <param name="name">The header name.</param>
    /// <param name="value">The header value when present. A header sent several times is expected to be
    /// combined into one comma-separated value, as HTTP does.</param>
    /// <returns><see langword="true"/> when the header is present.</returns>
    bool TryGetValue(string name, [NotNullWhen(true)] out string? value);
}
