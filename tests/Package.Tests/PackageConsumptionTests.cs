using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Reflection;

namespace Hooksmith.Package.Tests;

/// <summary>
/// The real package, consumed as a user would: pack the runtime (which carries the generator and the
/// build files), reference it from a fresh project outside the repository, list schema files as
/// HooksmithSchema items, build with warnings as errors and run.
/// </summary>
public sealed class PackageConsumptionTests : IDisposable
{
    private readonly string _work = Path.Combine(Path.GetTempPath(), "hooksmith-package-" + Guid.NewGuid().ToString("N"));

    private static string RepositoryRoot { get; } = Path.GetFullPath(typeof(PackageConsumptionTests).Assembly
        .GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(attribute => attribute.Key == "HooksmithRepositoryRoot")
        .Value!);

    [Fact]
    public void A_project_that_references_the_package_generates_models_from_its_schema_items()
    {
        // A version of its own, so no package cache can hand back an older build.
        var version = "0.1.0-test" + DateTime.UtcNow.ToString("yyyyMMddHHmmssfff", System.Globalization.CultureInfo.InvariantCulture);
        var feed = Directory.CreateDirectory(Path.Combine(_work, "feed")).FullName;
        var consumer = Directory.CreateDirectory(Path.Combine(_work, "consumer")).FullName;
        Run(RepositoryRoot, $"pack src/Runtime/Hooksmith.csproj -c Release -o \"{feed}\" -p:Version={version}");

        File.WriteAllText(Path.Combine(consumer, "Consumer.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
                <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
                <RestorePackagesPath>{Path.Combine(_work, "packages")}</RestorePackagesPath>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="Hooksmith" Version="{version}" />
                <HooksmithSchema Include="{Path.Combine(RepositoryRoot, "schemas", "voucherify")}/*.json" Namespace="Consumer.Voucherify" />
              </ItemGroup>
            </Project>
            """);
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

        Run(consumer, $"build -c Release --source \"{feed}\"");
        var payload = Path.Combine(RepositoryRoot, "samples", "payloads", "customer.order.updated.json");
        var output = Run(consumer, $"run -c Release --no-build -- \"{payload}\"");

        Assert.Contains("customer.order.updated valid", output);
    }

    private static string Run(string directory, string arguments)
    {
        var start = new ProcessStartInfo("dotnet", arguments)
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        using var process = Process.Start(start)!;
        var standardError = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"dotnet {arguments} failed ({process.ExitCode}):\n{output}\n{standardError.Result}");
        return output;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_work, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temporary folder is harmless.
        }
    }
}
