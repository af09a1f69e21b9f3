using System.Collections.Generic;

namespace Hooksmith.Conformance.Tests.Differential;

/// <summary>One schema with the instances it is judged on, by both validators.</summary>
/// <param name="Name">Where it came from, such as <c>2020-12 seed 7 #12</c> or <c>shrink 3.41</c>.</param>
/// <param name="Draft">The schema's dialect (its <c>$schema</c> says the same).</param>
/// <param name="Schema">The schema document's text.</param>
/// <param name="Instances">Each instance's JSON text.</param>
internal sealed record DifferentialCase(string Name, DifferentialDraft Draft, string Schema, IReadOnlyList<string> Instances);

/// <summary>Whether <c>format</c> asserts: both validators are asked in both modes.</summary>
internal enum FormatMode
{
    /// <summary><c>format</c> is only an annotation (python without a format checker; <c>AssertFormats = false</c>).</summary>
    Annotate,

    /// <summary><c>format</c> asserts (python with the draft's format checker; <c>AssertFormats = true</c>).</summary>
    Assert,
}

/// <summary>What one validator said of one instance in one mode.</summary>
/// <param name="Valid">The verdict, or null when there is none (the validator threw, or the schema could not be judged).</param>
/// <param name="Detail">Why there is no verdict, the first error, or a problem beside the verdict (first-failure mode said otherwise).</param>
/// <param name="Inconsistent">The Hooksmith validator contradicted itself (full and first-failure modes differ, or the fused pass proved valid what it rejects) or threw.</param>
internal readonly record struct Verdict(bool? Valid, string? Detail, bool Inconsistent = false);
