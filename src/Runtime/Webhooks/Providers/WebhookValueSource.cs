using System;

namespace Hooksmith.Webhooks;

/// <summary>Where a provider puts a value of a delivery: a member of the body (a JSON Pointer) or a request header.</summary>
public sealed record WebhookValueSource
{
    private WebhookValueSource(string? pointer, string? header)
    {
        Pointer = pointer;
        Header = header;
    }

    /// <summary>The JSON Pointer into the body (or the batch item), such as <c>/type</c>; null for a header.</summary>
    public string? Pointer { get; }

    /// <summary>The header's name; null for a body member.</summary>
    public string? Header { get; }

    /// <summary>A member of the body (or of a batch item), named by a JSON Pointer such as <c>/event/type</c>.</summary>
    /// <exception cref="ArgumentException">The pointer is neither empty nor starts with <c>/</c>.</exception>
    public static WebhookValueSource Body(string pointer)
    {
        JsonPointerLocator.Parse(pointer);
        return new WebhookValueSource(pointer, null);
    }

    /// <summary>A request header, such as <c>X-Event-Type</c>.</summary>
    /// <exception cref="ArgumentException">The name is empty.</exception>
    public static WebhookValueSource FromHeader(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        return new WebhookValueSource(null, name);
    }

    /// <inheritdoc/>
    public override string ToString() => Header is null ? $"body {Pointer}" : $"header {Header}";
}
