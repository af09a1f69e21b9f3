using System;
using System.Collections.Generic;
using System.Globalization;
using Hooksmith.Webhooks;
using Microsoft.Extensions.Configuration;

namespace Hooksmith.AspNetCore.Configuration;

/// <summary>
/// Reads <see cref="HooksmithWebhookOptions"/> from a configuration section, key by key and without reflection (so it
/// trims and compiles ahead of time). Only the keys present change the options.
/// </summary>
/// <remarks>
/// Keys: <c>Secrets</c> (an array, <c>Secrets:0</c>, <c>Secrets:1</c>…, or one value), <c>SignatureScheme</c>,
/// <c>SignatureTolerance</c> (a time span, <c>00:05:00</c>), <c>SignatureHeaderName</c>, <c>InvalidPayloads</c>, <c>AssertFormats</c>,
/// <c>RejectMalformedBodies</c>, <c>MaxBodyBytes</c>, <c>Acknowledge</c>, <c>QueueCapacity</c> and
/// <c>RawPayloadEventType</c> (makes the endpoint a raw-payload one for that event type), <c>Provider</c> (a preset of
/// <see cref="WebhookProviders"/> by name, with its signature scheme: <c>AdyenClassic</c>), <c>BasicAuthenticationUserName</c>
/// and <c>BasicAuthenticationPassword</c>. Enum values are their names,
/// in any case. A value that cannot be read is not thrown (this runs inside the configuration's reload callback): it
/// is written down in the options' problems, which the endpoint reports.
/// </remarks>
internal static class HooksmithWebhookConfiguration
{
    public static void Apply(IConfiguration section, HooksmithWebhookOptions options)
    {
        var secrets = section.GetSection(nameof(HooksmithWebhookOptions.Secrets));
        var entries = new List<string>();
        foreach (var child in secrets.GetChildren())
        {
            if (!string.IsNullOrEmpty(child.Value))
            {
                entries.Add(child.Value);
            }
        }

        if (entries.Count == 0 && !string.IsNullOrEmpty(secrets.Value))
        {
            entries.Add(secrets.Value);
        }

        if (entries.Count > 0)
        {
            options.Secrets = entries;
        }

        var reader = new Reader(section, options);
        // First, so that a SignatureScheme given beside it wins over the provider's own.
        reader.Value(nameof(HooksmithWebhookOptions.Provider), "one of " + string.Join(", ", Presets.Keys), static (string v, out WebhookProvider r) => Presets.TryGetValue(v, out r!), value => options.UseProvider(value));
        reader.Enum<WebhookSignatureScheme>(nameof(HooksmithWebhookOptions.SignatureScheme), value => options.SignatureScheme = value);
        reader.Value(nameof(HooksmithWebhookOptions.SignatureTolerance), "a time span such as 00:05:00", static (string v, out TimeSpan r) => TimeSpan.TryParse(v, CultureInfo.InvariantCulture, out r), value => options.SignatureTolerance = value);
        reader.Value(nameof(HooksmithWebhookOptions.SignatureHeaderName), "a header name", static (string v, out string r) => (r = v).Length > 0, value => options.SignatureHeaderName = value);
        reader.Enum<InvalidPayloadPolicy>(nameof(HooksmithWebhookOptions.InvalidPayloads), value => options.InvalidPayloads = value);
        reader.Value(nameof(HooksmithWebhookOptions.RejectMalformedBodies), "true or false", static (string v, out bool r) => bool.TryParse(v, out r), value => options.RejectMalformedBodies = value);
        reader.Value(nameof(HooksmithWebhookOptions.AssertFormats), "true or false", static (string v, out bool r) => bool.TryParse(v, out r), value => options.AssertFormats = value);
        reader.Value(nameof(HooksmithWebhookOptions.MaxBodyBytes), "a number of bytes", static (string v, out long r) => long.TryParse(v, NumberStyles.None, CultureInfo.InvariantCulture, out r), value => options.MaxBodyBytes = value);
        reader.Enum<WebhookAcknowledgement>(nameof(HooksmithWebhookOptions.Acknowledge), value => options.Acknowledge = value);
        reader.Value(nameof(HooksmithWebhookOptions.QueueCapacity), "a number", static (string v, out int r) => int.TryParse(v, NumberStyles.None, CultureInfo.InvariantCulture, out r), value => options.QueueCapacity = value);
        reader.Value(nameof(HooksmithWebhookOptions.BasicAuthenticationUserName), "a user name", static (string v, out string r) => (r = v).Length > 0, value => options.BasicAuthenticationUserName = value);
        reader.Value(nameof(HooksmithWebhookOptions.BasicAuthenticationPassword), "a password", static (string v, out string r) => (r = v).Length > 0, value => options.BasicAuthenticationPassword = value);
        reader.Value("RawPayloadEventType", "an event type", static (string v, out string r) => (r = v).Length > 0, value => options.EnvelopeFormat = new RawPayloadEnvelopeFormat(value));
    }

    private delegate bool TryParser<T>(string value, out T result);

    /// <summary>The providers configuration can name (<c>Provider</c>: <c>AdyenClassic</c>), in any case.</summary>
    private static readonly Dictionary<string, WebhookProvider> Presets = new(StringComparer.OrdinalIgnoreCase)
    {
        [nameof(WebhookProviders.Voucherify)] = WebhookProviders.Voucherify,
        [nameof(WebhookProviders.AdyenBalancePlatform)] = WebhookProviders.AdyenBalancePlatform,
        [nameof(WebhookProviders.AdyenManagement)] = WebhookProviders.AdyenManagement,
        [nameof(WebhookProviders.AdyenTokenization)] = WebhookProviders.AdyenTokenization,
        [nameof(WebhookProviders.AdyenMarketPay)] = WebhookProviders.AdyenMarketPay,
        [nameof(WebhookProviders.AdyenClassic)] = WebhookProviders.AdyenClassic,
        [nameof(WebhookProviders.AdyenAuthentication)] = WebhookProviders.AdyenAuthentication,
    };

    // Names only: a number would name any value, defined or not.
    private static bool TryParseEnum<TEnum>(string text, out TEnum value)
        where TEnum : struct, Enum
    {
        if (!char.IsAsciiDigit(text[0]) && text[0] != '-' && Enum.TryParse(text, ignoreCase: true, out value) && Enum.IsDefined(value))
        {
            return true;
        }

        value = default;
        return false;
    }

    private readonly struct Reader(IConfiguration section, HooksmithWebhookOptions options)
    {
        public void Value<T>(string key, string expected, TryParser<T> parse, Action<T> apply)
        {
            var text = section[key];
            if (string.IsNullOrWhiteSpace(text))
            {
                return;
            }

            if (parse(text.Trim(), out var value))
            {
                apply(value);
            }
            else
            {
                // The value is not repeated: the key may hold a secret by mistake.
                options.ConfigurationProblems.Add($"The configuration value {Path(key)} is not {expected}.");
            }
        }

        public void Enum<TEnum>(string key, Action<TEnum> apply)
            where TEnum : struct, System.Enum
            => Value(key, "one of " + string.Join(", ", System.Enum.GetNames<TEnum>()), TryParseEnum, apply);

        private string Path(string key)
            => section is IConfigurationSection { Path: { Length: > 0 } path } ? path + ":" + key : key;
    }
}
