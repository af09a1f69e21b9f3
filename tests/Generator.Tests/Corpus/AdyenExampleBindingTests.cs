using System;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using Hooksmith.Generator.Planning;
using Microsoft.CodeAnalysis;
using Xunit.Abstractions;

namespace Hooksmith.Generator.Tests.Corpus;

/// <summary>
/// Every example of Adyen's 25 webhook specs (213, in <c>components/examples</c>, referred to from each webhook's
/// request body) binds to the payload type generated for its webhook in its file's namespace, and writes back as it
/// came: JSON-equal, with every date and date-time spelled as it was.
/// </summary>
public sealed class AdyenExampleBindingTests(ITestOutputHelper output)
{
    [Fact]
    public void Every_example_of_every_file_binds_to_its_webhooks_payload_type_and_round_trips()
    {
        Assert.DoesNotContain(AdyenWebhooksRun.Problems, d => d.Severity == DiagnosticSeverity.Error);
        var assembly = AdyenWebhooksRun.Assembly;
        var plans = AdyenWebhooksRun.Run.Driver.GetRunResult().Results.Single().TrackedSteps[TrackingNames.Link]
            .SelectMany(step => step.Outputs)
            .Select(o => o.Value)
            .OfType<LinkedPlan>()
            .ToDictionary(plan => Path.GetFileName(plan.Path));

        var catalog = Catalog.EventCatalogLookupTests.CatalogOf(assembly);
        var checkedExamples = 0;
        var cleanlyBound = 0;
        foreach (var file in AdyenWebhooksRun.Files)
        {
            var events = plans[Path.GetFileName(file.Path)].Events.ToDictionary(e => e.WebhookKey);
            using var document = JsonDocument.Parse(file.Text);
            var examples = document.RootElement.GetProperty("components").TryGetProperty("examples", out var all) ? all : default;
            foreach (var webhook in document.RootElement.GetProperty("webhooks").EnumerateObject())
            {
                var payload = events[webhook.Name].Payload;
                Assert.Equal(TypeRefKind.Named, payload.Kind);
                var type = assembly.GetType(payload.FullName!, throwOnError: true)!;

                // The catalog's event of this file binds the same type: never another file's event of the same name.
                Assert.Equal(type, catalog.FindEvent(Path.GetFileName(file.Path), webhook.Name)?.PayloadType);
                var content = webhook.Value.GetProperty("post").GetProperty("requestBody").GetProperty("content").GetProperty("application/json");
                if (!content.TryGetProperty("examples", out var webhookExamples))
                {
                    continue;
                }

                foreach (var example in webhookExamples.EnumerateObject())
                {
                    var value = Resolve(example.Value, examples).GetProperty("value");
                    var label = $"{Path.GetFileName(file.Path)} {webhook.Name} {example.Name}";
                    if (ExampleRoundTrip.AssertBindsAndRoundTrips(type, Encoding.UTF8.GetBytes(value.GetRawText()), label, out var bound))
                    {
                        cleanlyBound++;
                    }
                    else
                    {
                        output.WriteLine($"{label}: {bound}");
                    }

                    // Every date in Adyen's examples is a full-date: it binds to a DateOnly.
                    Assert.DoesNotContain(bound.Errors, e => e.Message.Contains("as a date:", StringComparison.Ordinal));

                    checkedExamples++;
                }
            }
        }

        output.WriteLine($"{checkedExamples} examples bound and round-tripped; {cleanlyBound} bound with no binding problem.");
        Assert.Equal(213, checkedExamples);
    }

    private static JsonElement Resolve(JsonElement example, JsonElement examples)
    {
        if (example.TryGetProperty("$ref", out var reference) && reference.GetString() is { } pointer && pointer.StartsWith("#/components/examples/", StringComparison.Ordinal))
        {
            return examples.GetProperty(pointer["#/components/examples/".Length..]);
        }

        return example;
    }
}
