using System.Collections.Generic;
using System.Linq;
using Hooksmith.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Hooksmith.Generator.Tests.Drift;

/// <summary>A generator driver over schema files and a lock, as a project with <c>hooksmith.lock.json</c> builds.</summary>
internal static class DriftBuild
{
    /// <summary>A schema file with its item metadata (<c>Events</c>, and the path in the project MSBuild gives it).</summary>
    public sealed record Schema(string Path, string Text, string? Events = null, string? ProjectPath = null);

    public static GeneratorDriver CreateDriver(IReadOnlyList<Schema> schemas, string? lockPath, string? lockText, out Dictionary<string, AdditionalText> texts, Dictionary<string, string>? globalOptions = null)
    {
        texts = schemas.ToDictionary(s => s.Path, s => (AdditionalText)new InMemoryAdditionalText(s.Path, s.Text));
        var perFile = new Dictionary<string, IReadOnlyDictionary<string, string>>();
        foreach (var schema in schemas)
        {
            var metadata = new Dictionary<string, string>
            {
                ["build_metadata.AdditionalFiles.HooksmithSchema"] = "true",
                ["build_metadata.AdditionalFiles.HooksmithNamespace"] = "Shop",
            };
            if (schema.ProjectPath is not null)
            {
                metadata["build_metadata.AdditionalFiles.HooksmithProjectPath"] = schema.ProjectPath;
            }

            if (schema.Events is not null)
            {
                metadata["build_metadata.AdditionalFiles.HooksmithEvents"] = schema.Events;
            }

            perFile[schema.Path] = metadata;
        }

        if (lockPath is not null)
        {
            texts[lockPath] = new InMemoryAdditionalText(lockPath, lockText ?? string.Empty);
            perFile[lockPath] = new Dictionary<string, string>();
        }

        var global = globalOptions ?? new Dictionary<string, string>();
        global["build_property.RootNamespace"] = "Shop";
        return CSharpGeneratorDriver.Create(
            generators: [new HooksmithGenerator().AsSourceGenerator()],
            additionalTexts: texts.Values,
            parseOptions: GeneratorHarness.ParseOptions,
            optionsProvider: new TestOptionsProvider(perFile, global),
            driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));
    }

    /// <summary>The drift diagnostics (HSM02xx) of a run.</summary>
    public static List<Diagnostic> DriftDiagnostics(GeneratorDriver driver)
        => driver.GetRunResult().Diagnostics.Where(d => d.Id.StartsWith("HSM02", System.StringComparison.Ordinal)).ToList();

    public static CSharpCompilation Compilation() => GeneratorHarness.CreateCompilation("namespace App { public static class Program { public static int Main() => 0; } }");
}
