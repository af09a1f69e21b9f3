using System;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Net;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;
using StackExchange.Redis;

namespace Hooksmith.Redis.Tests.Infrastructure;

/// <summary>
/// A private <c>redis-server</c> that a test kills (<c>SIGKILL</c>, as <c>kill -9</c>) and starts again on the same
/// port and folder, persisting every write before answering it (<c>appendonly yes</c>, <c>appendfsync always</c>), so
/// that a restart keeps what Redis acknowledged, and nothing more.
/// </summary>
public sealed class RestartableRedisServer : IAsyncDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("hooksmith-redis-restart-").FullName;
    private Process? _server;

    private RestartableRedisServer(int port) => Port = port;

    /// <summary>The loopback port the server listens on, the same after each restart.</summary>
    public int Port { get; }

    /// <summary>Starts a server on a free loopback port.</summary>
    public static async Task<RestartableRedisServer> StartAsync()
    {
        for (var attempt = 1; ; attempt++)
        {
            var server = new RestartableRedisServer(LocalProcesses.FreeLoopbackPort());
            try
            {
                await server.StartAgainAsync();
                return server;
            }
            catch (InvalidOperationException) when (attempt < 3)
            {
                // The port found free was taken before the server bound it.
                await server.DisposeAsync();
            }
        }
    }

    /// <summary>A connection as a receiver has one: it does not give up while the server is away, and reconnects.</summary>
    public async Task<ConnectionMultiplexer> ConnectAsync(bool allowAdmin = false)
        => await ConnectionMultiplexer.ConnectAsync(new ConfigurationOptions
        {
            EndPoints = { new IPEndPoint(IPAddress.Loopback, Port) },
            AbortOnConnectFail = false,
            AllowAdmin = allowAdmin,
            ConnectTimeout = 2_000,
            ReconnectRetryPolicy = new LinearRetry(100),
        });

    /// <summary>Kills the server at once, as <c>kill -9</c> does, and waits until it is gone.</summary>
    public async Task KillAsync()
    {
        if (_server is { } server)
        {
            server.Kill();
            await server.WaitForExitAsync();
            server.Dispose();
            _server = null;
        }
    }

    /// <summary>Starts the server (again) on <see cref="Port"/>, from what it persisted, and waits until it answers.</summary>
    public async Task StartAgainAsync()
    {
        var executable = LocalProcesses.FindOnPath("redis-server") ?? throw new InvalidOperationException(
            "redis-server is not on the PATH. The Redis tests start their own server: install it (apt-get install -y redis-server).");
        var start = new ProcessStartInfo(executable) { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = _directory };
        foreach (var argument in new[]
                 {
                     "--port", Port.ToString(CultureInfo.InvariantCulture), "--bind", "127.0.0.1", "--dir", _directory,
                     "--save", string.Empty, "--appendonly", "yes", "--appendfsync", "always",
                 })
        {
            start.ArgumentList.Add(argument);
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("redis-server did not start.");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        _server = process;

        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (!await AnswersPing(deadline.Token))
        {
            if (process.HasExited || deadline.IsCancellationRequested)
            {
                await KillAsync();
                throw new InvalidOperationException($"redis-server did not answer PING on 127.0.0.1:{Port}.");
            }

            await Task.Delay(20, CancellationToken.None);
        }
    }

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temporary folder is harmless.
        }
    }

    // Answers PING, and has loaded its data: a server still loading its append-only file answers -LOADING.
    private async Task<bool> AnswersPing(CancellationToken cancellationToken)
    {
        try
        {
            using var client = new TcpClient();
            await client.ConnectAsync(IPAddress.Loopback, Port, cancellationToken);
            var stream = client.GetStream();
            await stream.WriteAsync("PING\r\n"u8.ToArray(), cancellationToken);
            var buffer = new byte[64];
            var read = await stream.ReadAsync(buffer, cancellationToken);
            return read >= 5 && buffer.AsSpan(0, 5).SequenceEqual("+PONG"u8);
        }
        catch (Exception e) when (e is SocketException or IOException or OperationCanceledException)
        {
            return false;
        }
    }
}
