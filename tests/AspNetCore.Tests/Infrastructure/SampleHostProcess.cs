using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Sockets;
using System.Threading.Tasks;

namespace Hooksmith.AspNetCore.Tests.Infrastructure;

/// <summary>
/// The sample receiver (<c>samples/Voucherify.Receiver</c>) as a real process in <c>serve</c> mode, on a free loopback
/// port, with everything it prints kept: for tests that crash a host.
/// </summary>
internal sealed class SampleHostProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output = new();
    private readonly TaskCompletionSource _started = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private SampleHostProcess(Process process, Uri address)
    {
        _process = process;
        Address = address;
    }

    public Uri Address { get; }

    public IReadOnlyList<string> Output => _output.ToArray();

    /// <summary>The sample's build output, beside this test assembly's configuration (the test project references it for the build order).</summary>
    private static string SampleAssembly()
    {
        var here = new DirectoryInfo(AppContext.BaseDirectory);                 // tests/AspNetCore.Tests/bin/<Configuration>/<tfm>/
        var framework = here.Name;
        var configuration = here.Parent!.Name;
        var root = here;
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "Generator.sln")))
        {
            root = root.Parent;
        }

        var path = Path.Combine(root?.FullName ?? ".", "samples", "Voucherify.Receiver", "bin", configuration, framework, "Voucherify.Receiver.dll");
        return File.Exists(path) ? path : throw new FileNotFoundException($"The sample receiver is not built at {path}: build Generator.sln first.", path);
    }

    public static async Task<SampleHostProcess> StartAsync(params string[] settings)
    {
        int port;
        using (var probe = new TcpListener(IPAddress.Loopback, 0))
        {
            probe.Start();
            port = ((IPEndPoint)probe.LocalEndpoint).Port;
        }

        var address = new Uri($"http://127.0.0.1:{port}");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in new[] { SampleAssembly(), "serve", "--urls", address.ToString() }.Concat(settings))
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["Logging__LogLevel__Default"] = "Warning";
        var process = new Process { StartInfo = start };
        var host = new SampleHostProcess(process, address);
        process.OutputDataReceived += (_, e) => host.Take(e.Data);
        process.ErrorDataReceived += (_, e) => host.Take(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var started = await Task.WhenAny(host._started.Task, process.WaitForExitAsync(), Task.Delay(TimeSpan.FromMinutes(1)));
        if (started != host._started.Task)
        {
            await host.DisposeAsync();
            throw new InvalidOperationException("The sample receiver did not start:\n" + string.Join('\n', host.Output));
        }

        return host;
    }

    private void Take(string? line)
    {
        if (line is null)
        {
            return;
        }

        _output.Enqueue(line);
        if (line.StartsWith("Receiving Voucherify webhooks at", StringComparison.Ordinal))
        {
            _started.TrySetResult();
        }
    }

    /// <summary>SIGKILL: no shutdown, no flush, no finally.</summary>
    public async Task KillAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        await _process.WaitForExitAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        _process.Dispose();
    }
}
