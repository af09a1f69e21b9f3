using System.Linq;
using Hooksmith.Generator.Tests.Infrastructure;

namespace Hooksmith.Generator.Tests.Naming;

/// <summary>
/// Generated types are named as a reader would name them: events after the event, components after
/// their keys, inline schemas after their owner and property — numbered only when nothing better is left.
/// </summary>
public sealed class TypeNamingTests
{
    private static GeneratorRun Generate(string document)
    {
        var run = GeneratorHarness.Run([new SchemaFile("/s/shop.json", document, Namespace: "Shop")]);
        Assert.Empty(run.Diagnostics);
        Assert.Empty(run.CompilationProblems);
        return run;
    }

    /// <summary>The names of the types generated in <c>Shop</c>, without the validation class and the handler interface.</summary>
    private static string[] TypeNames(GeneratorRun run)
        => run.TypeNames
            .Where(name => name.StartsWith("Shop.", System.StringComparison.Ordinal))
            .Select(name => name.Substring("Shop.".Length))
            .Where(name => !name.EndsWith("Validation", System.StringComparison.Ordinal) && name != "IShopEventHandlers")
            .ToArray();

    private static string Webhook(string key, string schema) => $$"""
        "{{key}}": { "post": { "requestBody": { "content": { "application/json": { "schema": {{schema}} } } } } }
        """;

    [Fact]
    public void An_event_payload_is_named_after_the_event_not_the_component_it_refers_to()
    {
        var run = Generate($$"""
            {
              "openapi": "3.1.0",
              "info": { "title": "t", "version": "1" },
              "components": { "schemas": {
                "EventOrderPaidData": { "type": "object", "properties": { "order_id": { "type": "string" }, "status": { "enum": ["PAID"] } } },
                "Envelope": { "type": "object", "properties": { "data": { "$ref": "#/components/schemas/EventOrderPaidData" } } }
              } },
              "webhooks": { {{Webhook("EVENTS.ORDER.PAID", """{ "$ref": "#/components/schemas/EventOrderPaidData" }""")}} }
            }
            """);

        Assert.Equal(["Envelope", "OrderPaid", "OrderPaidStatus", "ShopEvents"], TypeNames(run));
        Assert.Contains("global::Shop.OrderPaid? Data", run.TypeSource("Shop.Envelope"));
        Assert.Contains("WebhookEventDescriptor<global::Shop.OrderPaid> OrderPaid", run.Source("Shop.ShopEvents.g.cs"));
    }

    [Fact]
    public void A_payload_shared_by_two_events_keeps_its_component_name()
    {
        var run = Generate($$"""
            {
              "openapi": "3.1.0",
              "info": { "title": "t", "version": "1" },
              "components": { "schemas": {
                "RewardRedemption": { "type": "object", "properties": { "id": { "type": "string" } } }
              } },
              "webhooks": {
                {{Webhook("EVENTS.REWARD_REDEMPTION.CREATED", """{ "$ref": "#/components/schemas/RewardRedemption" }""")}},
                {{Webhook("EVENTS.REWARD_REDEMPTION.PENDING", """{ "$ref": "#/components/schemas/RewardRedemption" }""")}}
              }
            }
            """);

        Assert.Equal(["RewardRedemption", "ShopEvents"], TypeNames(run));
    }

    [Fact]
    public void An_event_name_that_another_component_has_leaves_the_payload_its_own_name()
    {
        var run = Generate($$"""
            {
              "openapi": "3.1.0",
              "info": { "title": "t", "version": "1" },
              "components": { "schemas": {
                "OrderPaid": { "type": "object", "properties": { "at": { "type": "string" } } },
                "EventOrderPaidData": { "type": "object", "properties": { "paid": { "$ref": "#/components/schemas/OrderPaid" } } }
              } },
              "webhooks": { {{Webhook("EVENTS.ORDER.PAID", """{ "$ref": "#/components/schemas/EventOrderPaidData" }""")}} }
            }
            """);

        Assert.Equal(["EventOrderPaidData", "OrderPaid", "ShopEvents"], TypeNames(run));
    }

    [Fact]
    public void Renaming_a_payload_does_not_change_the_discriminator_values_its_component_name_gives()
    {
        var run = Generate($$"""
            {
              "openapi": "3.0.3",
              "info": { "title": "t", "version": "1" },
              "components": { "schemas": {
                "Pet": { "oneOf": [ { "$ref": "#/components/schemas/Cat" }, { "$ref": "#/components/schemas/Dog" } ], "discriminator": { "propertyName": "kind" } },
                "Cat": { "type": "object", "properties": { "kind": { "type": "string" } } },
                "Dog": { "type": "object", "properties": { "kind": { "type": "string" } } }
              } },
              "webhooks": { {{Webhook("EVENTS.PET.ADOPTED", """{ "$ref": "#/components/schemas/Cat" }""")}} }
            }
            """);

        Assert.Equal(["Dog", "Pet", "PetAdopted", "ShopEvents"], TypeNames(run));
        Assert.Contains("(Value, \"kind\", \"Cat\", out value)", run.TypeSource("Shop.Pet"));
    }

    [Fact]
    public void An_inline_schema_whose_name_a_component_has_takes_a_word_for_its_kind_not_a_number()
    {
        var run = Generate("""
            {
              "openapi": "3.1.0",
              "info": { "title": "t", "version": "1" },
              "components": { "schemas": {
                "Reward": { "type": "object", "properties": {
                  "type": { "title": "Reward type", "type": "string", "enum": ["CAMPAIGN", "COIN"] },
                  "parameters": { "type": "object", "properties": { "points": { "type": "integer" } } }
                } },
                "RewardType": { "type": "object", "properties": { "campaign": { "type": "string" } } },
                "RewardParameters": { "type": "object", "properties": { "coin": { "type": "string" } } }
              } }
            }
            """);

        Assert.Equal(["Reward", "RewardParameters", "RewardParametersDetails", "RewardType", "RewardTypeValue"], TypeNames(run));
    }

    [Fact]
    public void A_key_that_starts_with_a_number_is_named_without_it()
    {
        var run = Generate("""
            {
              "openapi": "3.1.0",
              "info": { "title": "t", "version": "1" },
              "components": { "schemas": {
                "4_obj_reward_parameters_COIN": { "type": "object", "properties": { "coin": { "type": "object", "properties": { "ratio": { "type": "number" } } } } },
                "5_obj_reward_parameters_COIN": { "type": "object", "properties": { "id": { "type": "string" } } },
                "2fa_settings": { "type": "object", "properties": { "on": { "type": "boolean" } } }
              } }
            }
            """);

        // The second key would lose its number to the same name: it keeps it, as an identifier can.
        Assert.Equal(["FaSettings", "ObjRewardParametersCoin", "ObjRewardParametersCoinCoin", "_5ObjRewardParametersCoin"], TypeNames(run));
    }
}
