using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using CsCheck;
using Hooksmith.Runtime.Tests.Adyen;
using Hooksmith.Runtime.Tests.Voucherify;
using Hooksmith.Serialization;
using Hooksmith.Validation;

namespace Hooksmith.Runtime.Tests.Validation;

/// <summary>
/// Issue 14's one pass, differentially: random mutations of the Voucherify seed and of an Adyen classic batch
/// (values of other types, numbers out of range, strings of other lengths, members removed, added, repeated or
/// escaped) go through the single reader pass and through the document validators alone. The pass must never
/// contradict the document validators, and <c>Validate</c> and <c>TryParse</c> must give the same result, error
/// for error, in both modes, whichever path ran.
/// </summary>
public sealed class ReaderPassDifferentialTests
{
    private static readonly string[] Replacements =
    [
        "null", "true", "false", "0", "-1", "1.5", "1e400", "12345678901234567890123", "\"\"", "\"x\"", "\"2024-03-12T13:40:39.120Z\"",
        "\"CANCELED\"", "\"PAID\"", "\"\\u0050AID\"", "{}", "[]", "[1,2]", "{\"a\":1,\"a\":2}", "\"\\ud800\"",
    ];

    private static byte[] AdyenBatch => File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "payloads", "adyen-classic-batch.json"));

    [Fact]
    public void Voucherify_seed_mutations_give_the_same_result_through_either_path()
        => Mutations(SeedPayload.Data).Sample(Agree<CustomerOrderUpdated>, iter: 1500);

    [Fact]
    public void Adyen_batch_mutations_give_the_same_result_through_either_path()
        => Mutations(AdyenBatch).Sample(Agree<Notification>, iter: 1500);

    [Fact]
    public void The_pass_decides_the_unmutated_payloads_valid()
    {
        Assert.Equal(StreamVerdict.Valid, StreamOf<CustomerOrderUpdated>().Evaluate(SeedPayload.Data));
        Assert.Equal(StreamVerdict.Valid, StreamOf<Notification>().Evaluate(AdyenBatch));
    }

    [Fact]
    public void The_fused_pass_proves_the_unmutated_payloads_valid_as_it_binds_them()
    {
        Assert.True(JsonModel.ProvesValid<CustomerOrderUpdated>(SeedPayload.Data));
        Assert.True(JsonModel.ProvesValid<Notification>(AdyenBatch));
    }

    private static StreamSchema StreamOf<T>()
        where T : ISchemaModel<T>
        => T.Stream ?? throw new InvalidOperationException(typeof(T).Name + " has no reader-pass schema");

    private static void Agree<T>(byte[] payload)
        where T : ISchemaModel<T>
    {
        var shown = Encoding.UTF8.GetString(payload);
        ValidationResult document, documentFirst;
        using (var parsed = JsonDocument.Parse(payload))
        {
            document = JsonModel.Validate<T>(parsed.RootElement);
            documentFirst = JsonModel.Validate<T>(parsed.RootElement, ValidationOptions.FirstFailure);
        }

        var pass = StreamOf<T>().Evaluate(payload);
        Assert.True(pass == StreamVerdict.Undecided || (pass == StreamVerdict.Valid) == document.IsValid, $"the reader pass says {pass}, the document validators {document}: {shown}");
        var proven = JsonModel.ProvesValid<T>(payload);
        Assert.False(proven && !document.IsValid, $"the fused pass proves valid what the document validators reject ({document}): {shown}");

        // Nor is it weaker than the reader pass: what that decides valid and binds with no problem, it proves.
        var bindsCleanly = JsonModel.TryBind<T>(payload, out _, out var binding) && binding.IsValid;
        Assert.False(pass == StreamVerdict.Valid && bindsCleanly && !proven, $"the reader pass decides valid, binding is clean, the fused pass does not prove it: {shown}");

        Assert.Equal(Describe(document), Describe(JsonModel.Validate<T>(payload)));
        Assert.Equal(Describe(documentFirst), Describe(JsonModel.Validate<T>(payload, ValidationOptions.FirstFailure)));

        var bound = JsonModel.TryParse<T>(payload, out var value, out var result);
        JsonModel.UseFusedPass = false;
        try
        {
            var boundByPass = JsonModel.TryParse<T>(payload, out var valueByPass, out var resultByPass);
            Assert.Equal(boundByPass, bound);
            Assert.Equal(Describe(resultByPass), Describe(result));
            Assert.Equal(valueByPass, value);

            JsonModel.UseReaderPass = false;
            var boundByDocument = JsonModel.TryParse<T>(payload, out var valueByDocument, out var resultByDocument);
            Assert.Equal(boundByDocument, bound);
            Assert.Equal(Describe(resultByDocument), Describe(result));
            Assert.Equal(valueByDocument, value);
        }
        finally
        {
            JsonModel.UseReaderPass = true;
            JsonModel.UseFusedPass = true;
        }
    }

    private static string Describe(ValidationResult result)
        => string.Join("\n", result.Errors.Select(e => $"{e.InstanceLocation} | {e.KeywordLocation} | {e.Keyword} | {e.Message} | {e.SchemaLocation}"));

    /// <summary>One to three edits of a payload, each at a random value: replaced, removed, given a sibling, repeated, or renamed with an escape.</summary>
    private static Gen<byte[]> Mutations(byte[] original)
        => Gen.Select(Gen.Int[1, 3], Gen.Int[0, int.MaxValue], (count, seed) =>
        {
            var random = new Random(seed);
            var text = Encoding.UTF8.GetString(original);
            for (var i = 0; i < count; i++)
            {
                text = Mutate(text, random);
            }

            return Encoding.UTF8.GetBytes(text);
        });

    private static string Mutate(string json, Random random)
    {
        try
        {
            return MutateCore(json, random);
        }
        catch (Exception exception) when (exception is JsonException or ArgumentException or InvalidOperationException)
        {
            return json; // an earlier edit repeated a name or broke a string: JsonNode will not hold it, so it stays as it is
        }
    }

    private static string MutateCore(string json, Random random)
    {
        var root = JsonNode.Parse(json)!;

        var places = new List<(JsonNode Parent, string? Name, int Index)>();
        Collect(root, places);
        if (places.Count == 0)
        {
            return json;
        }

        var (parent, name, index) = places[random.Next(places.Count)];
        var replacement = Replacements[random.Next(Replacements.Length)];
        const string Marker = "\"__hooksmith_marker__\"";
        switch (random.Next(5))
        {
            case 0 when name is not null:
                parent.AsObject().Remove(name);
                return root.ToJsonString();
            case 1 when name is not null:
                // A sibling: a repeat of the name with another value, or a member no property names.
                var sibling = random.Next(2) == 0 ? name : "extra" + random.Next(3);
                parent.AsObject()[name] = JsonValue.Create("__hooksmith_marker__");
                return root.ToJsonString().Replace(Marker, Serialize(random, replacement) + ",\"" + sibling + "\":" + replacement, StringComparison.Ordinal);
            case 2 when name is { Length: > 0 }:
                // The same name, its first letter escaped: still the same member.
                var value = parent[name]?.ToJsonString() ?? "null";
                parent.AsObject().Remove(name);
                parent.AsObject()["__hooksmith_escaped__"] = JsonValue.Create("__hooksmith_marker__");
                return root.ToJsonString().Replace("\"__hooksmith_escaped__\":" + Marker, $"\"\\u{(int)name[0]:X4}{name[1..]}\":{value}", StringComparison.Ordinal);
            default:
                if (name is not null)
                {
                    parent.AsObject()[name] = JsonValue.Create("__hooksmith_marker__");
                }
                else
                {
                    parent.AsArray()[index] = JsonValue.Create("__hooksmith_marker__");
                }

                return root.ToJsonString().Replace(Marker, replacement, StringComparison.Ordinal);
        }
    }

    private static string Serialize(Random random, string replacement) => random.Next(2) == 0 ? replacement : "1";

    private static void Collect(JsonNode node, List<(JsonNode Parent, string? Name, int Index)> places)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (name, child) in obj.ToList())
                {
                    places.Add((obj, name, -1));
                    if (child is not null)
                    {
                        Collect(child, places);
                    }
                }

                break;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    places.Add((array, null, i));
                    if (array[i] is { } child)
                    {
                        Collect(child, places);
                    }
                }

                break;
        }
    }
}
