using System;
using System.Collections.Generic;

namespace Hooksmith.Webhooks;

/// <summary>
/// How a provider's <c>webhooks</c> key (<see cref="WebhookEventDescriptor.Key"/>, as written in its document) becomes
/// the value its deliveries carry as their event type: Voucherify's <c>EVENTS.CUSTOMER.ORDER.UPDATED</c> arrives as
/// <c>customer.order.updated</c>, Adyen's <c>balancePlatform.transfer.created</c> as itself and <c>/AUTHORISATION</c> as
/// <c>AUTHORISATION</c>.
/// </summary>
public sealed record WebhookEventKeyNaming
{
    /// <summary>The key is the routing value, unchanged.</summary>
    public static WebhookEventKeyNaming AsWritten { get; } = new();

    /// <summary>Voucherify: <c>EVENTS.</c> removed, and a constant-style key (no lowercase letter) lowercased.</summary>
    public static WebhookEventKeyNaming Voucherify { get; } = new() { RemovedPrefixes = ["EVENTS."], LowerCaseConstantKeys = true };

    /// <summary>Adyen: a leading <c>/</c> removed (classic keys are written as paths), the rest as written.</summary>
    public static WebhookEventKeyNaming Adyen { get; } = new() { RemovedPrefixes = ["/"] };

    /// <summary>Prefixes removed from the key, the first that matches (ordinal).</summary>
    public IReadOnlyList<string> RemovedPrefixes { get; init; } = [];

    /// <summary>
    /// True lowercases a key written in constant style (no lowercase letter in it, such as <c>CUSTOMER.ORDER.UPDATED</c>);
    /// a key with a lowercase letter is kept as written.
    /// </summary>
    public bool LowerCaseConstantKeys { get; init; }

    /// <summary>The routing value of a key.</summary>
    public string RoutingValueOf(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        var constantStyle = true;
        foreach (var c in key)
        {
            if (char.IsLower(c))
            {
                constantStyle = false;
                break;
            }
        }

        var value = key;
        foreach (var prefix in RemovedPrefixes)
        {
            if (prefix.Length > 0 && value.StartsWith(prefix, StringComparison.Ordinal))
            {
                value = value[prefix.Length..];
                break;
            }
        }

        return LowerCaseConstantKeys && constantStyle ? value.ToLowerInvariant() : value;
    }
}
