using System.IO;
using System.Linq;
using Hooksmith.Cli.CommandLine;
using Hooksmith.Cli.Schemas;
using Hooksmith.Cli.Tests.Infrastructure;

namespace Hooksmith.Cli.Tests;

public sealed class SchemaInputsTests
{
    [Fact]
    public void Each_file_under_a_base_uri_folder_stands_for_the_uri_plus_its_relative_path()
    {
        using var folder = new TempFolder();
        var main = folder.Write("main.json", "{}");
        folder.Write("schemas/a.json", "{}");
        folder.Write("schemas/nested/b c.json", "{}");
        folder.Write("schemas/notes.txt", "not a schema");

        var files = SchemaInputs.Collect(
            new SchemaReference(main, ""),
            [new BaseUriMapping("https://example.com/s/", Path.Combine(folder.Path, "schemas"))],
            folder.Path);

        Assert.Equal(
            [(main, null), (Path.Combine(folder.Path, "schemas", "a.json"), "https://example.com/s/a.json"), (Path.Combine(folder.Path, "schemas", "nested", "b c.json"), "https://example.com/s/nested/b%20c.json")],
            files.Select(f => (f.Path, f.BaseUri)).ToArray());
    }

    [Fact]
    public void The_main_schema_inside_a_folder_is_read_once_with_the_folders_base_uri()
    {
        var files = SchemaInputs.Collect(
            new SchemaReference(TestPaths.CustomerOrderUpdatedSchema, ""),
            [BaseUriMapping.Parse(TestPaths.VoucherifyBaseUriArgument)],
            TestPaths.RepositoryRoot);

        Assert.Equal(TestPaths.CustomerOrderUpdatedSchema, files[0].Path);
        Assert.Equal("https://schemas.hooksmith.dev/voucherify/customer-order-updated.json", files[0].BaseUri);
        Assert.Equal(
            ["common.json", "customer-order-updated.json", "envelope.json"],
            files.Select(f => Path.GetFileName(f.Path)).Order().ToArray());
    }

    [Fact]
    public void A_file_under_nested_folders_takes_the_deepest_mapping()
    {
        using var folder = new TempFolder();
        var inner = folder.Write("outer/inner/x.json", "{}");

        var files = SchemaInputs.Collect(
            new SchemaReference(inner, ""),
            [new BaseUriMapping("https://example.com/outer/", Path.Combine(folder.Path, "outer")), new BaseUriMapping("urn:inner/", Path.Combine(folder.Path, "outer", "inner"))],
            folder.Path);

        Assert.Equal("urn:inner/x.json", Assert.Single(files).BaseUri);
    }

    [Fact]
    public void Relative_paths_are_taken_from_the_current_directory_and_kept_for_messages()
    {
        var files = SchemaInputs.Collect(
            new SchemaReference("schemas/voucherify/envelope.json", ""),
            [new BaseUriMapping(TestPaths.VoucherifyBaseUri, "schemas/voucherify")],
            TestPaths.RepositoryRoot);

        Assert.Equal(TestPaths.EnvelopeSchema, files[0].Path);
        Assert.Equal("schemas/voucherify/envelope.json", files[0].DisplayPath);
        Assert.Contains(files, f => f.DisplayPath == Path.Combine("schemas/voucherify", "common.json"));
    }
}
