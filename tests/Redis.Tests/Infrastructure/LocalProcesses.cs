using System;
using System.IO;
using System.Net;
using System.Net.Sockets;

namespace Hooksmith.Redis.Tests.Infrastructure;

/// <summary>What the tests' own redis-server processes need from the machine: the executable and a free port.</summary>
internal static class LocalProcesses
{
    /// <summary>The full path of <paramref name="name"/> in a folder on the PATH, or null when none has it.</summary>
    public static string? FindOnPath(string name)
    {
        foreach (var folder in (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = Path.Combine(folder, name);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }

    /// <summary>A loopback port nothing listens on now (the operating system's choice, released at once).</summary>
    public static int FreeLoopbackPort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        try
        {
            return ((IPEndPoint)listener.LocalEndpoint).Port;
        }
        finally
        {
            listener.Stop();
        }
    }
}
