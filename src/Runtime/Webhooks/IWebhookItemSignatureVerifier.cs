using System;

namespace Hooksmith.Webhooks;

/// <summary>
/// Checks the signature each item of a batch carries inside itself (Adyen's classic <c>additionalData.hmacSignature</c>),
/// so one forged or damaged item is reported while the others are handled.
/// </summary>
/// <remarks>Implementations never throw for an item's content and are safe to call concurrently.</remarks>
public interface IWebhookItemSignatureVerifier
{
    /// <summary>Verifies one item.</summary>
    /// <param name="item">The item's JSON (for Adyen, the <c>NotificationRequestItem</c> object).</param>
    SignatureResult Verify(ReadOnlySpan<byte> item);
}
