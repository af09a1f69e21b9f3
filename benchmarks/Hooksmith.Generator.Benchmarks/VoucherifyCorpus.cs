using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;

namespace Hooksmith.Generator.Benchmarks;

/// <summary>
/// Voucherify's eight published files from <c>../shared/corpus/voucherify</c>, held in memory, each in
/// its own namespace as a project lists them (README, "Voucherify's published spec, as it is").
/// </summary>
internal sealed class VoucherifyCorpus
{
    public const string OpenApiWebhooksFile = "OpenAPIWebhooks.json";
    public const string DistributionFile = "events-distribution.json";

    private static readonly (string File, string Namespace)[] Layout =
    [
        (OpenApiWebhooksFile, "Vendor.Voucherify"),
        ("events-bus-val-rule.json", "Vendor.Voucherify.BusValRules"),
        ("events-campaign.json", "Vendor.Voucherify.Campaigns"),
        ("events-customer.json", "Vendor.Voucherify.Customers"),
        (DistributionFile, "Vendor.Voucherify.Distributions"),
        ("events-publication.json", "Vendor.Voucherify.Publications"),
        ("events-redemption.json", "Vendor.Voucherify.Redemptions"),
        ("events-voucher.json", "Vendor.Voucherify.Vouchers"),
    ];

    private VoucherifyCorpus(IReadOnlyList<SchemaText> files)
    {
        Files = files;
        Options = new SchemaOptionsProvider(files);
    }

    /// <summary>All eight files, <c>OpenAPIWebhooks.json</c> first.</summary>
    public IReadOnlyList<SchemaText> Files { get; }

    /// <summary>The item options of all eight files.</summary>
    public SchemaOptionsProvider Options { get; }

    public SchemaText OpenApiWebhooks => File(OpenApiWebhooksFile);

    /// <summary>Reads the eight files from the shared corpus beside the repository.</summary>
    /// <exception cref="DirectoryNotFoundException">The corpus is not there.</exception>
    public static VoucherifyCorpus Load()
    {
        var folder = Folder();
        return new VoucherifyCorpus(Layout
            .Select(entry =>
            {
                var path = Path.Combine(folder, entry.File);
                return new SchemaText(path, System.IO.File.ReadAllText(path), entry.Namespace);
            })
            .ToList());
    }

    /// <summary>
    /// A description changed in <c>events-distribution.json</c> (its <c>SimpleDistribution</c> schema):
    /// documentation only, no keyword changes.
    /// </summary>
    public AlternatingEdit DescriptionEdit() => AlternatingEdit.Create(
        "description edit",
        File(DistributionFile),
        "\"description\": \"Simple distribution data.\"",
        "\"description\": \"Simple distribution data, as edited.\"");

    /// <summary>
    /// A keyword added in <c>OpenAPIWebhooks.json</c>: <c>maxLength</c> on the <c>id</c> of the
    /// <c>SimpleCustomer</c> component, which changes what its validator checks.
    /// </summary>
    public AlternatingEdit KeywordEdit() => AlternatingEdit.Create(
        "keyword edit",
        File(OpenApiWebhooksFile),
        "\"description\": \"Unique identifier of an existing customer. It is assigned by Voucherify.\"",
        "\"description\": \"Unique identifier of an existing customer. It is assigned by Voucherify.\", \"maxLength\": 64");

    private SchemaText File(string name) => Files.Single(file => Path.GetFileName(file.Path) == name);

    /// <summary>The corpus's <c>history</c> folder: earlier versions of <c>OpenAPIWebhooks.json</c>.</summary>
    public static string HistoryFolder() => Path.Combine(Folder(), "history");

    private static string Folder()
    {
        var shared = typeof(VoucherifyCorpus).Assembly
            .GetCustomAttributes<AssemblyMetadataAttribute>()
            .FirstOrDefault(attribute => attribute.Key == "HooksmithSharedDir")
            ?.Value;
        var folder = Path.Combine(shared ?? string.Empty, "corpus", "voucherify");
        if (string.IsNullOrEmpty(shared) || !Directory.Exists(folder))
        {
            throw new DirectoryNotFoundException(
                $"The Voucherify corpus '{folder}' is missing. These benchmarks read ../shared/corpus beside the repository.");
        }

        return folder;
    }
}
