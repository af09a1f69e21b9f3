using System;
using System.Diagnostics;
using System.IO;
using System.Threading.Tasks;
using Hooksmith.Cli.Tests.Infrastructure;

namespace Hooksmith.Cli.Tests;

/// <summary>The built tool as a real process, with the README's command.</summary>
public sealed class ToolProcessTests
{
    [Fact]
    public async Task The_readme_command_validates_the_sample_payload()
    {
        Assert.True(File.Exists(TestPaths.CliAssembly), $"The tool is not built at {TestPaths.CliAssembly}.");
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet")
        {
            WorkingDirectory = TestPaths.RepositoryRoot,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in (string[])[TestPaths.CliAssembly, "validate", "--schema", "schemas/voucherify/envelope.json", "samples/payloads/customer.order.updated.json"])
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new System.Threading.CancellationTokenSource(TimeSpan.FromMinutes(3));
        await process.WaitForExitAsync(timeout.Token);

        var run = new CliRun(process.ExitCode, await stdout, await stderr);
        CliAssert.ExitCode(0, run);
        Assert.Equal(["samples/payloads/customer.order.updated.json: valid"], run.StdoutLines);
    }
}
