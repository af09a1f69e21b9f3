using System;

namespace Hooksmith.Webhooks;

/// <summary>Checks that a webhook delivery was signed by the provider.</summary>
/// <remarks>
/// Implementations verify the exact bytes received, before any parsing, and never throw for bad
/// input: an absent, malformed or forged signature is a <see cref="SignatureResult"/>, so a hostile
/// request cannot turn into an unhandled exception. They are safe to call concurrently.
/// </remarks>
public interface IWebhookSignatureVerifier
{
    /// <summary>Verifies the signature of one delivery.</summary>
    /// <param name="body">The raw request body, exactly as received.</param>
    /// <param name="headers">The request headers.</param>
    /// <returns>The verdict; <see cref="SignatureResult.IsValid"/> tells whether to trust the payload.</returns>
    SignatureResult Verify(ReadOnlySpan<byte> body, IWebhookHeaders headers);
}
