using System.Collections.Generic;
using System.Linq;
using Hooksmith.Generator.Planning;
using Hooksmith.Generator.Planning.Validation;
using Microsoft.CodeAnalysis;

namespace Hooksmith.Generator.Tests.Infrastructure;

/// <summary>What a run's <see cref="TrackingNames.Outputs"/> step held: the generated files' plans.</summary>
internal static class TrackedOutputs
{
    /// <summary>The validator parts of a run's generated files, in order (null for a file without validators).</summary>
    public static List<ValidatorPart?> ValidatorParts(GeneratorRunResult result)
        => result.TrackedSteps[TrackingNames.Outputs].SelectMany(run => run.Outputs).Select(o => ((SchemaOutput)o.Value).Validators).ToList();
}
