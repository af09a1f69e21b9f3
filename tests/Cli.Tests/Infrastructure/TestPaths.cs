using System;
using System.IO;
using System.Linq;
using System.Reflection;

namespace Hooksmith.Cli.Tests.Infrastructure;

/// <summary>Where the repository, its schemas and sample payloads, and the built tool are, as recorded at build time.</summary>
internal static class TestPaths
{
    /// <summary>The repository root.</summary>
    public static string RepositoryRoot { get; } = Path.GetFullPath(Metadata("HooksmithRepositoryRoot"));

    /// <summary>The built <c>Hooksmith.Cli.dll</c> in <c>src/Cli/bin</c>.</summary>
    public static string CliAssembly { get; } = Path.GetFullPath(Metadata("HooksmithCliAssembly"));

    /// <summary><c>schemas/voucherify</c>.</summary>
    public static string VoucherifySchemas => Path.Combine(RepositoryRoot, "schemas", "voucherify");

    /// <summary>The URI the Voucherify schemas are published at (their <c>$id</c>s are under it).</summary>
    public const string VoucherifyBaseUri = "https://schemas.hooksmith.dev/voucherify/";

    /// <summary>The <c>--base-uri</c> argument that maps <see cref="VoucherifyBaseUri"/> to <see cref="VoucherifySchemas"/>.</summary>
    public static string VoucherifyBaseUriArgument => VoucherifyBaseUri + "=" + VoucherifySchemas;

    /// <summary>The schema of the customer.order.updated payload (the envelope's <c>data</c>).</summary>
    public static string CustomerOrderUpdatedSchema => Path.Combine(VoucherifySchemas, "customer-order-updated.json");

    /// <summary>The schema of the v2024-01-01 envelope.</summary>
    public static string EnvelopeSchema => Path.Combine(VoucherifySchemas, "envelope.json");

    /// <summary>The schema file holding the shared definitions (<c>$defs/Order</c>…).</summary>
    public static string CommonSchema => Path.Combine(VoucherifySchemas, "common.json");

    /// <summary><c>samples/payloads/customer.order.updated.json</c>: the seed event in its envelope.</summary>
    public static string SeedEnvelope => Path.Combine(RepositoryRoot, "samples", "payloads", "customer.order.updated.json");

    private static string Metadata(string key)
    {
        var value = typeof(TestPaths).Assembly
            .GetCustomAttributes<AssemblyMetadataAttribute>()
            .FirstOrDefault(attribute => attribute.Key == key)
            ?.Value;
        return string.IsNullOrEmpty(value)
            ? throw new InvalidOperationException($"The test assembly has no {key} metadata attribute.")
            : value;
    }
}
