using System;
using System.IO;
using System.Text;
using System.Text.Json;

namespace Hooksmith.Runtime.Tests;

/// <summary>The seed event, customer.order.updated, in its v2024-01-01 envelope (samples/payloads).</summary>
internal static class SeedPayload
{
    public static byte[] Envelope { get; } = File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "payloads", "customer.order.updated.json"));

    /// <summary>The envelope's <c>data</c>: the event payload itself, as raw bytes.</summary>
    public static byte[] Data
    {
        get
        {
            using var document = JsonDocument.Parse(Envelope);
            return Encoding.UTF8.GetBytes(document.RootElement.GetProperty("data").GetRawText());
        }
    }
}
