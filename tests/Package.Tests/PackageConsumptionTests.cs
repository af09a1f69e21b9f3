using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Xml.Linq;

namespace Hooksmith.Package.Tests;

/// <summary>
/// The real package, consumed as a user would: pack the runtime (which carries the generator and the
/// build files), reference it from a fresh project outside the repository, list schema files as
/// HooksmithSchema items, build with warnings as errors and run.
/// </summary>
public sealed class PackageConsumptionTests(PackedHooksmith package) : IClassFixture<PackedHooksmith>
{
    [Fact]
    public void A_project_that_references_the_package_generates_models_from_its_schema_items()
    {
        var consumer = Directory.CreateDirectory(Path.Combine(package.Work, "consumer")).FullName;
        File.WriteAllText(Path.Combine(consumer, "Consumer.csproj"), package.ProjectFile(
            $"""<HooksmithSchema Include="{Path.Combine(PackedHooksmith.RepositoryRoot, "schemas", "voucherify")}/*.json" Namespace="Consumer.Voucherify" />"""));
        File.WriteAllText(Path.Combine(consumer, "Program.cs"), """
            using System;
            using System.IO;
            using Consumer.Voucherify;

            var bytes = File.ReadAllBytes(args[0]);
            if (!WebhookEnvelope.TryParse(bytes, out var envelope, out var result))
            {
                Console.WriteLine("not an envelope: " + result);
                return 1;
            }

            Console.WriteLine($"{envelope.Event?.Type} {result}");
            return 0;
            """);

        DotnetProcess.Run(consumer, $"build -c Release --source \"{package.Feed}\"");
        var payload = Path.Combine(PackedHooksmith.RepositoryRoot, "samples", "payloads", "customer.order.updated.json");
        var output = DotnetProcess.Run(consumer, $"run -c Release --no-build -- \"{payload}\"");

        Assert.Contains("customer.order.updated valid", output);
    }

    [Fact]
    public void The_package_carries_its_readme_license_repository_tags_and_description()
    {
        using var archive = ZipFile.OpenRead(package.Package);
        var nuspecEntry = archive.Entries.Single(e => e.FullName == "Hooksmith.nuspec");
        using var nuspecStream = nuspecEntry.Open();
        var nuspec = XDocument.Load(nuspecStream);
        var metadata = nuspec.Root!.Elements().Single(e => e.Name.LocalName == "metadata");
        string? Value(string name) => metadata.Elements().SingleOrDefault(e => e.Name.LocalName == name)?.Value;

        Assert.Equal("README.md", Value("readme"));
        Assert.Equal("MIT", Value("license"));
        Assert.Equal("expression", metadata.Elements().Single(e => e.Name.LocalName == "license").Attribute("type")?.Value);
        Assert.StartsWith("https://", metadata.Elements().Single(e => e.Name.LocalName == "repository").Attribute("url")?.Value);
        Assert.Contains("webhooks", Value("tags")!.Split(' '));
        Assert.Contains("json-schema", Value("tags")!.Split(' '));
        Assert.False(string.IsNullOrWhiteSpace(Value("description")));
        Assert.False(string.IsNullOrWhiteSpace(Value("projectUrl")));

        // What the package is made of: the readme it names, the analyzer, the build files (also transitive), the runtime.
        var files = archive.Entries.Select(e => e.FullName).ToHashSet();
        Assert.Contains("README.md", files);
        Assert.Contains("analyzers/dotnet/cs/Hooksmith.Generator.dll", files);
        Assert.Contains("build/Hooksmith.props", files);
        Assert.Contains("buildTransitive/Hooksmith.targets", files);
        Assert.Contains("lib/net8.0/Hooksmith.dll", files);
        Assert.Contains("lib/net10.0/Hooksmith.dll", files);
        using var readme = new StreamReader(archive.GetEntry("README.md")!.Open());
        Assert.Contains("HooksmithSchema", readme.ReadToEnd());
    }
}
