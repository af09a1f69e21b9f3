using System;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text;
using System.Text.Json;

namespace Hooksmith.Runtime.Tests.Webhooks.Envelopes;

/// <summary>The sample envelope and helpers to derive bodies from it.</summary>
internal static class EnvelopeSamples
{
    /// <summary>The repository root, from the assembly metadata attribute HooksmithRepositoryRoot.</summary>
    public static string RepositoryRoot { get; } =
        typeof(EnvelopeSamples).Assembly
            .GetCustomAttributes<AssemblyMetadataAttribute>()
            .FirstOrDefault(attribute => attribute.Key == "HooksmithRepositoryRoot")?.Value
        ?? throw new InvalidOperationException("The test assembly has no HooksmithRepositoryRoot metadata attribute.");

    private static readonly Lazy<byte[]> SampleBytes = new(() => File.ReadAllBytes(
        Path.Combine(RepositoryRoot, "samples", "payloads", "customer.order.updated.json")));

    /// <summary>samples/payloads/customer.order.updated.json, as raw bytes.</summary>
    public static byte[] Sample => SampleBytes.Value;

    public static byte[] Utf8(string json) => Encoding.UTF8.GetBytes(json);

    /// <summary>The raw text of a top-level member, as bytes, taken with JsonDocument (independent of the code under test).</summary>
    public static byte[] RawMember(byte[] body, string name)
    {
        using var document = JsonDocument.Parse(body);
        return Encoding.UTF8.GetBytes(document.RootElement.GetProperty(name).GetRawText());
    }

    /// <summary>The sample with its top-level members written in reverse order, each value's raw text kept.</summary>
    public static byte[] SampleReversed()
    {
        using var document = JsonDocument.Parse(Sample);
        var members = document.RootElement.EnumerateObject().Reverse()
            .Select(property => JsonSerializer.Serialize(property.Name) + ": " + property.Value.GetRawText());
        return Utf8("{\n" + string.Join(",\n", members) + "\n}");
    }
}
