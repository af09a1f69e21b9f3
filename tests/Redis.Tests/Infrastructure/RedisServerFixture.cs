using System;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.IO;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using StackExchange.Redis;

namespace Hooksmith.Redis.Tests.Infrastructure;

/// <summary>
/// Starts a private <c>redis-server</c> on a free loopback port, with no persistence and a temporary
/// working directory, for the tests of one collection; stops it and removes the directory afterwards.
/// When <c>redis-server</c> is not on the PATH, every test of the collection fails with a message that
/// says how to get it: these tests never pass or skip without a server.
/// </summary>
public sealed class RedisServerFixture : IAsyncLifetime
{
    private const int StartAttempts = 3;
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(20);

    private readonly ConcurrentQueue<string> _output = new();
    private Process? _server;
    private string? _directory;
    private ConnectionMultiplexer? _connection;

    /// <summary>The loopback port the server listens on.</summary>
    public int Port { get; private set; }

    /// <summary>A connection shared by the tests for looking at keys directly (admin commands allowed).</summary>
    public ConnectionMultiplexer Connection => _connection ?? throw new InvalidOperationException("The Redis server is not started.");

    /// <summary>Database 0 of <see cref="Connection"/>.</summary>
    public IDatabase Database => Connection.GetDatabase(0);

    /// <summary>Opens a new, separate connection: what another receiver instance would have.</summary>
    public async Task<ConnectionMultiplexer> ConnectAsync()
        => await ConnectionMultiplexer.ConnectAsync(Configuration(allowAdmin: false));

    /// <inheritdoc/>
    public async Task InitializeAsync()
    {
        var executable = LocalProcesses.FindOnPath("redis-server") ?? throw new InvalidOperationException(MissingServerMessage());
        _directory = Directory.CreateTempSubdirectory("hooksmith-redis-").FullName;

        // A port found free can be taken before the server binds it: try a few.
        for (var attempt = 1; ; attempt++)
        {
            Port = LocalProcesses.FreeLoopbackPort();
            _server = Start(executable, Port, _directory);
            if (await WaitUntilAnswering(_server, Port))
            {
                break;
            }

            var output = string.Join(Environment.NewLine, _output);
            await Stop(_server);
            _server = null;
            if (attempt == StartAttempts)
            {
                throw new InvalidOperationException(
                    $"redis-server ({executable}) did not answer PING on 127.0.0.1 after {StartAttempts} attempts. Its output:{Environment.NewLine}{output}");
            }

            _output.Clear();
        }

        AppDomain.CurrentDomain.ProcessExit += KillOnExit;
        _connection = await ConnectionMultiplexer.ConnectAsync(Configuration(allowAdmin: true));
    }

    /// <inheritdoc/>
    public async Task DisposeAsync()
    {
        AppDomain.CurrentDomain.ProcessExit -= KillOnExit;
        if (_connection is not null)
        {
            await _connection.DisposeAsync();
        }

        if (_server is not null)
        {
            await Stop(_server);
        }

        if (_directory is not null)
        {
            try
            {
                Directory.Delete(_directory, recursive: true);
            }
            catch (IOException)
            {
                // A leftover temporary directory is harmless.
            }
        }
    }

    private ConfigurationOptions Configuration(bool allowAdmin) => new()
    {
        EndPoints = { new IPEndPoint(IPAddress.Loopback, Port) },
        AbortOnConnectFail = true,
        AllowAdmin = allowAdmin,
        ConnectTimeout = 10_000,
    };

    private static string MissingServerMessage()
        => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase)
            ? "redis-server is not on the PATH. .ci/run installs it (apt-get install redis-server) before the tests run: that step did not put it there."
            : "redis-server is not on the PATH. The Redis tests start their own server: install it (as root on Debian or Ubuntu: apt-get install -y redis-server) and run them again.";

    private Process Start(string executable, int port, string directory)
    {
        var start = new ProcessStartInfo(executable)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = directory,
        };
        foreach (var argument in new[]
                 {
                     "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture),
                     "--bind", "127.0.0.1",
                     "--save", string.Empty,
                     "--appendonly", "no",
                     "--dir", directory,
                 })
        {
            start.ArgumentList.Add(argument);
        }

        var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => Keep(e.Data);
        process.ErrorDataReceived += (_, e) => Keep(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    // The last lines are kept to explain a server that does not start; reading them also keeps the pipes from filling.
    private void Keep(string? line)
    {
        if (line is null)
        {
            return;
        }

        _output.Enqueue(line);
        while (_output.Count > 50 && _output.TryDequeue(out _))
        {
        }
    }

    private static async Task<bool> WaitUntilAnswering(Process server, int port)
    {
        using var deadline = new CancellationTokenSource(StartTimeout);
        while (!deadline.IsCancellationRequested)
        {
            if (server.HasExited)
            {
                return false;
            }

            if (await AnswersPing(port, deadline.Token))
            {
                return true;
            }

            try
            {
                await Task.Delay(50, deadline.Token);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }

        return false;
    }

    private static async Task<bool> AnswersPing(int port, CancellationToken cancellationToken)
    {
        try
        {
            using var client = new TcpClient();
            await client.ConnectAsync(IPAddress.Loopback, port, cancellationToken);
            var stream = client.GetStream();
            await stream.WriteAsync("PING\r\n"u8.ToArray(), cancellationToken);
            var buffer = new byte[64];
            var read = await stream.ReadAsync(buffer, cancellationToken);
            return Encoding.ASCII.GetString(buffer, 0, read).StartsWith("+PONG", StringComparison.Ordinal);
        }
        catch (Exception e) when (e is SocketException or IOException or OperationCanceledException)
        {
            return false;
        }
    }

    private static async Task Stop(Process server)
    {
        try
        {
            if (!server.HasExited)
            {
                server.Kill(entireProcessTree: true);
            }

            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            await server.WaitForExitAsync(timeout.Token);
        }
        catch (Exception e) when (e is InvalidOperationException or OperationCanceledException)
        {
            // Already gone, or not gone in time: nothing more to do from here.
        }
        finally
        {
            server.Dispose();
        }
    }

    private void KillOnExit(object? sender, EventArgs e)
    {
        try
        {
            if (_server is { HasExited: false } server)
            {
                server.Kill(entireProcessTree: true);
            }
        }
        catch (InvalidOperationException)
        {
        }
    }
}

/// <summary>The tests that share one <see cref="RedisServerFixture"/>; they run one after another.</summary>
[CollectionDefinition(Name)]
public sealed class RedisCollection : ICollectionFixture<RedisServerFixture>
{
    /// <summary>The collection's name.</summary>
    public const string Name = "redis-server";
}
