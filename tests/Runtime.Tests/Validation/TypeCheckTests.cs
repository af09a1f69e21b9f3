using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.Json;
using Hooksmith.Validation;

namespace Hooksmith.Runtime.Tests.Validation;

/// <summary>
/// The runtime's check of a schema whose only keyword is <c>type</c> (such schemas get no generated method):
/// <see cref="SchemaChecks.HasType"/> against the reader pass's own type test, over every combination of types
/// and values of every kind (integers in every notation among them), and the errors <see cref="ValidationContext.CheckType"/>
/// and <see cref="ValidationContext.CheckMemberType"/> report.
/// </summary>
public sealed class TypeCheckTests
{
    private static readonly string[] Values =
    [
        "null", "true", "false", "{}", "{\"a\":1}", "[]", "[1]", "\"\"", "\"x\"", "\"\\ud800\"", "0", "-0", "1", "-1", "1.0", "1.5", "1e2",
        "1E+2", "1e-2", "2.50e1", "1e-400", "1e400", "-1e400", "12345678901234567890123", "0.0000000000000000000000001", "9223372036854775808",
    ];

    public static IEnumerable<object[]> AllTypeSets() => Enumerable.Range(1, 127).Select(types => new object[] { types });

    [Theory]
    [MemberData(nameof(AllTypeSets))]
    public void HasType_agrees_with_the_reader_pass_on_values_of_every_kind(int types)
    {
        var schema = StreamSchema.OfTypes((StreamTypes)types);
        Assert.Same(schema, StreamSchema.OfTypes((StreamTypes)types));
        Assert.Equal((StreamTypes)types, schema.Types);
        var decided = 0;
        foreach (var text in Values)
        {
            using var document = JsonDocument.Parse(text);
            var byDocument = SchemaChecks.HasType(document.RootElement, (StreamTypes)types);
            var verdict = schema.Evaluate(Encoding.UTF8.GetBytes(text));

            // The pass leaves text it cannot decode (an unpaired surrogate) to the document validators.
            if (verdict == StreamVerdict.Undecided)
            {
                continue;
            }

            decided++;
            var byReader = verdict == StreamVerdict.Valid;
            Assert.True(byDocument == byReader, $"{text} with {(StreamTypes)types}: HasType says {byDocument}, the reader pass {byReader}");
        }

        Assert.True(decided > Values.Length * 3 / 4, $"the reader pass decided only {decided} of {Values.Length} values");
    }

    [Theory]
    [InlineData("1.0", "integer", true)]
    [InlineData("1e2", "integer", true)]
    [InlineData("1.5", "integer", false)]
    [InlineData("1e-400", "integer", false)]
    [InlineData("1.5", "number", true)]
    [InlineData("1", "number", true)]
    [InlineData("\"1\"", "number", false)]
    [InlineData("null", "null", true)]
    [InlineData("false", "boolean", true)]
    [InlineData("0", "boolean", false)]
    public void HasType_follows_json_schema_on_numbers_and_kinds(string text, string type, bool expected)
    {
        var types = type switch
        {
            "integer" => StreamTypes.Integer,
            "number" => StreamTypes.Number,
            "null" => StreamTypes.Null,
            _ => StreamTypes.Boolean,
        };
        using var document = JsonDocument.Parse(text);
        Assert.Equal(expected, SchemaChecks.HasType(document.RootElement, types));
    }

    [Fact]
    public void CheckType_reports_the_type_keyword_at_the_schemas_location()
    {
        const string Location = "https://example.com/order.json#/properties/note";
        using var document = JsonDocument.Parse("42");
        var result = ValidationContext.Run(
            document.RootElement,
            (in JsonElement instance, ValidationContext context, EvaluatedLocations? _) => context.CheckType(instance, StreamTypes.String | StreamTypes.Null, Location, "string or null"),
            "https://example.com/order.json");

        var error = Assert.Single(result.Errors);
        Assert.False(result.IsValid);
        Assert.Equal(string.Empty, error.InstanceLocation);
        Assert.Equal("/type", error.KeywordLocation);
        Assert.Equal("type", error.Keyword);
        Assert.Equal(Location + "/type", error.SchemaLocation);
        Assert.Contains("string or null", error.Message, System.StringComparison.Ordinal);

        using var valid = JsonDocument.Parse("null");
        Assert.True(ValidationContext.Run(valid.RootElement, (in JsonElement instance, ValidationContext context, EvaluatedLocations? _) => context.CheckType(instance, StreamTypes.String | StreamTypes.Null, Location, "string or null"), "https://example.com/order.json").IsValid);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Member_checks_report_at_the_members_location_and_stop_only_in_first_failure_mode(bool firstFailure)
    {
        const string Schema = "https://example.com/order.json#";
        using var document = JsonDocument.Parse("{\"id\":7,\"count\":\"x\",\"note\":\"ok\"}");
        var calls = 0;
        var result = ValidationContext.Run(
            document.RootElement,
            (in JsonElement instance, ValidationContext context, EvaluatedLocations? _) =>
            {
                var valid = true;
                foreach (var property in instance.EnumerateObject())
                {
                    calls++;
                    var stop = property.Name switch
                    {
                        "id" => context.CheckMemberType(property, "/properties/id", StreamTypes.String, Schema + "/properties/id", "string", ref valid),
                        "count" => context.ApplyToMember(property, "/properties/count", IsInteger, ref valid),
                        _ => context.CheckMemberType(property, "/properties/note", StreamTypes.String, Schema + "/properties/note", "string", ref valid),
                    };
                    if (stop)
                    {
                        return false;
                    }
                }

                return valid;
            },
            "https://example.com/order.json",
            firstFailure ? ValidationOptions.FirstFailure : null);

        Assert.False(result.IsValid);
        var expected = new List<(string Instance, string Keyword, string? Schema)>
        {
            ("/id", "/properties/id/type", Schema + "/properties/id/type"),
            ("/count", "/properties/count/type", Schema + "/properties/count/type"),
        };
        if (firstFailure)
        {
            expected.RemoveAt(1);
        }

        Assert.Equal(expected, result.Errors.Select(e => (e.InstanceLocation, e.KeywordLocation, e.SchemaLocation)).ToList());
        Assert.Equal(firstFailure ? 1 : 3, calls);
    }

    private static bool IsInteger(in JsonElement instance, ValidationContext context, EvaluatedLocations? evaluated)
        => context.CheckType(instance, StreamTypes.Integer, "https://example.com/order.json#/properties/count", "integer");
}
