using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using Hooksmith.Generator.Tests.Catalog;
using Hooksmith.Validation;
using Microsoft.CodeAnalysis;
using Xunit.Abstractions;

namespace Hooksmith.Generator.Tests.Corpus;

/// <summary>
/// Adyen's 25 specs in one project, a namespace each: no error diagnostics and no compiler warning, and the
/// generated validators judge all 213 examples as the reference validator did (<c>expected-validation.json</c>:
/// python-jsonschema, 2020-12, formats asserted), with errors at exactly the locations the reference lists, with
/// the same keywords. python-jsonschema reports <c>additionalProperties</c> once at the object, Hooksmith at each
/// member it does not allow (so that each can be acted on); those are compared at their object. Each example is
/// validated through the catalog's event of its own file.
/// </summary>
public sealed class AdyenVerdictTests(ITestOutputHelper output)
{
    [Fact]
    public void All_files_compile_without_error_diagnostics_or_warnings()
    {
        Assert.Equal(25, AdyenWebhooksRun.Files.Count);
        Assert.DoesNotContain(AdyenWebhooksRun.Run.GeneratorDiagnostics, d => d.Severity == DiagnosticSeverity.Error);
        Assert.DoesNotContain(AdyenWebhooksRun.Run.Diagnostics, d => d.Severity == DiagnosticSeverity.Error);
        Assert.Empty(AdyenWebhooksRun.Problems);
        // iDealConsumerIBAN and iDealConsumerIban of Webhooks-v1.json keep their own capitals: no name collision left.
        Assert.DoesNotContain(AdyenWebhooksRun.Run.Diagnostics, d => d.Id == "HSM0005");
        foreach (var warning in AdyenWebhooksRun.Run.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Warning))
        {
            output.WriteLine($"generator warning: {warning}");
        }
    }

    [Fact]
    public void Every_example_gets_the_reference_verdict_with_the_reference_error_locations()
    {
        var catalog = EventCatalogLookupTests.CatalogOf(AdyenWebhooksRun.Assembly);
        using var expected = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(CorpusFiles.Adyen, "expected-validation.json")));
        var options = new ValidationOptions { AssertFormats = true };
        var files = AdyenWebhooksRun.Files.ToDictionary(f => Path.GetFileName(f.Path));

        var disagreements = new List<string>();
        var count = 0;
        var valid = 0;
        foreach (var file in expected.RootElement.GetProperty("files").EnumerateObject())
        {
            using var document = JsonDocument.Parse(files[file.Name].Text);
            foreach (var reference in file.Value.EnumerateArray())
            {
                var key = reference.GetProperty("webhook").GetString()!;
                var entry = catalog.FindEvent(file.Name, key);
                Assert.True(entry is not null, $"the catalog has no event {key} in {file.Name}");
                Assert.Equal(AdyenWebhooksRun.NamespaceOf(file.Name), entry.Namespace);
                var example = ExampleOf(document.RootElement, key, reference.GetProperty("example").GetString()!);

                var result = entry.Schema.Validate(example, options);

                var label = $"{file.Name} {key} {reference.GetProperty("example").GetString()}";
                var isValid = reference.GetProperty("valid").GetBoolean();
                var locations = reference.GetProperty("errors").EnumerateArray()
                    .Select(e => (Location: e.GetProperty("instanceLocation").GetString()!, Keyword: e.GetProperty("keyword").GetString()!))
                    .ToHashSet();
                var ours = result.Errors.Select(e => (Location: ReferenceLocationOf(e), e.Keyword)).ToHashSet();
                if (isValid != result.IsValid || !locations.SetEquals(ours))
                {
                    disagreements.Add($"{label}: reference says {(isValid ? "valid" : "invalid")} at [{string.Join(", ", locations)}], got [{string.Join(", ", ours)}]: {result}");
                }

                count++;
                valid += isValid ? 1 : 0;
            }
        }

        output.WriteLine($"{count - disagreements.Count} of {count} examples judged as the reference does ({valid} valid)");
        foreach (var disagreement in disagreements)
        {
            output.WriteLine(disagreement);
        }

        Assert.Equal(213, count);
        Assert.Equal(165, valid);
        Assert.Empty(disagreements);
    }

    /// <summary>Where python-jsonschema reports an error: a member that <c>additionalProperties</c> does not allow, at its object.</summary>
    private static string ReferenceLocationOf(ValidationError error)
        => error.Keyword == "additionalProperties" ? error.InstanceLocation[..error.InstanceLocation.LastIndexOf('/')] : error.InstanceLocation;

    /// <summary>An example of a webhook, by name: inline in the request body's examples or referred to in <c>components/examples</c>.</summary>
    internal static JsonElement ExampleOf(JsonElement root, string key, string name)
    {
        var example = root.GetProperty("webhooks").GetProperty(key).GetProperty("post").GetProperty("requestBody").GetProperty("content")
            .GetProperty("application/json").GetProperty("examples").GetProperty(name);
        if (example.TryGetProperty("$ref", out var reference) && reference.GetString() is { } pointer && pointer.StartsWith("#/components/examples/", StringComparison.Ordinal))
        {
            example = root.GetProperty("components").GetProperty("examples").GetProperty(pointer["#/components/examples/".Length..]);
        }

        return example.GetProperty("value");
    }
}
