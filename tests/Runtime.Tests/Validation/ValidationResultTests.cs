using System;
using System.Linq;
using System.Text;
using System.Text.Json;
using Hooksmith.Runtime.Tests.Validation;
using Hooksmith.Validation;

namespace Hooksmith.Runtime.Tests.Validation;

/// <summary>
/// What generated validators report: every failure with its instance location, its evaluation path
/// through <c>$ref</c>s, its absolute schema location and a plain message; one failure in first-failure
/// mode; formats only when asked.
/// </summary>
public sealed class ValidationResultTests
{
    private const string Valid = """
        {"id":"shp_7f3a","shipped_at":"2024-05-01T10:00:00Z","parcels":[{"weight_grams":1200,"label":"box 1"}],
         "contact":{"email":"ann@example.com"},"insurance":{"amount":49.99}}
        """;

    private const string Invalid = """
        {"id":"SHP-1","parcels":[{"weight_grams":0,"label":"a label far too long"},{"weight_grams":"heavy"}],
         "insurance":{"amount":10.005},"extra":true}
        """;

    private static byte[] Utf8(string json) => Encoding.UTF8.GetBytes(json);

    [Fact]
    public void A_valid_payload_is_valid_in_both_modes()
    {
        Assert.True(Shipment.Validate(Utf8(Valid)).IsValid, Shipment.Validate(Utf8(Valid)).ToString());
        Assert.True(Shipment.Validate(Utf8(Valid), ValidationOptions.FirstFailure).IsValid);
        Assert.True(Shipment.TryParse(Utf8(Valid), out var shipment, out var result));
        Assert.True(result.IsValid, result.ToString());
        Assert.Equal("shp_7f3a", shipment.Id);
    }

    [Fact]
    public void Full_mode_reports_every_failure_with_its_locations_and_message()
    {
        var result = Shipment.Validate(Utf8(Invalid));

        const string Cases = "https://tests.hooksmith.dev/validation-cases.json#";
        var expected = new[]
        {
            ("/id", "/properties/id/pattern", Cases + "/properties/id/pattern", "pattern", "\"SHP-1\" does not match the pattern ^shp_[a-z0-9]+$"),
            ("/parcels/0/weight_grams", "/properties/parcels/items/$ref/properties/weight_grams/minimum", Cases + "/$defs/Parcel/properties/weight_grams/minimum", "minimum", "0 is less than the minimum 1"),
            ("/parcels/0/label", "/properties/parcels/items/$ref/properties/label/maxLength", Cases + "/$defs/Parcel/properties/label/maxLength", "maxLength", "expected at most 12 characters, found 20"),
            ("/parcels/1/weight_grams", "/properties/parcels/items/$ref/properties/weight_grams/type", Cases + "/$defs/Parcel/properties/weight_grams/type", "type", "expected integer, found string"),
            ("/insurance/amount", "/properties/insurance/$ref/properties/amount/multipleOf", "https://tests.hooksmith.dev/money.json#/properties/amount/multipleOf", "multipleOf", "10.005 is not a multiple of 0.01"),
            ("/extra", "/additionalProperties", Cases + "/additionalProperties", "additionalProperties", "this property is not allowed"),
        };
        Assert.Equal(
            expected,
            result.Errors.Select(e => (e.InstanceLocation, e.KeywordLocation, e.SchemaLocation!, e.Keyword, e.Message)).ToArray());
    }

    [Fact]
    public void First_failure_mode_reports_only_the_first()
    {
        var result = Shipment.Validate(Utf8(Invalid), ValidationOptions.FirstFailure);

        var error = Assert.Single(result.Errors);
        Assert.Equal(("/id", "pattern"), (error.InstanceLocation, error.Keyword));
    }

    [Fact]
    public void Formats_are_annotations_unless_the_run_asserts_them()
    {
        var payload = Utf8("""{"id":"shp_1","parcels":[{"weight_grams":5}],"shipped_at":"yesterday","contact":{"email":"not an address"}}""");

        Assert.True(Shipment.Validate(payload).IsValid);
        var asserted = Shipment.Validate(payload, new ValidationOptions { AssertFormats = true });

        Assert.Equal(
            new[] { ("/shipped_at", "format", "\"yesterday\" is not a valid date-time") },
            asserted.Errors.Where(e => e.InstanceLocation == "/shipped_at").Select(e => (e.InstanceLocation, e.Keyword, e.Message)).ToArray());

        // The e-mail branch of anyOf fails on its format, and the phone branch on its 'required': both are explained.
        Assert.Contains(asserted.Errors, e => e.InstanceLocation == "/contact" && e.Keyword == "anyOf");
        Assert.Contains(asserted.Errors, e => e.InstanceLocation == "/contact/email" && e.KeywordLocation == "/properties/contact/anyOf/0/properties/email/format");
        Assert.Contains(asserted.Errors, e => e.InstanceLocation == "/contact" && e.KeywordLocation == "/properties/contact/anyOf/1/required");
    }

    [Fact]
    public void Errors_of_branches_are_dropped_when_another_branch_matches()
    {
        var result = Shipment.Validate(Utf8("""{"id":"shp_1","parcels":[{"weight_grams":5}],"contact":{"phone":"+44 20 7946 0000"}}"""));

        Assert.True(result.IsValid, result.ToString());
    }

    [Fact]
    public void A_payload_that_is_not_json_is_an_error_at_the_root()
    {
        var result = Shipment.Validate(Utf8("""{"id": "shp_1", """));

        var error = Assert.Single(result.Errors);
        Assert.Equal(("", "json"), (error.InstanceLocation, error.Keyword));
        Assert.False(Shipment.TryParse(Utf8("""{"id": """), out _, out var parsed));
        Assert.Equal("json", Assert.Single(parsed.Errors).Keyword);
    }

    [Fact]
    public void Parsing_reports_what_the_schema_rejects_once_beside_what_binding_cannot_hold()
    {
        // weight_grams "heavy" is both a schema violation and a binding problem: reported once, by the schema.
        Assert.True(Shipment.TryParse(Utf8(Invalid), out var shipment, out var result));

        Assert.Single(result.Errors, e => e.InstanceLocation == "/parcels/1/weight_grams");
        Assert.Equal(6, result.Errors.Count);
        Assert.Equal(2, shipment.Parcels.Count);
    }

    [Fact]
    public void A_schema_that_refers_to_itself_without_descending_is_stopped_and_reported()
    {
        using var document = JsonDocument.Parse("{}");

        var result = ValidationContext.Run(document.RootElement, Loop, "https://tests.hooksmith.dev/loop.json");

        var error = Assert.Single(result.Errors);
        Assert.Equal("$ref", error.Keyword);
        Assert.Contains("refers to itself", error.Message, StringComparison.Ordinal);

        static bool Loop(in JsonElement instance, ValidationContext context, EvaluatedLocations? evaluated)
        {
            if (context.IsTooDeep)
            {
                return false;
            }

            context.Push("/$ref");
            var ok = Loop(instance, context, evaluated);
            context.Pop();
            return ok;
        }
    }
}
