using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using Hooksmith.Webhooks;
using Hooksmith.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Xunit.Abstractions;

namespace Hooksmith.Generator.Tests.Corpus;

/// <summary>
/// All eight of Voucherify's published files in one project, as a team would add them: the full
/// <c>OpenAPIWebhooks.json</c> and the seven per-area <c>events-*.json</c> files, which define many of the
/// same schema names (<c>SimpleCustomer</c>, <c>OrderCalculated</c>…) and the same events. Each file gets
/// its own namespace, and that is all it takes for them to live side by side.
/// </summary>
public sealed class VoucherifyCorpusTests(ITestOutputHelper output)
{
    private static readonly (string File, string Namespace)[] Files =
    [
        ("OpenAPIWebhooks.json", "Vendor.Voucherify"),
        ("events-bus-val-rule.json", "Vendor.Voucherify.BusValRules"),
        ("events-campaign.json", "Vendor.Voucherify.Campaigns"),
        ("events-customer.json", "Vendor.Voucherify.Customers"),
        ("events-distribution.json", "Vendor.Voucherify.Distributions"),
        ("events-publication.json", "Vendor.Voucherify.Publications"),
        ("events-redemption.json", "Vendor.Voucherify.Redemptions"),
        ("events-voucher.json", "Vendor.Voucherify.Vouchers"),
    ];

    [Fact]
    public void The_corpus_is_the_eight_files_this_test_adds()
    {
        var onDisk = Directory.GetFiles(CorpusFiles.Voucherify, "*.json")
            .Select(Path.GetFileName)
            .Where(name => name != "expected-validation.json")
            .OrderBy(name => name, StringComparer.Ordinal);

        Assert.Equal(Files.Select(f => f.File).OrderBy(name => name, StringComparer.Ordinal), onDisk);
    }

    [Fact]
    public void All_eight_files_generate_together_compile_and_bind_every_example()
    {
        var run = GeneratorHarness.Run(Files.Select(f =>
        {
            var path = Path.Combine(CorpusFiles.Voucherify, f.File);
            return new SchemaFile(path, File.ReadAllText(path), Namespace: f.Namespace);
        }));

        foreach (var diagnostic in run.Diagnostics)
        {
            output.WriteLine(diagnostic.ToString());
        }

        // The one contradiction in the spec: AnyOne's items are oneOf a string, a date string and a
        // date-time string, so no string matches only one branch (HSM0013, at the two branches that
        // cannot win). events-bus-val-rule.json repeats AnyOne; nothing else is reported.
        var warnings = run.Diagnostics.Where(d => d.Severity >= DiagnosticSeverity.Warning).ToList();
        Assert.All(warnings, w => Assert.Equal("HSM0013", w.Id));
        Assert.Equal(
            ["OpenAPIWebhooks.json: branch 1", "OpenAPIWebhooks.json: branch 2", "events-bus-val-rule.json: branch 1", "events-bus-val-rule.json: branch 2"],
            warnings.Select(w => $"{Path.GetFileName(w.Location.GetLineSpan().Path)}: branch {w.GetMessage().Split(' ')[1]}").Order(StringComparer.Ordinal));
        Assert.Empty(run.CompilationProblems);
        output.WriteLine($"{run.Sources.Count} files, {run.Sources.Values.Sum(CountLines):N0} lines generated");

        var totalEvents = 0;
        foreach (var (file, @namespace) in Files)
        {
            var webhooks = WebhookKeys(file);
            var segment = @namespace.Substring(@namespace.LastIndexOf('.') + 1);
            var table = run.Output.GetTypeByMetadataName($"{@namespace}.{segment}Events");
            Assert.True(table is not null, $"no event table for {file} in {@namespace}");
            var descriptors = table.GetMembers().OfType<IPropertySymbol>()
                .Where(p => p.IsStatic && p.Type is INamedTypeSymbol { Name: "WebhookEventDescriptor", IsGenericType: true })
                .ToList();
            Assert.Equal(webhooks.Count, descriptors.Count);
            totalEvents += descriptors.Count;

            // Each event's payload type lives in the file's own namespace.
            Assert.All(descriptors, d => Assert.Equal(@namespace, ((INamedTypeSymbol)d.Type).TypeArguments[0].ContainingNamespace.ToDisplayString()));
        }

        Assert.Equal(72, WebhookKeys("OpenAPIWebhooks.json").Count);
        Assert.Equal(72 * 2, totalEvents);

        // Every example of every file binds to its event's type in its file's namespace and writes back as it came.
        var assembly = run.Load();
        var examples = 0;
        foreach (var (file, @namespace) in Files)
        {
            var segment = @namespace.Substring(@namespace.LastIndexOf('.') + 1);
            var table = (WebhookEventTable)assembly.GetType($"{@namespace}.{segment}Events", throwOnError: true)!.GetProperty("Instance")!.GetValue(null)!;
            using var document = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(CorpusFiles.Voucherify, file)));
            foreach (var webhook in document.RootElement.GetProperty("webhooks").EnumerateObject())
            {
                var payloadType = table.Events.Single(e => e.Key == webhook.Name).PayloadType;
                var content = webhook.Value.GetProperty("post").GetProperty("requestBody").GetProperty("content").GetProperty("application/json");
                foreach (var example in content.GetProperty("examples").EnumerateObject())
                {
                    ExampleRoundTrip.AssertBindsAndRoundTrips(payloadType, Encoding.UTF8.GetBytes(example.Value.GetProperty("value").GetRawText()), $"{file} {webhook.Name}");
                    examples++;
                }
            }
        }

        Assert.Equal(72 * 2, examples);

        // The same schema names, side by side.
        Assert.NotNull(run.Output.GetTypeByMetadataName("Vendor.Voucherify.SimpleCustomer"));
        Assert.NotNull(run.Output.GetTypeByMetadataName("Vendor.Voucherify.Customers.SimpleCustomer"));
        Assert.NotNull(run.Output.GetTypeByMetadataName("Vendor.Voucherify.CustomerOrderUpdated"));
        Assert.NotNull(run.Output.GetTypeByMetadataName("Vendor.Voucherify.Customers.CustomerOrderUpdated"));
    }

    [Fact]
    public void Two_files_in_one_namespace_are_told_which_types_they_both_generate()
    {
        var run = GeneratorHarness.Run(new[] { "OpenAPIWebhooks.json", "events-distribution.json" }.Select(file =>
        {
            var path = Path.Combine(CorpusFiles.Voucherify, file);
            return new SchemaFile(path, File.ReadAllText(path), Namespace: "Vendor.Voucherify");
        }));

        var duplicates = run.Diagnostics.Where(d => d.Id == "HSM0008").ToList();
        Assert.NotEmpty(duplicates);
        Assert.All(duplicates, d => Assert.EndsWith("events-distribution.json", d.Location.GetLineSpan().Path, StringComparison.Ordinal));
        Assert.Contains(duplicates, d => d.GetMessage().Contains("Vendor.Voucherify.SimpleCustomer", StringComparison.Ordinal));

        // The first file keeps the types and the second uses them: the project still compiles.
        Assert.DoesNotContain(run.CompilationProblems, d => d.Severity == DiagnosticSeverity.Error);
    }

    private static List<string> WebhookKeys(string file)
    {
        using var document = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(CorpusFiles.Voucherify, file)));
        return document.RootElement.GetProperty("webhooks").EnumerateObject().Select(w => w.Name).ToList();
    }

    private static int CountLines(string text) => text.Count(c => c == '\n');
}
