using System;
using System.Diagnostics.CodeAnalysis;
using Hooksmith.Webhooks;
using Microsoft.AspNetCore.Http;

namespace Hooksmith.AspNetCore;

/// <summary>
/// The headers of an HTTP request as <see cref="IWebhookHeaders"/>, read in place (nothing is copied). Valid while the
/// request is: copy them (<see cref="Copy"/>) to keep them longer.
/// </summary>
public sealed class HttpRequestWebhookHeaders : IWebhookHeaders
{
    private readonly IHeaderDictionary _headers;

    /// <summary>Wraps a request's headers.</summary>
    /// <param name="headers">The headers, such as <c>HttpRequest.Headers</c>.</param>
    public HttpRequestWebhookHeaders(IHeaderDictionary headers)
    {
        ArgumentNullException.ThrowIfNull(headers);
        _headers = headers;
    }

    /// <inheritdoc/>
    /// <remarks>A header sent several times comes back as its values joined with commas, as HTTP combines them.</remarks>
    public bool TryGetValue(string name, [NotNullWhen(true)] out string? value)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (_headers.TryGetValue(name, out var values) && values.Count > 0)
        {
            value = values.Count == 1 ? values[0] ?? string.Empty : values.ToString();
            return true;
        }

        value = null;
        return false;
    }

    /// <summary>A copy of every header, for work that outlives the request (a background queue).</summary>
    public DictionaryWebhookHeaders Copy()
    {
        var copy = new DictionaryWebhookHeaders();
        foreach (var (name, values) in _headers)
        {
            copy[name] = values.Count == 1 ? values[0] ?? string.Empty : values.ToString();
        }

        return copy;
    }
}
