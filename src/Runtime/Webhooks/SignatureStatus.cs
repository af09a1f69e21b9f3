namespace Hooksmith.Webhooks;

/// <summary>The verdict of a webhook signature check.</summary>
/// <remarks>
/// The members start at 1 on purpose: a <c>default</c> <see cref="SignatureResult"/> then carries
/// no defined status and is never mistaken for <see cref="Valid"/>.
/// </remarks>
public enum SignatureStatus
{
    /// <summary>The signature matches the payload under one of the configured secrets.</summary>
    Valid = 1,

    /// <summary>A header the scheme needs is absent or empty.</summary>
    Missing = 2,

    /// <summary>A header is present but cannot be read (not hex, wrong length, bad base64, unknown format).</summary>
    Malformed = 3,

    /// <summary>The headers are well formed but no configured secret produces the given signature.</summary>
    Mismatch = 4,

    /// <summary>
    /// The signature is authentic but its timestamp lies outside the allowed tolerance (too old, or too
    /// far in the future). Only timestamped schemes report it.
    /// </summary>
    Expired = 5,
}
