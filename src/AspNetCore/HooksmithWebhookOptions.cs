using System;
using System.Collections.Generic;
using Hooksmith.Webhooks;

namespace Hooksmith.AspNetCore;

/// <summary>
/// Settings of one webhook endpoint. Read through <c>IOptionsMonitor</c> on every request, so a change (a rotated
/// secret, a new policy) takes effect without a restart; <see cref="QueueCapacity"/> is the exception, read once.
/// </summary>
/// <remarks>
/// Configure with the delegate given to <c>AddHooksmithWebhooks</c>, with
/// <see cref="HooksmithWebhooksBuilder{TEvents}.Configure"/>, or from configuration with
/// <see cref="HooksmithWebhooksBuilder{TEvents}.BindConfiguration"/>. The options are named per endpoint
/// (<see cref="HooksmithWebhooksBuilder{TEvents}.Name"/>).
/// </remarks>
public sealed class HooksmithWebhookOptions
{
    /// <summary>The largest body accepted when <see cref="MaxBodyBytes"/> is not set: 1 MiB.</summary>
    public const long DefaultMaxBodyBytes = 1024 * 1024;

    /// <summary>The capacity of the background queue when <see cref="QueueCapacity"/> is not set.</summary>
    public const int DefaultQueueCapacity = 1024;

    /// <summary>
    /// The webhook secrets. A delivery signed with any of them is accepted: during a rotation list the new secret and
    /// the old one, then remove the old one. Empty entries are ignored. At least one is required unless
    /// <see cref="SignatureScheme"/> is <see cref="WebhookSignatureScheme.None"/>.
    /// </summary>
    public IList<string> Secrets { get; set; } = new List<string>();

    /// <summary>How deliveries are authenticated. Default: <see cref="WebhookSignatureScheme.Voucherify"/>.</summary>
    public WebhookSignatureScheme SignatureScheme { get; set; } = WebhookSignatureScheme.Voucherify;

    /// <summary>
    /// For <see cref="WebhookSignatureScheme.StandardWebhooks"/>: how far the signed timestamp may be from now, either
    /// way. Default: five minutes.
    /// </summary>
    public TimeSpan SignatureTolerance { get; set; } = StandardWebhooksVerifier.DefaultTolerance;

    /// <summary>
    /// For <see cref="WebhookSignatureScheme.HmacSha256Header"/>: the header carrying <c>sha256=&lt;hex&gt;</c>.
    /// Default: <c>X-Hub-Signature-256</c>.
    /// </summary>
    public string SignatureHeaderName { get; set; } = HmacSha256HeaderVerifier.DefaultHeaderName;

    /// <summary>What to do with a payload that does not match its schema. Default: <see cref="InvalidPayloadPolicy.AcceptAndReport"/>.</summary>
    public InvalidPayloadPolicy InvalidPayloads { get; set; } = InvalidPayloadPolicy.AcceptAndReport;

    /// <summary>
    /// Whether a string that is not of its <c>format</c> (<c>date-time</c>, <c>email</c>…) makes a payload invalid.
    /// Null (the default) leaves it to the schema's dialect, which for 2019-09 and later means annotation only.
    /// </summary>
    public bool? AssertFormats { get; set; }

    /// <summary>
    /// True answers 400 to a body that is not JSON or not the expected envelope; false (the default) keeps it as a
    /// dead letter and answers 202, since a retry would send the same bytes.
    /// </summary>
    public bool RejectMalformedBodies { get; set; }

    /// <summary>
    /// The largest body accepted, in bytes; a larger one is answered 413 without being read further (checked against
    /// <c>Content-Length</c> first, then while reading). Default: <see cref="DefaultMaxBodyBytes"/>.
    /// </summary>
    public long MaxBodyBytes { get; set; } = DefaultMaxBodyBytes;

    /// <summary>The interval of <see cref="LogAggregationInterval"/> when it is not set: 10 seconds.</summary>
    public static readonly TimeSpan DefaultLogAggregationInterval = TimeSpan.FromSeconds(10);

