using System;
using System.Collections.Generic;
using System.IO;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading;
using BenchmarkDotNet.Attributes;
using Hooksmith.Benchmarks.Dto;
using Hooksmith.Benchmarks.Voucherify;
using Hooksmith.Validation;
using JsonSchemaNet = Json.Schema;
using NJson = NJsonSchema;

namespace Hooksmith.Benchmarks;

/// <summary>
/// Binding the data of a customer.order.updated webhook, from UTF-8 bytes to typed C#, with and
/// without JSON Schema validation. The baseline is System.Text.Json source-generated deserialization
/// into hand-written classes, without validation.
/// </summary>
[MemoryDiagnoser]
public class BindingBenchmarks
{
    private const string SchemaBase = "https://schemas.hooksmith.dev/voucherify/";

    private byte[] _utf8 = [];
    private JsonSchemaNet.JsonSchema _jsonSchemaNet = null!;
    private JsonSchemaNet.EvaluationOptions _jsonSchemaNetOptions = null!;
    private NJson.JsonSchema _nJsonSchema = null!;

    [ParamsAllValues]
    public Payload Payload { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _utf8 = Payloads.Get(Payload);
        (_jsonSchemaNet, _jsonSchemaNetOptions) = BuildJsonSchemaNet();
        _nJsonSchema = BuildNJsonSchema();
    }

    [Benchmark(Description = "Utf8JsonReader token pass (floor)")]
    public int ReaderPass()
    {
        var reader = new Utf8JsonReader(_utf8);
        var tokens = 0;
        while (reader.Read())
        {
            tokens++;
        }

        return tokens;
    }

    [Benchmark(Baseline = true, Description = "STJ source-gen deserialize (no validation)")]
    public CustomerOrderUpdatedDto? StjSourceGen() => DeserializeDto(_utf8);

    [Benchmark(Description = "Hooksmith validate only (first failure)")]
    public bool HooksmithValidate() => CustomerOrderUpdated.Validate(_utf8, ValidationOptions.FirstFailure).IsValid;

    [Benchmark(Description = "Hooksmith parse + validate + bind")]
    public CustomerOrderUpdated? HooksmithParse()
    {
        CustomerOrderUpdated.TryParse(_utf8, out var value, out _);
        return value;
    }

    // Lenient binding alone: the part of the full path that is not validation, so the two rows above and this one
    // show where the full path's time goes.
    [Benchmark(Description = "Hooksmith bind only (no validation)")]
    public CustomerOrderUpdated HooksmithBind() => CustomerOrderUpdated.Parse(_utf8);

    [Benchmark(Description = "JsonSchema.Net 8.0.5 evaluate + STJ source-gen")]
    public CustomerOrderUpdatedDto? JsonSchemaNetValidate()
    {
        using var document = JsonDocument.Parse(_utf8);
        var results = _jsonSchemaNet.Evaluate(document.RootElement, _jsonSchemaNetOptions);
        return results.IsValid ? DeserializeDto(_utf8) : null;
    }

    [Benchmark(Description = "NJsonSchema 11.6.2 validate + STJ source-gen")]
    public CustomerOrderUpdatedDto? NJsonSchemaValidate()
    {
        // NJsonSchema validates text (through Newtonsoft.Json), so the bytes are decoded first.
        var errors = _nJsonSchema.Validate(Encoding.UTF8.GetString(_utf8));
        return errors.Count == 0 ? DeserializeDto(_utf8) : null;
    }

