using System.IO;
using System.Text.Json.Nodes;

namespace Hooksmith.Cli.Tests.Infrastructure;

/// <summary>Payloads made from the seed event in <c>samples/payloads</c>.</summary>
internal static class SamplePayloads
{
    /// <summary>The seed event's envelope, as in the sample file.</summary>
    public static string Envelope => File.ReadAllText(TestPaths.SeedEnvelope);

    /// <summary>The envelope's <c>data</c>: a customer.order.updated payload that matches its schema.</summary>
    public static string ValidData => Data().ToJsonString();

    /// <summary>The payload without the required <c>redemption</c> member.</summary>
    public static string DataWithoutRedemption
    {
        get
        {
            var data = Data();
            data.Remove("redemption");
            return data.ToJsonString();
        }
    }

    /// <summary>The payload's order, which matches <c>common.json#/$defs/Order</c>.</summary>
    public static string ValidOrder => Order().ToJsonString();

    /// <summary>The order with its <c>amount</c> as a string (the schema says integer).</summary>
    public static string OrderWithStringAmount
    {
        get
        {
            var order = Order();
            order["amount"] = "5500";
            return order.ToJsonString();
        }
    }

    /// <summary>The envelope with a <c>created_at</c> that is no date-time (the schema says <c>format: date-time</c>).</summary>
    public static string EnvelopeWithBadDate
    {
        get
        {
            var envelope = JsonNode.Parse(Envelope)!.AsObject();
            envelope["created_at"] = "last Tuesday";
            return envelope.ToJsonString();
        }
    }

    private static JsonObject Data() => JsonNode.Parse(Envelope)!["data"]!.AsObject().DeepClone().AsObject();

    private static JsonObject Order() => Data()["order"]!.AsObject().DeepClone().AsObject();
}
