using System.IO;
using System.Linq;
using System.Reflection;
using System.Text;
using Hooksmith.Cli.Schemas;
using Hooksmith.Validation;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Hooksmith.Cli.Tests;

/// <summary>
/// The loading half of <see cref="SchemaCompiler"/>, on a hand-written catalog: the generated assembly
/// shares the tool's Hooksmith runtime, so its catalog is usable as a <see cref="SchemaCatalog"/>.
/// </summary>
public sealed class CatalogLoadingTests
{
    private const string HandWrittenCatalog = """
        using System.Text.Json;
        using Hooksmith.Validation;

        namespace Hooksmith.Generated;

        internal static class HooksmithCatalog
        {
            public static SchemaCatalog Instance { get; } = new(
                [new SchemaCatalogEntry("/schemas/name.json", "", "https://example.com/name.json", "https://example.com/name.json", null, Validate)],
                []);

            private static bool Validate(in JsonElement instance, ValidationContext context, EvaluatedLocations? evaluated)
            {
                if (instance.ValueKind == JsonValueKind.String)
                {
                    return true;
                }

                context.FailWithMessage("https://example.com/name.json", "/type", "type", "expected a string");
                return false;
            }
        }
        """;

    [Fact]
    public void The_generated_catalog_is_the_tools_SchemaCatalog()
    {
        var context = new GeneratedCodeLoadContext();
        try
        {
            var assembly = Load(context, HandWrittenCatalog);

            var catalog = SchemaCompiler.FindCatalog(assembly, out var problem);

            Assert.Null(problem);
            var entry = Assert.IsType<SchemaCatalogEntry>(catalog!.Find("/schemas/name.json"));
            Assert.True(entry.Validate(Encoding.UTF8.GetBytes("\"Alex\"")).IsValid);
            var error = Assert.Single(entry.Validate(Encoding.UTF8.GetBytes("42")).Errors);
            Assert.Equal(("", "/type", "expected a string"), (error.InstanceLocation, error.KeywordLocation, error.Message));
            Assert.Same(typeof(SchemaCatalog).Assembly, context.LoadFromAssemblyName(assembly.GetReferencedAssemblies().Single(a => a.Name == "Hooksmith")));
        }
        finally
        {
            context.Unload();
        }
    }

    [Fact]
    public void Generated_code_without_a_catalog_is_reported()
    {
        var context = new GeneratedCodeLoadContext();
        try
        {
            var assembly = Load(context, "namespace Hooksmith.Generated; internal static class Other { }");

            Assert.Null(SchemaCompiler.FindCatalog(assembly, out var problem));
            Assert.Contains("has no Hooksmith.Generated.HooksmithCatalog", problem, System.StringComparison.Ordinal);
        }
        finally
        {
            context.Unload();
        }
    }

    private static Assembly Load(GeneratedCodeLoadContext context, string source)
    {
        var compilation = CSharpCompilation.Create(
            "HandWritten",
            [CSharpSyntaxTree.ParseText(source, new CSharpParseOptions(LanguageVersion.CSharp12))],
            SchemaCompiler.References,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        using var image = new MemoryStream();
        var emit = compilation.Emit(image);
        Assert.True(emit.Success, string.Join("\n", emit.Diagnostics));
        image.Position = 0;
        return context.LoadFromStream(image);
    }
}
