using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using Hooksmith.Validation;
using Xunit.Abstractions;

namespace Hooksmith.Generator.Tests.Corpus;

/// <summary>
/// The generated validators judge every example payload of Voucherify's OpenAPI file as the reference
/// validator did (<c>expected-validation.json</c>: python-jsonschema, 2020-12, formats asserted, OpenAPI
/// <c>nullable</c> honoured), and report an error at or under every location the reference lists.
/// </summary>
public sealed class VoucherifyVerdictTests(ITestOutputHelper output)
{
    [Fact]
    public void Every_example_gets_the_reference_verdict_with_every_reference_location()
    {
        var path = VoucherifyWebhooksRun.Path;
        Assert.Empty(VoucherifyWebhooksRun.Problems);
        var catalog = (SchemaCatalog)VoucherifyWebhooksRun.Assembly.GetType("Hooksmith.Generated.HooksmithCatalog", throwOnError: true)!.GetProperty("Instance")!.GetValue(null)!;
        using var expected = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(CorpusFiles.Voucherify, "expected-validation.json")));
        using var document = JsonDocument.Parse(File.ReadAllBytes(path));
        var webhooks = document.RootElement.GetProperty("webhooks");
        var options = new ValidationOptions { AssertFormats = true };

        var disagreements = new List<string>();
        var results = expected.RootElement.GetProperty("results").EnumerateArray().ToList();
        foreach (var reference in results)
        {
            var key = reference.GetProperty("webhook").GetString()!;
            var entry = catalog.Events.SingleOrDefault(e => e.Key == key);
            Assert.True(entry is not null, $"the catalog has no event {key}");
            var example = webhooks.GetProperty(key).GetProperty("post").GetProperty("requestBody").GetProperty("content")
                .GetProperty("application/json").GetProperty("examples").EnumerateObject().Single(e => e.Name == reference.GetProperty("example").GetString()).Value.GetProperty("value");

            var result = entry.Schema.Validate(example, options);

            var valid = reference.GetProperty("valid").GetBoolean();
            var missing = reference.GetProperty("errors").EnumerateArray()
                .Select(e => e.GetProperty("instanceLocation").GetString()!)
                .Where(location => !result.Errors.Any(e => e.InstanceLocation == location || e.InstanceLocation.StartsWith(location + "/", System.StringComparison.Ordinal)))
                .ToList();
            if (valid != result.IsValid || missing.Count > 0)
            {
                disagreements.Add($"{key}: reference says {(valid ? "valid" : "invalid")}, got {result}; no error at or under: {string.Join(", ", missing)}");
            }
        }

        output.WriteLine($"{results.Count - disagreements.Count} of {results.Count} examples judged as the reference does ({results.Count(r => r.GetProperty("valid").GetBoolean())} valid)");
        Assert.Equal(72, results.Count);
        Assert.Empty(disagreements);
    }
}
