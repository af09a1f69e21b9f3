using System;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Reflection;

namespace Hooksmith.Package.Tests;

/// <summary>
/// The Hooksmith package, packed once for the test class into a local folder feed under a version of its
/// own (so no package cache can hand back an older build), with the helpers to build projects that consume it.
/// </summary>
public sealed class PackedHooksmith : IDisposable
{
    public PackedHooksmith()
    {
        Work = Path.Combine(Path.GetTempPath(), "hooksmith-package-" + Guid.NewGuid().ToString("N"));
        Version = "0.1.0-test" + DateTime.UtcNow.ToString("yyyyMMddHHmmssfff", CultureInfo.InvariantCulture);
        Feed = Directory.CreateDirectory(Path.Combine(Work, "feed")).FullName;
        DotnetProcess.Run(RepositoryRoot, $"pack src/Runtime/Hooksmith.csproj -c Release -o \"{Feed}\" -p:Version={Version}");
        Package = Path.Combine(Feed, $"Hooksmith.{Version}.nupkg");
    }

    public static string RepositoryRoot { get; } = Path.GetFullPath(typeof(PackedHooksmith).Assembly
        .GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(attribute => attribute.Key == "HooksmithRepositoryRoot")
        .Value!);

    /// <summary>A temporary folder for this test class: the feed, the package cache, the consuming projects.</summary>
    public string Work { get; }

    public string Version { get; }

    public string Feed { get; }

    /// <summary>The packed .nupkg.</summary>
    public string Package { get; }

    /// <summary>A project file that references the package, restoring into this class's own package cache.</summary>
    public string ProjectFile(string items, string properties = "") => $"""
        <Project Sdk="Microsoft.NET.Sdk">
          <PropertyGroup>
            <OutputType>Exe</OutputType>
            <TargetFramework>net10.0</TargetFramework>
            <Nullable>enable</Nullable>
            <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
            <RestorePackagesPath>{Path.Combine(Work, "packages")}</RestorePackagesPath>
            {properties}
          </PropertyGroup>
          <ItemGroup>
            <PackageReference Include="Hooksmith" Version="{Version}" />
            {items}
          </ItemGroup>
        </Project>
        """;

    public void Dispose()
    {
        try
        {
            Directory.Delete(Work, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temporary folder is harmless.
        }
    }
}
