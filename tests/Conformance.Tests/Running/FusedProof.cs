using System;
using System.Collections.Concurrent;
using System.Linq;
using System.Reflection;
using Hooksmith.Serialization;
using Hooksmith.Validation;

namespace Hooksmith.Conformance.Tests.Running;

/// <summary>
/// Runs the fused pass (<c>JsonModel.ProvesValid</c>), lenient binding and <c>TryParse</c> for a model type known
/// only at run time: the generated assembly is loaded after the tests were built, so the generic methods are made
/// for it by reflection.
/// </summary>
internal static class FusedProof
{
    private static readonly ConcurrentDictionary<Type, Probes?> ByModel = new();

    /// <summary><c>JsonModel.UseFusedPass</c> is process-wide: parses that switch it take turns.</summary>
    private static readonly object Switching = new();

    /// <summary>
    /// Whether the fused pass proves <paramref name="utf8Json"/> valid against the model's schema, and whether the
    /// payload binds to the model with no problem reported (which a proof needs); null for a type that is not a schema model.
    /// </summary>
    public static (bool Proven, bool BindsCleanly)? Probe(Type model, byte[] utf8Json, ValidationOptions? options = null)
        => For(model) is { } probes ? probes.Probe(utf8Json, options ?? ValidationOptions.Default) : null;

    /// <summary>The model's reader-pass schema, or null.</summary>
    public static StreamSchema? StreamOf(Type model) => For(model)?.Stream();

    /// <summary><c>TryParse</c> with the fused pass on or off: whether it bound, its result error by error, and the value.</summary>
    public static Parsed Parse(Type model, byte[] utf8Json, bool fused, ValidationOptions? options = null)
    {
        var probes = For(model) ?? throw new ArgumentException($"{model} is not a schema model", nameof(model));
        lock (Switching)
        {
            JsonModel.UseFusedPass = fused;
            try
            {
                return probes.Parse(utf8Json, options ?? ValidationOptions.Default);
            }
            finally
            {
                JsonModel.UseFusedPass = true;
            }
        }
    }

    private static Probes? For(Type model) => ByModel.GetOrAdd(model, Make);

    private static Probes? Make(Type model)
    {
        if (!typeof(ISchemaModel<>).MakeGenericType(model).IsAssignableFrom(model))
        {
            return null;
        }

        T Bind<T>(string name)
            where T : Delegate
            => typeof(FusedProof).GetMethod(name, BindingFlags.NonPublic | BindingFlags.Static)!.MakeGenericMethod(model).CreateDelegate<T>();

        return new Probes(
            Bind<Func<byte[], ValidationOptions, (bool, bool)>>(nameof(ProbeCore)),
            Bind<Func<StreamSchema?>>(nameof(StreamCore)),
            Bind<Func<byte[], ValidationOptions, Parsed>>(nameof(ParseCore)));
    }

    private static (bool, bool) ProbeCore<T>(byte[] utf8Json, ValidationOptions options)
        where T : ISchemaModel<T>
        => (JsonModel.ProvesValid<T>(utf8Json, options), JsonModel.TryBind<T>(utf8Json, out _, out var binding) && binding.IsValid);

    private static StreamSchema? StreamCore<T>()
        where T : ISchemaModel<T>
        => T.Stream;

    private static Parsed ParseCore<T>(byte[] utf8Json, ValidationOptions options)
        where T : ISchemaModel<T>
    {
        var bound = JsonModel.TryParse<T>(utf8Json, options, out var value, out var result);
        return new Parsed(bound, string.Join("\n", result.Errors.Select(e => $"{e.InstanceLocation} | {e.KeywordLocation} | {e.Keyword} | {e.Message} | {e.SchemaLocation}")), value);
    }

    private sealed record Probes(Func<byte[], ValidationOptions, (bool, bool)> Probe, Func<StreamSchema?> Stream, Func<byte[], ValidationOptions, Parsed> Parse);

    /// <summary>What <c>TryParse</c> gave: compared whole, the value by the model's own equality.</summary>
    internal readonly record struct Parsed(bool Bound, string Errors, object? Value);
}