    // STJ throws on a wrong-typed value; a receiver would catch it, so the cost of the throw is part of the row.
    internal static CustomerOrderUpdatedDto? DeserializeDto(byte[] utf8)
    {
        try
        {
            return JsonSerializer.Deserialize(utf8, DtoJsonContext.Default.CustomerOrderUpdatedDto);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string SchemaPath(string file) => Path.Combine(Payloads.BaseDirectory, "schemas", file);

    // Both files are built once, into a private registry, common.json first so that the relative
    // $refs of customer-order-updated.json ("common.json#/$defs/...") resolve against its $id.
    private static (JsonSchemaNet.JsonSchema Schema, JsonSchemaNet.EvaluationOptions Options) BuildJsonSchemaNet()
    {
        var registry = new JsonSchemaNet.SchemaRegistry();
        var buildOptions = new JsonSchemaNet.BuildOptions { SchemaRegistry = registry };
        var common = JsonSchemaNet.JsonSchema.FromText(File.ReadAllText(SchemaPath("common.json")), buildOptions, new Uri(SchemaBase + "common.json"));
        if (registry.Get(new Uri(SchemaBase + "common.json")) is null)
        {
            registry.Register(common);
        }

        var schema = JsonSchemaNet.JsonSchema.FromText(File.ReadAllText(SchemaPath("customer-order-updated.json")), buildOptions, new Uri(SchemaBase + "customer-order-updated.json"));
        var options = new JsonSchemaNet.EvaluationOptions { OutputFormat = JsonSchemaNet.OutputFormat.Flag };
        return (schema, options);
    }

    // NJsonSchema 11.6.2 does not know the 2020-12 "$defs" keyword (it reads only "definitions"), so
    // its resolver cannot follow "common.json#/$defs/Order" or even "#/$defs/OrderItem". The two files
    // are therefore bundled once, here: common.json's $defs become "definitions" of the event schema
    // and every $ref is rewritten to "#/definitions/<name>". The validation keywords are untouched.
    private static NJson.JsonSchema BuildNJsonSchema()
    {
        var root = JsonNode.Parse(File.ReadAllText(SchemaPath("customer-order-updated.json")))!.AsObject();
        var common = JsonNode.Parse(File.ReadAllText(SchemaPath("common.json")))!.AsObject();
        root.Remove("$id");
        root.Remove("$schema");
        root["definitions"] = common["$defs"]!.DeepClone();
        RewriteRefs(root);
        return NJson.JsonSchema.FromJsonAsync(root.ToJsonString(), CancellationToken.None).GetAwaiter().GetResult();
    }

    private static void RewriteRefs(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                if (obj["$ref"] is JsonValue reference && reference.GetValue<string>() is { } target)
                {
                    obj["$ref"] = "#/definitions/" + target[(target.LastIndexOf('/') + 1)..];
                }

                foreach (var (_, child) in obj)
                {
                    RewriteRefs(child);
                }

                break;
            case JsonArray array:
                foreach (var child in array)
                {
                    RewriteRefs(child);
                }

                break;
        }
    }

    /// <summary>Binds every payload once with every contender and prints the outcome.</summary>
    public static int Check()
    {
        var failures = 0;
        foreach (var payload in Enum.GetValues<Payload>())
        {
            var bench = new BindingBenchmarks { Payload = payload };
            bench.Setup();
            Console.WriteLine($"{payload}: {bench._utf8.Length} bytes, {bench.ReaderPass()} tokens");

            var dto = bench.StjSourceGen();
            Console.WriteLine($"  STJ source-gen:  {(dto is null ? "threw JsonException" : $"{dto.Order?.Items?.Count} items, total {dto.Order?.TotalAmount}")}");

            var ok = CustomerOrderUpdated.TryParse(bench._utf8, out var value, out ValidationResult result);
            Console.WriteLine($"  Hooksmith:       TryParse={ok}, result={result}, {value?.Order?.Items?.Count} items, total {value?.Order?.TotalAmount}");

            using (var document = JsonDocument.Parse(bench._utf8))
            {
                var evaluation = bench._jsonSchemaNet.Evaluate(document.RootElement, new JsonSchemaNet.EvaluationOptions { OutputFormat = JsonSchemaNet.OutputFormat.List });
                var messages = new List<string>();
                foreach (var detail in evaluation.Details ?? [])
                {
                    foreach (var error in detail.Errors ?? new Dictionary<string, string>())
                    {
                        messages.Add($"{detail.InstanceLocation}: {error.Value}");
                    }
                }

                Console.WriteLine($"  JsonSchema.Net:  valid={evaluation.IsValid} {string.Join("; ", messages)}");
            }

            var errors = bench._nJsonSchema.Validate(Encoding.UTF8.GetString(bench._utf8));
            Console.WriteLine($"  NJsonSchema:     valid={errors.Count == 0} {string.Join("; ", Describe(errors))}");

            // Binding alone must give the value the full path gives (validation never changes what binds).
            var bound = bench.HooksmithBind();
            var sameBinding = value is not null && bound.Equals(value);
            Console.WriteLine($"  Hooksmith bind only: {bound.Order?.Items?.Count} items, equal to TryParse's value: {sameBinding}");

            var expectValid = payload != Payload.Invalid;
            var fastVerdict = bench.HooksmithValidate();
            Console.WriteLine($"  Hooksmith validate (first failure): valid={fastVerdict}");
            if (expectValid != (dto is not null) || expectValid != IsValidJsonSchemaNet(bench) || expectValid != (errors.Count == 0)
                || expectValid != result.IsValid || expectValid != fastVerdict || !sameBinding)
            {
                Console.WriteLine("  ^ unexpected outcome");
                failures++;
            }
        }

        return failures == 0 ? 0 : 1;

        static bool IsValidJsonSchemaNet(BindingBenchmarks bench)
        {
            using var document = JsonDocument.Parse(bench._utf8);
            return bench._jsonSchemaNet.Evaluate(document.RootElement, bench._jsonSchemaNetOptions).IsValid;
        }
    }

    private static IEnumerable<string> Describe(ICollection<NJson.Validation.ValidationError> errors)
    {
        foreach (var error in errors)
        {
            yield return error.ToString();
        }
    }
}