    /// <summary>
    /// How often a warning that anyone can provoke in bulk is logged: a rejected signature (event id 3) and a
    /// deduplication key the in-memory store dropped early (event id 22). In between, occurrences are counted and the
    /// count goes with the next message; the metrics count every one. Zero logs each one. Default:
    /// <see cref="DefaultLogAggregationInterval"/>.
    /// </summary>
    public TimeSpan LogAggregationInterval { get; set; } = DefaultLogAggregationInterval;

    /// <summary>When the provider gets its answer. Default: <see cref="WebhookAcknowledgement.AfterHandler"/>.</summary>
    public WebhookAcknowledgement Acknowledge { get; set; } = WebhookAcknowledgement.AfterHandler;

    /// <summary>
    /// For <see cref="WebhookAcknowledgement.AfterEnqueue"/>: how many verified deliveries may wait for the background
    /// worker; when the queue is full, deliveries are answered 503. Read once, when the endpoint is created.
    /// Default: <see cref="DefaultQueueCapacity"/>.
    /// </summary>
    public int QueueCapacity { get; set; } = DefaultQueueCapacity;

    /// <summary>
    /// Reads the event type, ids and payload from a body. Default: Voucherify's envelope. For an endpoint that receives
    /// the payload alone (Voucherify's raw-payload distributions), use <c>new RawPayloadEnvelopeFormat("event.type")</c>.
    /// </summary>
    public IWebhookEnvelopeFormat EnvelopeFormat { get; set; } = VoucherifyEnvelopeFormat.Instance;

    /// <summary>
    /// The provider's description (<see cref="WebhookProviders"/>: where the event type, payload and ids are, batches, how
    /// the table's keys are routed, what a 2xx answer says). Null (the default) reads bodies with
    /// <see cref="EnvelopeFormat"/>; when set, <see cref="EnvelopeFormat"/> is not used. Set it with the scheme that goes
    /// with it, or with <see cref="UseProvider"/>.
    /// </summary>
    public WebhookProvider? Provider { get; set; }

    /// <summary>
    /// With <see cref="BasicAuthenticationPassword"/>: HTTP Basic credentials every delivery must carry (Adyen sends them
    /// when configured), checked before the signature. Null (the default) checks none.
    /// </summary>
    public string? BasicAuthenticationUserName { get; set; }

    /// <summary>The password of <see cref="BasicAuthenticationUserName"/>.</summary>
    public string? BasicAuthenticationPassword { get; set; }

    /// <summary>
    /// Makes the endpoint one of <paramref name="provider"/>: sets <see cref="Provider"/> and, for Adyen's presets, the
    /// signature scheme that goes with it (<see cref="WebhookSignatureScheme.AdyenItemHmac"/> for
    /// <see cref="WebhookProviders.AdyenClassic"/>, <see cref="WebhookSignatureScheme.AdyenHmac"/> for the others,
    /// <see cref="WebhookSignatureScheme.Voucherify"/> for <see cref="WebhookProviders.Voucherify"/>).
    /// </summary>
    /// <param name="provider">The provider.</param>
    /// <returns>These options.</returns>
    public HooksmithWebhookOptions UseProvider(WebhookProvider provider)
    {
        ArgumentNullException.ThrowIfNull(provider);
        Provider = provider;
        if (ReferenceEquals(provider, WebhookProviders.AdyenClassic))
        {
            SignatureScheme = WebhookSignatureScheme.AdyenItemHmac;
        }
        else if (ReferenceEquals(provider, WebhookProviders.Voucherify))
        {
            SignatureScheme = WebhookSignatureScheme.Voucherify;
        }
        else if (ReferenceEquals(provider, WebhookProviders.AdyenBalancePlatform) || ReferenceEquals(provider, WebhookProviders.AdyenManagement)
            || ReferenceEquals(provider, WebhookProviders.AdyenTokenization) || ReferenceEquals(provider, WebhookProviders.AdyenMarketPay)
            || ReferenceEquals(provider, WebhookProviders.AdyenAuthentication))
        {
            SignatureScheme = WebhookSignatureScheme.AdyenHmac;
        }

        return this;
    }

    /// <summary>Values read from configuration that could not be used; reported by the endpoint's checks.</summary>
    internal List<string> ConfigurationProblems { get; } = [];
}
