using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using Hooksmith.Generator.Planning;
using Xunit.Abstractions;

namespace Hooksmith.Generator.Tests.Corpus;

/// <summary>
/// Every example payload in Voucherify's OpenAPI file binds to the model generated for its webhook
/// without an exception, and writes back to the same JSON — even though most of them do not match
/// the vendor's own schemas.
/// </summary>
public sealed class VoucherifyExampleBindingTests(ITestOutputHelper output)
{
    [Fact]
    public void Every_webhook_example_binds_to_its_payload_type_and_round_trips()
    {
        var path = VoucherifyWebhooksRun.Path;
        var run = VoucherifyWebhooksRun.Run;
        Assert.Empty(VoucherifyWebhooksRun.Problems);
        var assembly = VoucherifyWebhooksRun.Assembly;
        var events = run.Driver.GetRunResult().Results.Single().TrackedSteps[TrackingNames.Link]
            .SelectMany(step => step.Outputs)
            .Select(o => o.Value)
            .OfType<LinkedPlan>()
            .Single()
            .Events
            .ToDictionary(e => e.WebhookKey);

        using var document = JsonDocument.Parse(File.ReadAllBytes(path));
        var checkedExamples = 0;
        var cleanlyBound = 0;
        foreach (var webhook in document.RootElement.GetProperty("webhooks").EnumerateObject())
        {
            var payloadType = events[webhook.Name].Payload;
            Assert.Equal(TypeRefKind.Named, payloadType.Kind);
            var type = assembly.GetType(payloadType.FullName!, throwOnError: true)!;
            var content = webhook.Value.GetProperty("post").GetProperty("requestBody").GetProperty("content").GetProperty("application/json");
            foreach (var example in content.GetProperty("examples").EnumerateObject())
            {
                var json = Encoding.UTF8.GetBytes(example.Value.GetProperty("value").GetRawText());
                if (ExampleRoundTrip.AssertBindsAndRoundTrips(type, json, webhook.Name))
                {
                    cleanlyBound++;
                    output.WriteLine("bound with no problem: " + webhook.Name);
                }

                checkedExamples++;
            }
        }

        output.WriteLine($"{checkedExamples} examples bound and round-tripped; {cleanlyBound} bound with no binding problem.");
        Assert.Equal(72, checkedExamples);
    }
}
