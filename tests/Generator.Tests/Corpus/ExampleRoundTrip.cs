using System;
using System.Linq;
using System.Reflection;
using System.Text.Json;
using Hooksmith.Serialization;
using Hooksmith.Validation;

namespace Hooksmith.Generator.Tests.Corpus;

/// <summary>Binds an example payload to a generated type known only at run time, and checks that it writes back as it came.</summary>
internal static class ExampleRoundTrip
{
    /// <summary>
    /// Asserts that <paramref name="json"/> binds to <paramref name="type"/>, writes back to the same JSON
    /// and parses again to an equal value; returns whether it bound with no binding problem.
    /// </summary>
    public static bool AssertBindsAndRoundTrips(Type type, byte[] json, string label)
        => AssertBindsAndRoundTrips(type, json, label, out _);

    /// <summary>As <see cref="AssertBindsAndRoundTrips(Type, byte[], string)"/>, with what binding reported.</summary>
    public static bool AssertBindsAndRoundTrips(Type type, byte[] json, string label, out ValidationResult result)
    {
        (var value, result) = Parse(type, json);
        Assert.True(value is not null, $"{label}: {result}");

        var written = Write(type, value);
        using var original = JsonDocument.Parse(json);
        using var rewritten = JsonDocument.Parse(written);
        if (!SameJson(original.RootElement, rewritten.RootElement))
        {
            Assert.Fail($"{label} does not write back as it came: {FirstDifference(original.RootElement, rewritten.RootElement, "")}");
        }

        var (again, _) = Parse(type, written);
        Assert.Equal(value, again);
        return result.IsValid;
    }

    /// <summary>
    /// JSON equality with strings compared by their text: a date-time or a date must come back spelled as it
    /// came (<c>.213000Z</c> stays <c>.213000Z</c>, <c>+00:00</c> stays <c>+00:00</c>), not only as the same instant.
    /// </summary>
    private static bool SameJson(JsonElement expected, JsonElement actual)
    {
        switch (expected.ValueKind)
        {
            case JsonValueKind.String when actual.ValueKind == JsonValueKind.String:
                return expected.ValueEquals(actual.GetString());
            case JsonValueKind.Object when actual.ValueKind == JsonValueKind.Object:
                var names = expected.EnumerateObject().Select(m => m.Name).ToHashSet();
                return names.SetEquals(actual.EnumerateObject().Select(m => m.Name))
                    && expected.EnumerateObject().All(m => SameJson(m.Value, actual.GetProperty(m.Name)));
            case JsonValueKind.Array when actual.ValueKind == JsonValueKind.Array:
                return expected.GetArrayLength() == actual.GetArrayLength()
                    && expected.EnumerateArray().Zip(actual.EnumerateArray()).All(pair => SameJson(pair.First, pair.Second));
            default:
                return JsonElementComparer.Instance.Equals(expected, actual);
        }
    }

    /// <summary>Where two JSON values first differ, for a failure message that can be acted on.</summary>
    private static string FirstDifference(JsonElement expected, JsonElement actual, string pointer)
    {
        if (expected.ValueKind == JsonValueKind.Object && actual.ValueKind == JsonValueKind.Object)
        {
            foreach (var member in expected.EnumerateObject())
            {
                if (!actual.TryGetProperty(member.Name, out var other))
                {
                    return $"{pointer}/{member.Name} is missing";
                }

                if (!SameJson(member.Value, other))
                {
                    return FirstDifference(member.Value, other, pointer + "/" + member.Name);
                }
            }

            var extra = actual.EnumerateObject().Where(m => !expected.TryGetProperty(m.Name, out _)).Select(m => m.Name).FirstOrDefault();
            return extra is null ? $"{pointer}: the objects differ in how often a member name occurs" : $"{pointer}/{extra} was added";
        }

        if (expected.ValueKind == JsonValueKind.Array && actual.ValueKind == JsonValueKind.Array && expected.GetArrayLength() == actual.GetArrayLength())
        {
            var index = 0;
            foreach (var (left, right) in expected.EnumerateArray().Zip(actual.EnumerateArray()))
            {
                if (!SameJson(left, right))
                {
                    return FirstDifference(left, right, $"{pointer}/{index}");
                }

                index++;
            }
        }

        return $"{pointer}: expected {expected.GetRawText()}, written {actual.GetRawText()}";
    }

    /// <summary>The generated type is only known at run time here; the test calls the generic entry point through it.</summary>
    private static (object? Value, ValidationResult Result) Parse(Type type, byte[] json)
        => ((object? Value, ValidationResult Result))typeof(ExampleRoundTrip)
            .GetMethod(nameof(TryParse), BindingFlags.NonPublic | BindingFlags.Static)!
            .MakeGenericMethod(type)
            .Invoke(null, [json])!;

    private static (object? Value, ValidationResult Result) TryParse<T>(byte[] json)
        where T : IJsonCodec<T>
        => JsonModel.TryBind<T>(json, out var value, out var result) ? (value, result) : (null, result);

    private static byte[] Write(Type type, object value)
        => (byte[])typeof(ExampleRoundTrip).GetMethod(nameof(WriteTyped), BindingFlags.NonPublic | BindingFlags.Static)!.MakeGenericMethod(type).Invoke(null, [value])!;

    private static byte[] WriteTyped<T>(T value)
        where T : IJsonCodec<T>
        => JsonModel.ToUtf8Bytes(value);
}
