using System.Collections.Generic;
using System.Linq;
using Hooksmith.Conformance.Tests.Suite;

namespace Hooksmith.Conformance.Tests.Running;

/// <summary>A suite test that the generated validator got wrong, or that made it throw.</summary>
/// <param name="File">The suite file, as <c>draft7/ref.json</c>.</param>
/// <param name="CaseDescription">The case's description.</param>
/// <param name="TestDescription">The test's description.</param>
/// <param name="Expected">The suite's verdict: valid or not.</param>
/// <param name="Problem">What went wrong, in either mode.</param>
/// <param name="FirstError">The first error the validator reported (full mode, else first-failure mode), or "(none)".</param>
/// <param name="Threw">Whether a validator threw.</param>
internal sealed record ConformanceFailure(string File, string CaseDescription, string TestDescription, bool Expected, string Problem, string FirstError, bool Threw)
{
    /// <summary>The test's key in known-failures.txt.</summary>
    public (string File, string Case, string Test) Key => (File, CaseDescription, TestDescription);

    /// <summary>One line in the form of known-failures.txt, with the problem where the reason goes.</summary>
    public override string ToString()
        => $"{File} | {CaseDescription} | {TestDescription} | expected {(Expected ? "valid" : "invalid")}; {Problem}; first error: {FirstError}";
}

/// <summary>What running one suite file through the generated validators gave.</summary>
internal sealed record FileResult(SuiteTestFile File, int Passed, IReadOnlyList<ConformanceFailure> Failures)
{
    public int Executed => Passed + Failures.Count;

    public int Threw => Failures.Count(f => f.Threw);

    /// <summary>How many tests the single reader pass decided (valid or invalid) rather than leaving them to the document validators.</summary>
    public int DecidedByReaderPass { get; init; }

    /// <summary>How many tests the fused pass proved valid while binding the instance to the schema's model.</summary>
    public int ProvenByFusedPass { get; init; }

    /// <summary>How many valid tests have a schema model to bind to (the fused pass checks only while binding one).</summary>
    public int ValidWithModel { get; init; }
}
