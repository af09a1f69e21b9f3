using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text.Json;
using System.Text.RegularExpressions;
using Hooksmith.Webhooks;

namespace Hooksmith.Adyen.Tests;

/// <summary>The 25 spec files of ../shared/corpus/adyen, their generated event tables, and every example with the webhook it belongs to.</summary>
public static partial class AdyenCorpus
{
    public static string Folder { get; } =
        typeof(AdyenCorpus).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().FirstOrDefault(a => a.Key == "AdyenCorpus")?.Value
        ?? throw new InvalidOperationException("The test assembly has no AdyenCorpus metadata attribute.");

    /// <summary>One spec file: its name, its generated table, and the provider its deliveries follow.</summary>
    public sealed record SpecFile(string FileName, WebhookEventTable Table, WebhookProvider Provider)
    {
        public string Route => "/webhooks/adyen/" + Path.GetFileNameWithoutExtension(FileName);

        public string EndpointName => Path.GetFileNameWithoutExtension(FileName);

        public bool IsClassic => Provider.Batch is not null;

        public override string ToString() => FileName;
    }

    /// <summary>
    /// One endpoint of the test app: a file's generated table at a route, read with a provider. Every file has one at
    /// <c>/webhooks/adyen/{file}</c>; <c>Webhooks-v1.json</c> has two more (see <see cref="TypedClassicWebhooks"/>).
    /// </summary>
    public sealed record Endpoint(SpecFile File, string Name, string Route, WebhookProvider Provider)
    {
        /// <summary>Classic batches: each item signed in its <c>additionalData.hmacSignature</c>, answered <c>[accepted]</c>.</summary>
        public bool IsClassic => Provider.Batch is not null;

        public override string ToString() => Route;
    }

    /// <summary>
    /// The two webhooks of <c>Webhooks-v1.json</c> that are not classic batches. Their schemas
    /// (<c>AchNotificationOfChangeNotificationRequest</c>, <c>DirectDebitNoticeOfChangeNotificationRequest</c>) describe
    /// Adyen's typed shape <c>{"type", "version", "createdAt", "environment", "data"}</c>, with no
    /// <c>notificationItems</c> and no <c>eventCode</c>: wrapping them in a batch would make up an item Adyen never sends.
    /// Both carry <c>"type": "ach.notificationOfChange"</c> (the deprecated one and its successor), so the body cannot
    /// tell them apart: each is received at an endpoint of its own whose provider has a fixed event type
    /// (<see cref="WebhookValueSource.Fixed"/>), signed like Adyen's other typed webhooks (the <c>HmacSignature</c> header).
    /// </summary>
    public static IReadOnlyList<string> TypedClassicWebhooks { get; } = ["/ACH_NOTIFICATION_OF_CHANGE", "/DIRECT_DEBIT_NOTICE_OF_CHANGE_NOTIFICATION"];

    /// <summary>One example of a webhook, as the reference verdicts list it.</summary>
    public sealed record Example(SpecFile File, string Webhook, string Name, bool Valid, byte[] Body)
    {
        public override string ToString() => $"{File.FileName} {Webhook} {Name}";
    }

    private static readonly Lazy<IReadOnlyList<SpecFile>> LazyFiles = new(LoadFiles);
    private static readonly Lazy<IReadOnlyList<Example>> LazyExamples = new(LoadExamples);
    private static readonly Lazy<IReadOnlyList<Endpoint>> LazyEndpoints = new(LoadEndpoints);

    public static IReadOnlyList<Endpoint> Endpoints => LazyEndpoints.Value;

    /// <summary>The endpoint an example is delivered to: its file's, or for a typed classic webhook, that webhook's own.</summary>
    public static Endpoint EndpointOf(Example example)
        => Endpoints.Single(e => e.File == example.File && e.Name == (TypedClassicWebhooks.Contains(example.Webhook) ? TypedEndpointName(example.Webhook) : example.File.EndpointName));

    private static string TypedEndpointName(string webhook) => "Webhooks-v1" + webhook.Replace('/', '-');

