using System.Linq;
using System.Text;
using System.Text.Json;
using Hooksmith.Runtime.Tests.Voucherify;
using Hooksmith.Serialization;

namespace Hooksmith.Runtime.Tests;

/// <summary>The seed event binds to the types generated from schemas/voucherify, and writes back as it came.</summary>
public sealed class SeedEventBindingTests
{
    private static CustomerOrderUpdated ParseSeed()
    {
        Assert.True(CustomerOrderUpdated.TryParse(SeedPayload.Data, out var data, out var result), result.ToString());
        Assert.True(result.IsValid, result.ToString());
        return data;
    }

    [Fact]
    public void Seed_event_binds_to_typed_models()
    {
        var data = ParseSeed();

        var order = Assert.IsType<Order>(data.Order);
        Assert.Equal("ord_tNridJhmcEOQXUqNyenX1Up6", order.Id);
        Assert.Equal(OrderStatus.Paid, order.Status);
        Assert.Equal(OrderStatus.Known.Paid, order.Status!.Value.Kind);
        Assert.Equal(5500, order.TotalAmount);
        Assert.Equal(new System.DateTimeOffset(2024, 3, 12, 8, 37, 24, 296, System.TimeSpan.Zero), order.CreatedAt);
        Assert.Null(order.SourceId);

        var items = Assert.IsAssignableFrom<System.Collections.Generic.IReadOnlyList<OrderItem>>(order.Items);
        Assert.Equal(2, items.Count);
        Assert.Equal(("Star Thermal Bottle", 2L, 2500L), (items[0].Product?.Name, items[0].Quantity, items[0].Price));
        Assert.Equal(("Shipping", 1L, 0L), (items[1].Product?.Name, items[1].Quantity, items[1].Price));
        Assert.Equal("US", order.Metadata!["region"].GetString());

        var customer = Assert.IsType<SimpleCustomer>(data.Customer);
        Assert.Equal("Alex Doe", customer.Name);
        Assert.Null(customer.Email);
        Assert.Null(data.Referrer);
        Assert.Null(data.Redemption);
    }

    [Fact]
    public void Seed_event_round_trips_to_an_equal_value_and_the_same_json()
    {
        var data = ParseSeed();

        var written = JsonModel.ToUtf8Bytes(data);
        Assert.True(CustomerOrderUpdated.TryParse(written, out var again, out var result));

        Assert.True(result.IsValid, result.ToString());
        Assert.Equal(data, again);
        Assert.Equal(data.GetHashCode(), again.GetHashCode());
        using var original = JsonDocument.Parse(SeedPayload.Data);
        using var rewritten = JsonDocument.Parse(written);
        Assert.True(
            JsonElementComparer.Instance.Equals(original.RootElement, rewritten.RootElement),
            "Written JSON differs from the payload:\n" + Encoding.UTF8.GetString(written));
    }

    [Fact]
    public void Envelope_binds_and_routes_on_the_event_type()
    {
        Assert.True(WebhookEnvelope.TryParse(SeedPayload.Envelope, out var envelope, out var result));

        Assert.True(result.IsValid, result.ToString());
        Assert.Equal("customer.order.updated", envelope.Event?.Type);
        Assert.Equal("distribution", envelope.Source?.Object);
        Assert.Equal(JsonValueKind.Object, envelope.Data.ValueKind);
    }

    [Fact]
    public void Explicit_null_and_absent_members_stay_as_they_came()
    {
        var data = ParseSeed();
        var written = Encoding.UTF8.GetString(JsonModel.ToUtf8Bytes(data));

        Assert.Contains("\"referrer\":null", written);
        Assert.Contains("\"email\":null", written);
        Assert.DoesNotContain("\"campaign\"", written);
        Assert.DoesNotContain("\"sku\"", written);
    }

    [Fact]
    public void Changed_copy_differs_from_the_original()
    {
        var data = ParseSeed();
        var changed = data with { Order = data.Order! with { TotalAmount = 1 } };

        Assert.NotEqual(data, changed);
        Assert.Contains("\"total_amount\":1", Encoding.UTF8.GetString(JsonModel.ToUtf8Bytes(changed)));
    }
}
