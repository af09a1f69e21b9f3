using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text;
using System.Text.Json;
using Hooksmith.Webhooks;

namespace Hooksmith.Fuzz;

/// <summary>A valid input and the target it is fed to, mutated.</summary>
internal sealed record FuzzSeed(string Label, byte[] Input, FuzzTarget Target);

/// <summary>
/// The inputs fuzzing starts from: the seed event (its data and its whole envelope), and every example of
/// Voucherify's published event files, each with the model of its event.
/// </summary>
internal static class FuzzSeeds
{
    /// <summary>Voucherify's event files and the namespaces the project generates them into.</summary>
    private static readonly (string File, string Namespace)[] VoucherifyFiles =
    [
        ("events-bus-val-rule.json", "Hooksmith.Fuzz.Voucherify.BusValRules"),
        ("events-campaign.json", "Hooksmith.Fuzz.Voucherify.Campaigns"),
        ("events-customer.json", "Hooksmith.Fuzz.Voucherify.Customers"),
        ("events-distribution.json", "Hooksmith.Fuzz.Voucherify.Distributions"),
        ("events-publication.json", "Hooksmith.Fuzz.Voucherify.Publications"),
        ("events-redemption.json", "Hooksmith.Fuzz.Voucherify.Redemptions"),
        ("events-voucher.json", "Hooksmith.Fuzz.Voucherify.Vouchers"),
    ];

    public static string RepositoryRoot { get; } = typeof(FuzzSeeds).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(attribute => attribute.Key == "HooksmithRepositoryRoot").Value!;

    public static string VoucherifyCorpus { get; } = Path.GetFullPath(Path.Combine(RepositoryRoot, "..", "shared", "corpus", "voucherify"));

    public static string AdyenCorpus { get; } = Path.GetFullPath(Path.Combine(RepositoryRoot, "..", "shared", "corpus", "adyen"));

