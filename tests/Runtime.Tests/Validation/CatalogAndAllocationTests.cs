using System;
using System.Linq;
using System.Text;
using System.Text.Json;
using Hooksmith.Generated;
using Hooksmith.Runtime.Tests.Voucherify;
using Hooksmith.Validation;

namespace Hooksmith.Runtime.Tests.Validation;

/// <summary>The generated catalog, and what validating a valid payload costs in allocations.</summary>
public sealed class CatalogAndAllocationTests
{
    [Fact]
    public void The_catalog_lists_every_named_schema_with_its_model_and_validator()
    {
        var catalog = HooksmithCatalog.Instance;

        var root = catalog.Find("Validation/validation-cases.json");
        Assert.NotNull(root);
        Assert.Equal(("", "https://tests.hooksmith.dev/validation-cases.json#", typeof(Shipment)), (root.Pointer, root.SchemaUri, root.ModelType));

        var money = catalog.FindByUri("https://tests.hooksmith.dev/money.json");
        Assert.NotNull(money);
        Assert.Equal("/$defs/Money", money.Pointer);
        Assert.Equal("https://tests.hooksmith.dev/money.json", money.Resource);

        var order = catalog.Find("voucherify/common.json", "/$defs/Order");
        Assert.NotNull(order);
        Assert.Equal(typeof(Order), order.ModelType);
        Assert.Same(order, catalog.FindByUri("https://schemas.hooksmith.dev/voucherify/common.json#/$defs/Order"));

        // Every entry's validator runs: an empty object is valid or invalid, never an exception.
        using var document = JsonDocument.Parse("{}");
        Assert.All(catalog.Schemas, entry => entry.Validate(document.RootElement));

        // customer-order-updated.json is tagged with its event in the project file.
        var updated = catalog.FindEvent("customer.order.updated");
        Assert.NotNull(updated);
        Assert.Equal(typeof(CustomerOrderUpdated), updated.PayloadType);
        Assert.Equal("", updated.Schema.Pointer);
        // Beside it, the Adyen classic events of schemas/adyen (the batch receiving tests).
        Assert.Single(catalog.Events, e => e.PayloadType == typeof(CustomerOrderUpdated));
    }

    [Fact]
    public void Catalog_entries_validate_bytes_and_report_malformed_json()
    {
        var entry = HooksmithCatalog.Instance.Find("Validation/validation-cases.json")!;

        Assert.True(entry.Validate(Encoding.UTF8.GetBytes("""{"id":"shp_1","parcels":[{"weight_grams":1}]}""")).IsValid);
        Assert.Equal("json", Assert.Single(entry.Validate(Encoding.UTF8.GetBytes("[1,")).Errors).Keyword);
    }

    [Theory]
    [InlineData(ValidationMode.FirstFailure)]
    [InlineData(ValidationMode.Full)]
    public void Validating_a_valid_payload_allocates_nothing(ValidationMode mode)
    {
        var options = new ValidationOptions { Mode = mode };
        using var seed = JsonDocument.Parse(SeedPayload.Data);
        using var shipment = JsonDocument.Parse("""{"id":"shp_7f3a","parcels":[{"weight_grams":1200,"label":"box 1"}],"contact":{"phone":"+44 20 7946 0000"},"insurance":{"amount":49.99}}""");
        var seedElement = seed.RootElement;
        var shipmentElement = shipment.RootElement;

        // The first run fills caches (the thread's context, compiled patterns); later runs must not allocate.
        Assert.True(CustomerOrderUpdated.Validate(seedElement, options).IsValid);
        Assert.True(Shipment.Validate(shipmentElement, options).IsValid);

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 20; i++)
        {
            CustomerOrderUpdated.Validate(seedElement, options);
            Shipment.Validate(shipmentElement, options);
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }
}
