using System;

namespace Hooksmith.Webhooks;

/// <summary>
/// Where a provider puts a value of a delivery: a member of the body (a JSON Pointer), a request header, or a fixed
/// value the endpoint itself stands for (a webhook whose body does not say its type, delivered to a URL of its own).
/// </summary>
public sealed record WebhookValueSource
{
    private WebhookValueSource(string? pointer, string? header, string? constant = null)
    {
        Pointer = pointer;
        Header = header;
        FixedValue = constant;
    }

    /// <summary>The JSON Pointer into the body (or the batch item), such as <c>/type</c>; null for a header.</summary>
    public string? Pointer { get; }

    /// <summary>The header's name; null for a body member or a fixed value.</summary>
    public string? Header { get; }

    /// <summary>The fixed value; null for a body member or a header.</summary>
    public string? FixedValue { get; }

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

    /// <summary>
    /// A fixed value, found in every delivery: listed after the other sources it is the fallback when none of them holds
    /// a value (Adyen's relayed authentication has no <c>type</c> in its body but arrives at the endpoint of its
    /// file), listed alone it makes every delivery of the endpoint one event type.
    /// </summary>
    /// <exception cref="ArgumentException">The value is empty or white space.</exception>
    public static WebhookValueSource Fixed(string value)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(value);
        return new WebhookValueSource(null, null, value);
    }

    /// <inheritdoc/>
    public override string ToString() => FixedValue is not null ? $"fixed '{FixedValue}'" : Header is null ? $"body {Pointer}" : $"header {Header}";
}
