using System;
using System.Linq;

namespace Hooksmith.Conformance.Tests;

/// <summary>How known-failures.txt is read: comments, fields, and lines that must be reported rather than ignored.</summary>
public sealed class KnownFailuresTests
{
    [Fact]
    public void Reads_entries_and_skips_comments_and_blank_lines()
    {
        var known = KnownFailures.Parse(
        [
            "# header",
            "",
            "  draft7/ref.json |  a case | a test  | not supported yet ",
            "draft2020-12/type.json|b|c|d",
        ]);

        Assert.Empty(known.Problems);
        Assert.Equal(
            [("draft7/ref.json", "a case", "a test", "not supported yet", 3), ("draft2020-12/type.json", "b", "c", "d", 4)],
            known.Entries.Select(e => (e.File, e.CaseDescription, e.TestDescription, e.Reason, e.Line)));
        Assert.Single(known.For("draft7/ref.json"));
    }

    [Fact]
    public void Reports_malformed_and_repeated_lines()
    {
        var known = KnownFailures.Parse(
        [
            "draft7/ref.json | a case | a test",
            "draft7/ref.json | a case | a test | ",
            "draft7/ref.json | a | b | c | d",
            "draft7/ref.json | a case | a test | one reason",
            "draft7/ref.json | a case | a test | another reason",
        ]);

        Assert.Single(known.Entries);
        Assert.Equal(4, known.Problems.Count);
        Assert.StartsWith("line 5: the same test as line 4", known.Problems[3], StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_file_is_a_problem()
        => Assert.Single(KnownFailures.Parse(null).Problems);
}
