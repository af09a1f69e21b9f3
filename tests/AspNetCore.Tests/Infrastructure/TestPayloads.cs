using System;
using System.IO;
using System.Text;
using System.Text.Json;

namespace Hooksmith.AspNetCore.Tests.Infrastructure;

/// <summary>The seed event (samples/payloads/customer.order.updated.json) and variations of it.</summary>
internal static class TestPayloads
{
    public const string SeedEventId = "evcus_1e6c2f0a5d7b8e3a42";

    /// <summary>The seed envelope exactly as the file holds it (indented).</summary>
    public static byte[] Seed { get; } = File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "payloads", "customer.order.updated.json"));

    /// <summary>A payload that binds but breaks its schema: <c>/order/status</c> is not one of the enum's values.</summary>
    public const string InvalidData = """{"customer":null,"referrer":null,"order":{"id":"o1","object":"order","status":"ON_HOLD"},"redemption":null}""";

    /// <summary>The seed envelope with another event type, event id or <c>data</c>; a fresh event id unless one is given.</summary>
    public static byte[] Envelope(string eventType = "customer.order.updated", string? eventId = null, string? data = null)
    {
        var seed = Encoding.UTF8.GetString(Seed);
        using var document = JsonDocument.Parse(seed);
        var text = seed.Replace("customer.order.updated", eventType, StringComparison.Ordinal)
            .Replace(SeedEventId, eventId ?? NewEventId(), StringComparison.Ordinal);
        if (data is not null)
        {
            text = text.Replace(document.RootElement.GetProperty("data").GetRawText(), data, StringComparison.Ordinal);
        }

        return Encoding.UTF8.GetBytes(text);
    }

    public static string NewEventId() => "evcus_" + Guid.NewGuid().ToString("N");

    /// <summary>The envelope's <c>data</c> alone, as a raw-payload distribution sends it.</summary>
    public static byte[] SeedData()
    {
        using var document = JsonDocument.Parse(Seed);
        return Encoding.UTF8.GetBytes(document.RootElement.GetProperty("data").GetRawText());
    }

    /// <summary>
    /// JSON with the whitespace outside strings removed, the form Voucherify signs (VOUCHERIFY.md): a <c>"</c> toggles
    /// "inside a string" unless escaped by <c>\</c>, and the character after a <c>\</c> is copied as it is.
    /// </summary>
    public static byte[] Compact(byte[] json)
    {
        var output = new MemoryStream(json.Length);
        var inString = false;
        for (var i = 0; i < json.Length; i++)
        {
            var b = json[i];
            if (inString)
            {
                output.WriteByte(b);
                if (b == (byte)'\\' && i + 1 < json.Length)
                {
                    output.WriteByte(json[++i]);
                }
                else if (b == (byte)'"')
                {
                    inString = false;
                }
            }
            else if (b is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n')
            {
                continue;
            }
            else
            {
                inString = b == (byte)'"';
                output.WriteByte(b);
            }
        }

        return output.ToArray();
    }
}
