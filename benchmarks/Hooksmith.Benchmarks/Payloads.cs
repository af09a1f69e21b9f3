using System;
using System.IO;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Hooksmith.Benchmarks;

/// <summary>The payloads the benchmarks bind: the event data of the seed webhook, a large order, and an invalid one.</summary>
public enum Payload
{
    /// <summary>The <c>data</c> member of samples/payloads/customer.order.updated.json (968 bytes).</summary>
    Seed,

    /// <summary>The seed data with 500 order items (about 100 KB).</summary>
    LargeOrder,

    /// <summary>The seed data with wrong-typed values: quantity and amount as strings, email and status as numbers.</summary>
    Invalid,
}

internal static class Payloads
{
    public const int LargeOrderItems = 500;

    public static string BaseDirectory => AppContext.BaseDirectory;

    public static byte[] Get(Payload payload) => payload switch
    {
        Payload.Seed => Serialize(SeedData()),
        Payload.LargeOrder => Serialize(LargeOrder()),
        Payload.Invalid => Serialize(Invalid()),
        _ => throw new ArgumentOutOfRangeException(nameof(payload)),
    };

    private static JsonObject SeedData()
    {
        var path = Path.Combine(BaseDirectory, "payloads", "customer.order.updated.json");
        var envelope = JsonNode.Parse(File.ReadAllBytes(path))!.AsObject();
        return envelope["data"]!.DeepClone().AsObject();
    }

    private static JsonObject LargeOrder()
    {
        var data = SeedData();
        var order = data["order"]!.AsObject();
        var items = new JsonArray();
        long total = 0;
        for (var i = 0; i < LargeOrderItems; i++)
        {
            long quantity = 1 + (i % 5);
            long price = 100 + (i * 37 % 9000);
            total += quantity * price;
            // The shape of the seed's items, so the large order differs from the seed only in length.
            items.Add(new JsonObject
            {
                ["id"] = $"ordli_{i:D8}",
                ["object"] = "order_item",
                ["product_id"] = $"prod_{i:D16}",
                ["quantity"] = quantity,
                ["price"] = price,
                ["amount"] = quantity * price,
                ["subtotal_amount"] = quantity * price,
                ["product"] = new JsonObject
                {
                    ["name"] = $"Catalogue product number {i}",
                    ["price"] = price,
                },
            });
        }

        order["items"] = items;
        order["amount"] = total;
        order["total_amount"] = total;
        return data;
    }

    private static JsonObject Invalid()
    {
        var data = SeedData();
        var order = data["order"]!.AsObject();
        order["items"]![0]!["quantity"] = "2";      // integer expected
        order["amount"] = "5500";                  // integer expected
        order["status"] = 7;                       // string enum expected
        data["customer"]!["email"] = 42;           // string or null expected
        return data;
    }

    private static byte[] Serialize(JsonObject node) => Encoding.UTF8.GetBytes(node.ToJsonString());
}
