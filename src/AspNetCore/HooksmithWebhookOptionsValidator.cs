using System;
using System.Collections.Generic;
using Hooksmith.Webhooks;

namespace Hooksmith.AspNetCore;

/// <summary>
/// Checks one endpoint's options: when the host starts (a problem stops the start) and whenever the endpoint meets a
/// new options instance (a problem is answered 503 and logged until the configuration is fixed).
/// </summary>
/// <remarks>
/// Not an <c>IValidateOptions</c> on purpose: <c>IOptionsMonitor</c> rebuilds options inside the configuration's reload
/// callback, so a validator that fails there throws into whatever reloaded the configuration (a file watcher's thread)
/// instead of into a request.
/// </remarks>
internal static class HooksmithWebhookOptionsValidator
{
    public static IReadOnlyList<string> Check(string name, HooksmithWebhookOptions options)
    {
        var failures = new List<string>(options.ConfigurationProblems);
        if (!Enum.IsDefined(options.SignatureScheme))
        {
            failures.Add($"SignatureScheme {(int)options.SignatureScheme} is not a scheme.");
        }
        else if (options.SignatureScheme != WebhookSignatureScheme.None)
        {
            var secrets = HooksmithWebhookEndpoint.UsableSecrets(options);
            if (secrets.Length == 0)
            {
                failures.Add($"No secret is configured for the {options.SignatureScheme} signature scheme: add one to Secrets, or choose SignatureScheme None explicitly to accept unsigned deliveries.");
            }
            else if (options.SignatureScheme is WebhookSignatureScheme.AdyenHmac or WebhookSignatureScheme.AdyenItemHmac)
            {
                try
                {
                    _ = new AdyenHmacSignatureVerifier(secrets);
                }
                catch (ArgumentException exception)
                {
                    failures.Add("An Adyen HMAC key is not hex: " + exception.Message);
                }
            }
            else if (options.SignatureScheme == WebhookSignatureScheme.StandardWebhooks)
            {
                try
                {
                    _ = new StandardWebhooksVerifier(secrets);
                }
                catch (ArgumentException exception)
                {
                    // The runtime's message names the secret's index, never the secret.
                    failures.Add("A Standard Webhooks secret is not whsec_<base64> or base64: " + exception.Message);
                }
            }
        }

        if (options.SignatureScheme == WebhookSignatureScheme.StandardWebhooks && options.SignatureTolerance < TimeSpan.Zero)
        {
            failures.Add("SignatureTolerance must not be negative.");
        }

        if (options.SignatureScheme == WebhookSignatureScheme.HmacSha256Header && string.IsNullOrWhiteSpace(options.SignatureHeaderName))
        {
            failures.Add("SignatureHeaderName must name a header for the HmacSha256Header signature scheme.");
        }

        if (options.SignatureScheme == WebhookSignatureScheme.AdyenItemHmac && options.Provider?.Batch is null)
        {
            failures.Add("The AdyenItemHmac signature scheme signs the items of a batch: set Provider to a batch provider such as WebhookProviders.AdyenClassic.");
        }

        if (string.IsNullOrEmpty(options.BasicAuthenticationUserName) != string.IsNullOrEmpty(options.BasicAuthenticationPassword))
        {
            failures.Add("BasicAuthenticationUserName and BasicAuthenticationPassword are set together or not at all.");
        }
        else if (options.BasicAuthenticationUserName?.Contains(':', StringComparison.Ordinal) == true)
        {
            failures.Add("BasicAuthenticationUserName cannot contain ':'.");
        }

        if (!Enum.IsDefined(options.InvalidPayloads))
        {
            failures.Add($"InvalidPayloads {(int)options.InvalidPayloads} is not a policy.");
        }

        if (!Enum.IsDefined(options.Acknowledge))
        {
            failures.Add($"Acknowledge {(int)options.Acknowledge} is not a mode.");
        }

        if (options.MaxBodyBytes < 1 || options.MaxBodyBytes > Array.MaxLength)
        {
            failures.Add($"MaxBodyBytes must be between 1 and {Array.MaxLength}.");
        }

        if (options.QueueCapacity < 1)
        {
            failures.Add("QueueCapacity must be at least 1.");
        }

        if (options.EnvelopeFormat is null && options.Provider is null)
        {
            failures.Add("EnvelopeFormat must be set.");
        }

        if (options.Secrets is null)
        {
            failures.Add("Secrets must not be null.");
        }

        for (var i = 0; i < failures.Count; i++)
        {
            failures[i] = $"Hooksmith webhook endpoint '{name}': {failures[i]}";
        }

        return failures;
    }
}
