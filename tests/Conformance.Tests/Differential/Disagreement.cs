using System.Text.Json.Nodes;

namespace Hooksmith.Conformance.Tests.Differential;

/// <summary>
/// An instance on which the generated validator and python-jsonschema give different verdicts, or on
/// which the generated validator gave none or contradicted itself.
/// </summary>
/// <param name="Found">The case as generated.</param>
/// <param name="Instance">Which instance of <paramref name="Found"/>.</param>
/// <param name="Mode">Whether formats asserted.</param>
/// <param name="Reference">python-jsonschema's verdict.</param>
/// <param name="Hooksmith">The generated validator's verdict.</param>
internal sealed record Disagreement(DifferentialCase Found, int Instance, FormatMode Mode, Verdict Reference, Verdict Hooksmith)
{
    /// <summary>The smallest schema found that still disagrees the same way (the generated one until shrunk).</summary>
    public string Schema { get; init; } = Found.Schema;

    /// <summary>The smallest instance found that still disagrees the same way.</summary>
    public string InstanceText { get; init; } = Found.Instances[Instance];

    /// <summary>The known-differences.txt entry that explains it, if any.</summary>
    public KnownDifference? Explained { get; init; }

    /// <summary>Whether a candidate's verdicts are the same disagreement: the same verdict on each side.</summary>
    public bool SameAs(Verdict reference, Verdict hooksmith)
        => reference.Valid == Reference.Valid && hooksmith.Valid == Hooksmith.Valid && hooksmith.Inconsistent == Hooksmith.Inconsistent;

    public static string Describe(Verdict verdict) => verdict.Valid switch
    {
        true => "valid",
        false => "invalid",
        null => "no verdict",
    };

    /// <summary>Everything needed to replay it, as saved under the test output.</summary>
    public JsonObject ToJson() => new()
    {
        ["found"] = Found.Name,
        ["draft"] = Found.Draft.Name,
        ["mode"] = Mode == FormatMode.Assert ? "assert" : "annotate",
        ["schema"] = JsonNode.Parse(Schema),
        ["instance"] = JsonNode.Parse(InstanceText),
        ["python"] = Describe(Reference) + (Reference.Detail is null ? string.Empty : ": " + Reference.Detail),
        ["hooksmith"] = Describe(Hooksmith) + (Hooksmith.Inconsistent ? " (inconsistent)" : string.Empty),
        ["hooksmithDetail"] = Hooksmith.Detail,
        ["known"] = Explained?.Reason,
        ["generatedSchema"] = JsonNode.Parse(Found.Schema),
        ["generatedInstance"] = JsonNode.Parse(Found.Instances[Instance]),
    };

    public override string ToString()
        => $"{Found.Draft.Name} {(Mode == FormatMode.Assert ? "assert" : "annotate")}: schema {Schema} instance {InstanceText}: python {Describe(Reference)}, hooksmith {Describe(Hooksmith)}"
            + (Hooksmith.Inconsistent ? " (inconsistent)" : string.Empty)
            + (Hooksmith.Detail is null ? string.Empty : " [" + Hooksmith.Detail + "]")
            + (Explained is null ? string.Empty : " — known: " + Explained.Reason);
}
