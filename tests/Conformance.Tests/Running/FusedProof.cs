using System;
using System.Collections.Concurrent;
using System.Reflection;
using Hooksmith.Serialization;
using Hooksmith.Validation;

namespace Hooksmith.Conformance.Tests.Running;

/// <summary>
/// Runs the fused pass (<c>JsonModel.ProvesValid</c>) and lenient binding for a model type known only at run time:
/// the generated assembly is loaded after the tests were built, so the generic method is made for it by reflection.
/// </summary>
internal static class FusedProof
{
    private static readonly MethodInfo Definition = typeof(FusedProof).GetMethod(nameof(ProbeCore), BindingFlags.NonPublic | BindingFlags.Static)!;

    private static readonly ConcurrentDictionary<Type, Func<byte[], ValidationOptions, (bool, bool)>?> Probes = new();

    /// <summary>
    /// Whether the fused pass proves <paramref name="utf8Json"/> valid against the model's schema, and whether the
    /// payload binds to the model with no problem reported (which a proof needs); null for a type that is not a schema model.
    /// </summary>
    public static (bool Proven, bool BindsCleanly)? Probe(Type model, byte[] utf8Json, ValidationOptions? options = null)
        => Probes.GetOrAdd(model, Make) is { } probe ? probe(utf8Json, options ?? ValidationOptions.Default) : null;

    private static Func<byte[], ValidationOptions, (bool, bool)>? Make(Type model)
        => typeof(ISchemaModel<>).MakeGenericType(model).IsAssignableFrom(model)
            ? Definition.MakeGenericMethod(model).CreateDelegate<Func<byte[], ValidationOptions, (bool, bool)>>()
            : null;

    private static (bool, bool) ProbeCore<T>(byte[] utf8Json, ValidationOptions options)
        where T : ISchemaModel<T>
        => (JsonModel.ProvesValid<T>(utf8Json, options), JsonModel.TryBind<T>(utf8Json, out _, out var binding) && binding.IsValid);
}
