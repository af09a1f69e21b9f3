using Hooksmith.Webhooks;

namespace Hooksmith.AspNetCore;

/// <summary>How an endpoint checks that a delivery comes from the provider.</summary>
/// <remarks>The members start at 1 so that an unset value is never mistaken for a scheme.</remarks>
public enum WebhookSignatureScheme
{
    /// <summary>
    /// Voucherify's <c>x-voucherify-signature</c>: the hex HMAC-SHA256 of the body (as sent, or with the
    /// whitespace outside strings removed), keyed with a secret's UTF-8 bytes. The default.
    /// </summary>
    Voucherify = 1,

    /// <summary>
    /// Standard Webhooks (<c>webhook-id</c>, <c>webhook-timestamp</c>, <c>webhook-signature</c>); secrets are
    /// <c>whsec_&lt;base64&gt;</c>, and the timestamp must lie within <see cref="HooksmithWebhookOptions.SignatureTolerance"/>.
    /// </summary>
    StandardWebhooks = 2,

    /// <summary>
    /// A <c>sha256=&lt;hex&gt;</c> header (GitHub's <c>X-Hub-Signature-256</c> and its imitators) named by
    /// <see cref="HooksmithWebhookOptions.SignatureHeaderName"/>.
    /// </summary>
    HmacSha256Header = 3,

    /// <summary>
    /// No signature check: every delivery is taken as authentic. Only for sources verified elsewhere (a
    /// gateway that checks signatures, a private network); it must be chosen explicitly.
    /// </summary>
    None = 4,

    /// <summary>
    /// Adyen's <c>HmacSignature</c> header (Balance Platform, Management, Tokenization webhooks): the Base64 HMAC-SHA256
    /// of the body; the secrets are HMAC keys in hex.
    /// </summary>
    AdyenHmac = 5,

    /// <summary>
    /// Adyen's classic webhooks: each item of a batch signed in its <c>additionalData.hmacSignature</c>, checked item by
    /// item (an item that fails is reported, the others are handled; a batch with no valid item is answered 401); the
    /// secrets are HMAC keys in hex. Needs a batch <see cref="HooksmithWebhookOptions.Provider"/> such as
    /// <see cref="WebhookProviders.AdyenClassic"/>.
    /// </summary>
    AdyenItemHmac = 6,
}