    /// <summary>The seed envelope, as posted.</summary>
    public static byte[] SeedEnvelope { get; } = File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "payloads", "customer.order.updated.json"));

    /// <summary>The seed envelope's data: the event payload.</summary>
    public static byte[] SeedData { get; } = DataOf(SeedEnvelope);

    public static IReadOnlyList<FuzzSeed> SeedInputs() =>
    [
        new("seed data", SeedData, new ModelTarget<Fuzz.Seed.CustomerOrderUpdated>()),
        new("seed envelope", SeedEnvelope, new EnvelopeTarget(Fuzz.Seed.SeedEvents.Instance)),
    ];

    /// <summary>Every example of every Voucherify event file, with its event's model; fails when the corpus is missing.</summary>
    public static IReadOnlyList<FuzzSeed> VoucherifyExamples()
    {
        if (!Directory.Exists(VoucherifyCorpus))
        {
            throw new InvalidOperationException($"The Voucherify corpus is not at {VoucherifyCorpus}: these tests read ../shared/corpus beside the repository.");
        }

        var seeds = new List<FuzzSeed>();
        foreach (var (file, @namespace) in VoucherifyFiles)
        {
            var segment = @namespace[(@namespace.LastIndexOf('.') + 1)..];
            var table = (WebhookEventTable)typeof(FuzzSeeds).Assembly.GetType($"{@namespace}.{segment}Events", throwOnError: true)!
                .GetProperty("Instance")!.GetValue(null)!;
            using var document = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(VoucherifyCorpus, file)));
            foreach (var webhook in document.RootElement.GetProperty("webhooks").EnumerateObject())
            {
                var payloadType = table.Events.Single(e => e.Key == webhook.Name).PayloadType;
                var target = (FuzzTarget)Activator.CreateInstance(typeof(ModelTarget<>).MakeGenericType(payloadType))!;
                var content = webhook.Value.GetProperty("post").GetProperty("requestBody").GetProperty("content").GetProperty("application/json");
                foreach (var example in content.GetProperty("examples").EnumerateObject())
                {
                    seeds.Add(new FuzzSeed($"{file} {webhook.Name} {example.Name}", Encoding.UTF8.GetBytes(example.Value.GetProperty("value").GetRawText()), target));
                }
            }
        }

        return seeds;
    }

    /// <summary>
    /// Every example of every Adyen spec (in <c>components/examples</c>, referred to from each webhook's request body),
    /// each with the model of its webhook, and each also as a whole body through the envelope readers (the raw-payload
    /// reader named for its webhook, and the type-and-data reader); fails when the corpus is missing.
    /// </summary>
    public static IReadOnlyList<FuzzSeed> AdyenExamples()
    {
        if (!Directory.Exists(AdyenCorpus))
        {
            throw new InvalidOperationException($"The Adyen corpus is not at {AdyenCorpus}: these tests read ../shared/corpus beside the repository.");
        }

        var seeds = new List<FuzzSeed>();
        var specs = Directory.GetFiles(AdyenCorpus, "*.json")
            .Where(path => !Path.GetFileName(path).Equals("expected-validation.json", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .ToList();
        foreach (var path in specs)
        {
            var file = Path.GetFileName(path);
            var @namespace = "Hooksmith.Fuzz.Adyen." + file[..^".json".Length].Replace("-v", "V", StringComparison.Ordinal);
            var table = (WebhookEventTable)typeof(FuzzSeeds).Assembly.GetTypes()
                .Single(type => type.Namespace == @namespace && typeof(WebhookEventTable).IsAssignableFrom(type))
                .GetProperty("Instance")!.GetValue(null)!;
            using var document = JsonDocument.Parse(File.ReadAllBytes(path));
            var shared = document.RootElement.GetProperty("components").TryGetProperty("examples", out var all) ? all : default;
            foreach (var webhook in document.RootElement.GetProperty("webhooks").EnumerateObject())
            {
                var payloadType = table.Events.Single(e => e.Key == webhook.Name).PayloadType;
                var target = (FuzzTarget)Activator.CreateInstance(typeof(ModelTarget<>).MakeGenericType(payloadType))!;
                var envelopes = new EnvelopeTarget(table, [new RawPayloadEnvelopeFormat(webhook.Name), new RawPayloadEnvelopeFormat(webhook.Name, idMemberName: "pspReference"), VoucherifyEnvelopeFormat.Instance]);
                var content = webhook.Value.GetProperty("post").GetProperty("requestBody").GetProperty("content").GetProperty("application/json");
                if (!content.TryGetProperty("examples", out var examples))
                {
                    continue;
                }

                foreach (var example in examples.EnumerateObject())
                {
                    var body = Encoding.UTF8.GetBytes(Resolve(example.Value, shared).GetProperty("value").GetRawText());
                    seeds.Add(new FuzzSeed($"{file} {webhook.Name} {example.Name}", body, target));
                    seeds.Add(new FuzzSeed($"{file} {webhook.Name} {example.Name} (envelope)", body, envelopes));
                }
            }
        }

        return seeds;
    }

    // An example is given in place, or as a $ref to the file's components/examples.
    private static JsonElement Resolve(JsonElement example, JsonElement shared)
        => example.TryGetProperty("$ref", out var reference) && reference.GetString() is { } pointer && pointer.StartsWith("#/components/examples/", StringComparison.Ordinal)
            ? shared.GetProperty(pointer["#/components/examples/".Length..])
            : example;

    /// <summary>Schema files for the generator's JSON reader: the repository's own.</summary>
    public static IReadOnlyList<FuzzSeed> Schemas()
    {
        var reader = new SchemaReaderTarget();
        return Directory.GetFiles(Path.Combine(RepositoryRoot, "schemas"), "*.json", SearchOption.AllDirectories)
            .Order(StringComparer.Ordinal)
            .Select(path => new FuzzSeed(Path.GetFileName(path), File.ReadAllBytes(path), reader))
            .ToList();
    }

    private static byte[] DataOf(byte[] envelope)
    {
        using var document = JsonDocument.Parse(envelope);
        return Encoding.UTF8.GetBytes(document.RootElement.GetProperty("data").GetRawText());
    }
}