    private static IReadOnlyList<Endpoint> LoadEndpoints()
    {
        var endpoints = Files.Select(f => new Endpoint(f, f.EndpointName, f.Route, f.Provider)).ToList();
        foreach (var webhook in TypedClassicWebhooks)
        {
            var provider = new WebhookProvider
            {
                Name = "Adyen " + webhook[1..],
                EventType = [WebhookValueSource.Fixed(webhook[1..])],
                CreatedAt = ["/createdAt"],
                EventKeys = WebhookEventKeyNaming.Adyen,
            };
            endpoints.Add(new Endpoint(Classic, TypedEndpointName(webhook), Classic.Route + webhook, provider));
        }

        return endpoints;
    }

    public static IReadOnlyList<SpecFile> Files => LazyFiles.Value;

    public static IReadOnlyList<Example> Examples => LazyExamples.Value;

    public static SpecFile Classic => Files.Single(f => f.IsClassic);

    /// <summary>The namespace a file's types are generated in (see the project file).</summary>
    public static string NamespaceOf(string fileName)
        => "Hooksmith.Adyen.Tests.Vendor." + VersionSuffix().Replace(Path.GetFileNameWithoutExtension(fileName), "V$1");

    public static WebhookProvider ProviderOf(string fileName) => fileName switch
    {
        "Webhooks-v1.json" => WebhookProviders.AdyenClassic,
        "BalancePlatformAcsNotification-v1.json" => WebhookProviders.AdyenAuthentication,
        _ when fileName.StartsWith("MarketPay", StringComparison.Ordinal) => WebhookProviders.AdyenMarketPay,
        _ when fileName.StartsWith("Management", StringComparison.Ordinal) => WebhookProviders.AdyenManagement,
        _ when fileName.StartsWith("Tokenization", StringComparison.Ordinal) => WebhookProviders.AdyenTokenization,
        _ => WebhookProviders.AdyenBalancePlatform,
    };

    private static IReadOnlyList<SpecFile> LoadFiles()
    {
        var tables = typeof(AdyenCorpus).Assembly.GetTypes()
            .Where(t => typeof(WebhookEventTable).IsAssignableFrom(t) && !t.IsAbstract)
            .ToDictionary(t => t.Namespace!, t => (WebhookEventTable)t.GetProperty("Instance", BindingFlags.Public | BindingFlags.Static)!.GetValue(null)!);
        return Directory.GetFiles(Folder, "*.json")
            .Select(Path.GetFileName)
            .Where(name => name != "expected-validation.json")
            .Order(StringComparer.Ordinal)
            .Select(name => new SpecFile(name!, tables[NamespaceOf(name!)], ProviderOf(name!)))
            .ToList();
    }

    private static IReadOnlyList<Example> LoadExamples()
    {
        using var reference = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(Folder, "expected-validation.json")));
        var examples = new List<Example>();
        foreach (var file in Files)
        {
            using var spec = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(Folder, file.FileName)));
            // A file whose examples are all inline has no components/examples.
            spec.RootElement.GetProperty("components").TryGetProperty("examples", out var components);
            foreach (var entry in reference.RootElement.GetProperty("files").GetProperty(file.FileName).EnumerateArray())
            {
                // The webhook's request body names the example, by a $ref into components/examples.
                var name = entry.GetProperty("example").GetString()!;
                var webhook = entry.GetProperty("webhook").GetString()!;
                // Two of the 213 are written inline, the others are a $ref.
                var named = spec.RootElement.GetProperty("webhooks").GetProperty(webhook).GetProperty("post").GetProperty("requestBody")
                    .GetProperty("content").GetProperty("application/json").GetProperty("examples").GetProperty(name);
                var value = named.TryGetProperty("$ref", out var exampleReference)
                    ? components.GetProperty(exampleReference.GetString()!["#/components/examples/".Length..]).GetProperty("value")
                    : named.GetProperty("value");
                examples.Add(new Example(file, webhook, name, entry.GetProperty("valid").GetBoolean(), JsonSerializer.SerializeToUtf8Bytes(value)));
            }
        }

        return examples;
    }

    [GeneratedRegex("-v([0-9]+)$")]
    private static partial Regex VersionSuffix();
}
