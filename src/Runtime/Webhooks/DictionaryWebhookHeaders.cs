using System;
using System.Collections;
using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;

namespace Hooksmith.Webhooks;

/// <summary>
/// Webhook headers held in a case-insensitive dictionary: for host-free receivers (queues, functions)
/// and for tests.
/// </summary>
/// <example>
/// <code>
/// var headers = new DictionaryWebhookHeaders { ["x-voucherify-signature"] = signature };
/// </code>
/// </example>
public sealed class DictionaryWebhookHeaders : IWebhookHeaders, IEnumerable<KeyValuePair<string, string>>
{
    private readonly Dictionary<string, string> _headers = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Creates an empty header set.</summary>
    public DictionaryWebhookHeaders()
    {
    }

    /// <summary>Creates a header set from name/value pairs; when a name repeats (in any case), the last value wins.</summary>
    /// <param name="headers">The headers to copy.</param>
    public DictionaryWebhookHeaders(IEnumerable<KeyValuePair<string, string>> headers)
    {
        ArgumentNullException.ThrowIfNull(headers);
        foreach (var (name, value) in headers)
        {
            this[name] = value;
        }
    }

    /// <summary>The number of distinct header names.</summary>
    public int Count => _headers.Count;

    /// <summary>Gets or replaces the value of a header (name compared case-insensitively).</summary>
    /// <param name="name">The header name.</param>
    /// <exception cref="KeyNotFoundException">On read, when the header is absent.</exception>
    public string this[string name]
    {
        get => _headers[name];
        set
        {
            ArgumentNullException.ThrowIfNull(name);
            ArgumentNullException.ThrowIfNull(value);
            _headers[name] = value;
        }
    }

    /// <summary>Adds a header that is not present yet.</summary>
    /// <param name="name">The header name.</param>
    /// <param name="value">The header value.</param>
    /// <exception cref="ArgumentException">A header with this name (in any case) is already present.</exception>
    public void Add(string name, string value)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(value);
        _headers.Add(name, value);
    }

    /// <summary>Removes a header.</summary>
    /// <param name="name">The header name.</param>
    /// <returns><see langword="true"/> when the header was present.</returns>
    public bool Remove(string name) => _headers.Remove(name);

    /// <inheritdoc/>
    public bool TryGetValue(string name, [NotNullWhen(true)] out string? value)
    {
        ArgumentNullException.ThrowIfNull(name);
        return _headers.TryGetValue(name, out value);
    }

    /// <inheritdoc/>
    public IEnumerator<KeyValuePair<string, string>> GetEnumerator() => _headers.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
