using System;
using System.Linq;
using System.Threading.Tasks;

namespace Hooksmith.Conformance.Tests.Differential;

/// <summary>
/// Disagreements the differential tests found, shrunk, kept as fixed cases: the generated validator's
/// verdict is asserted, and so is python-jsonschema's — the same where Hooksmith had the bug, the
/// opposite where the difference is python's (known-differences.txt), so a change on either side is noticed.
/// </summary>
public sealed class DifferentialRegressionTests
{
    private const string Draft7 = "http://json-schema.org/draft-07/schema#";

    private const string Draft202012 = "https://json-schema.org/draft/2020-12/schema";

    /// <summary>(dialect URI, schema without $schema, instance, mode, valid, whether python-jsonschema says otherwise).</summary>
    private static readonly (string Dialect, string Schema, string Instance, FormatMode Mode, bool Valid, bool PythonDiffers)[] Cases =
    [
        // A member named "" (the empty string) was dropped from properties and required: the generated
        // set of one empty name came out as the empty set.
        (Draft7, """{"properties": {"": {"enum": []}}}""", """{"": true}""", FormatMode.Annotate, false, false),
        (Draft7, """{"properties": {"": true}, "additionalProperties": {"maxLength": 4}}""", """{"": "127.0.0.1"}""", FormatMode.Annotate, true, false),
        (Draft202012, """{"properties": {"": true}, "additionalProperties": false}""", """{"": 1}""", FormatMode.Annotate, true, false),
        (Draft202012, """{"properties": {"": {"type": "string"}}, "unevaluatedProperties": false}""", """{"": "x"}""", FormatMode.Annotate, true, false),
        (Draft202012, """{"required": [""]}""", "{}", FormatMode.Annotate, false, false),
        (Draft202012, """{"required": [""]}""", """{"": 0}""", FormatMode.Annotate, true, false),
        (Draft202012, """{"dependentRequired": {"a": [""]}}""", """{"a": 0}""", FormatMode.Annotate, false, false),

        // A name with a NUL in it was split in two at the NUL the same way.
        (Draft202012, """{"properties": {"a\u0000b": false}}""", """{"a\u0000b": 1}""", FormatMode.Annotate, false, false),
        (Draft202012, """{"properties": {"a\u0000b": true}, "additionalProperties": false}""", """{"a": 1}""", FormatMode.Annotate, false, false),

        // python's differences, kept to notice if python-jsonschema changes.
        (Draft202012, """{"format": "email"}""", "\"a.@b.c\"", FormatMode.Assert, false, true),
        (Draft7, """{"pattern": "b$"}""", "\"ab\\n\"", FormatMode.Annotate, false, true),
        (Draft202012, """{"not": {"pattern": "^\\S+$"}}""", "\"ab\\n\"", FormatMode.Annotate, true, true),
        (Draft202012, """{"format": "time"}""", "\"23:59:60Z\"", FormatMode.Assert, true, true),
        (Draft7, """{"pattern": "^\\w+$"}""", "\"aé\"", FormatMode.Annotate, false, true),
    ];

    private static readonly Lazy<DifferentialRun.Judged> Judged = new(() =>
    {
        var cases = Cases.Select((c, i) => new DifferentialCase(
            "regression " + i,
            DifferentialDraft.FromMetaSchema(c.Dialect),
            "{\"$schema\": \"" + c.Dialect + "\", " + c.Schema.TrimStart()[1..],
            [c.Instance])).ToList();
        return Task.Run(() => DifferentialRun.JudgeAsync(cases, "Regressions")).GetAwaiter().GetResult();
    });

    public static TheoryData<int> CaseIndexes()
    {
        var rows = new TheoryData<int>();
        for (var i = 0; i < Cases.Length; i++)
        {
            rows.Add(i);
        }

        return rows;
    }

    [Theory]
    [MemberData(nameof(CaseIndexes))]
    public void Generated_validator_keeps_its_verdict_on_a_disagreement_found_before(int index)
    {
        var (dialect, schema, instance, mode, valid, pythonDiffers) = Cases[index];
        var judged = Judged.Value;
        var hooksmith = judged.Hooksmith[index][0][(int)mode];
        var python = judged.Reference[index][0][(int)mode];
        var what = $"{dialect} {schema} with {instance} ({mode})";
        Assert.False(hooksmith.Inconsistent, $"{what}: {hooksmith.Detail}");
        Assert.True(hooksmith.Valid == valid, $"{what}: expected {(valid ? "valid" : "invalid")}, the generated validator says {Disagreement.Describe(hooksmith)} [{hooksmith.Detail}]");
        Assert.True(
            python.Valid == (pythonDiffers ? !valid : valid),
            $"{what}: python-jsonschema says {Disagreement.Describe(python)}{(pythonDiffers ? ", which known-differences.txt says it does not: update the entry" : string.Empty)}");
    }
}
