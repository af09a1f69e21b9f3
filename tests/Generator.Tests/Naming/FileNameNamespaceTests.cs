using System.Linq;
using Hooksmith.Generator.Tests.Infrastructure;

namespace Hooksmith.Generator.Tests.Naming;

/// <summary>
/// <c>NamespaceFromFileName</c> gives each file of one item a namespace after its name, so that versions of one
/// API side by side (<c>Notification-v3.json</c>, <c>Notification-v4.json</c>) get namespaces, event tables,
/// handler interfaces and validator classes that read well (<c>NotificationV3</c>, <c>NotificationV3Events</c>),
/// with no diagnostic.
/// </summary>
public sealed class FileNameNamespaceTests
{
    [Theory]
    [InlineData("/vendor/BalancePlatformTransferNotification-v3.json", "BalancePlatformTransferNotificationV3")]
    [InlineData("/vendor/BalancePlatformTransferNotification-v4.json", "BalancePlatformTransferNotificationV4")]
    [InlineData("/vendor/Webhooks-v1.json", "WebhooksV1")]
    [InlineData("/vendor/MarketPayNotificationService-v6.json", "MarketPayNotificationServiceV6")]
    [InlineData("/vendor/events-customer.json", "EventsCustomer")]
    [InlineData("/vendor/check_run.schema.json", "CheckRun")]
    [InlineData("/vendor/orders v2.json", "OrdersV2")]
    [InlineData("/vendor/2024-01.json", "_202401")]
    [InlineData("/vendor/class.json", "Class")]
    [InlineData(@"C:\vendor\Payments-V2.json", "PaymentsV2")]
    public void A_files_name_becomes_one_namespace_part(string path, string part)
    {
        var run = GeneratorHarness.Run([new SchemaFile(path, OpenApi("order.paid"), "Acme.Vendor") { NamespaceFromFileName = true }]);

        Assert.Empty(run.CompilationProblems);
        Assert.Empty(run.Diagnostics);
        var @namespace = "Acme.Vendor." + part;
        Assert.Contains($"{@namespace}.OrderPaid.g.cs", run.Sources.Keys);
        var table = run.Source($"{@namespace}.{part}Events.g.cs");
        Assert.Contains($"namespace {@namespace};", table, System.StringComparison.Ordinal);
        Assert.Contains($"public sealed partial class {part}Events ", table, System.StringComparison.Ordinal);
        Assert.Contains($"public interface I{part}EventHandlers", table, System.StringComparison.Ordinal);
    }

    [Fact]
    public void Versions_of_one_api_side_by_side_keep_their_own_types_tables_and_validators()
    {
        var run = GeneratorHarness.Run(
        [
            new SchemaFile("/vendor/TransferNotification-v3.json", OpenApi("balancePlatform.transfer.created"), "Acme.Adyen") { NamespaceFromFileName = true },
            new SchemaFile("/vendor/TransferNotification-v4.json", OpenApi("balancePlatform.transfer.created", "balancePlatform.transfer.updated"), "Acme.Adyen") { NamespaceFromFileName = true },
        ]);

        Assert.Empty(run.CompilationProblems);
        Assert.Empty(run.Diagnostics);
        foreach (var version in new[] { "V3", "V4" })
        {
            var @namespace = "Acme.Adyen.TransferNotification" + version;
            Assert.Contains($"{@namespace}.BalancePlatformTransferCreated.g.cs", run.Sources.Keys);
            Assert.Contains($"{@namespace}.TransferNotification{version}Events.g.cs", run.Sources.Keys);
            Assert.Contains($"{@namespace}.TransferNotification{version}Validation", run.TypeNames);
        }

        Assert.DoesNotContain("BalancePlatformTransferUpdated", run.Source("Acme.Adyen.TransferNotificationV3.TransferNotificationV3Events.g.cs"), System.StringComparison.Ordinal);
    }

    [Fact]
    public void With_folders_the_files_part_comes_after_the_folders_parts()
    {
        var run = GeneratorHarness.Run(
        [
            new SchemaFile("/vendor/balance-platform/Transfer-v3.json", OpenApi("order.paid"), "Acme") { RecursiveDir = "balance-platform/", NamespaceFromFolders = true, NamespaceFromFileName = true },
        ]);

        Assert.Empty(run.CompilationProblems);
        Assert.Contains("Acme.BalancePlatform.TransferV3.OrderPaid.g.cs", run.Sources.Keys);
    }

    private static string OpenApi(params string[] keys)
    {
        const string Payload = """{"type": "object", "properties": {"id": {"type": "string"}}}""";
        var webhooks = keys.Select(key => "\"" + key + "\": {\"post\": {\"requestBody\": {\"content\": {\"application/json\": {\"schema\": " + Payload + "}}}}}");
        return """{"openapi": "3.1.0", "info": {"title": "t", "version": "1"}, "webhooks": {""" + string.Join(",", webhooks) + "}}";
    }
}
