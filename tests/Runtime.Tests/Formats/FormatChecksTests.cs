using Hooksmith.Validation;

namespace Hooksmith.Runtime.Tests.Formats;

/// <summary>
/// The format dispatcher. The optional format tests of the JSON-Schema-Test-Suite are not in the
/// shared corpus; until they are, the checks are covered by the edge cases in
/// <see cref="FormatCheckEdgeCaseTests"/>.
/// </summary>
public sealed class FormatChecksTests
{
    [Theory]
    [InlineData("date-time")]
    [InlineData("date")]
    [InlineData("time")]
    [InlineData("duration")]
    [InlineData("email")]
    [InlineData("idn-email")]
    [InlineData("hostname")]
    [InlineData("idn-hostname")]
    [InlineData("ipv4")]
    [InlineData("ipv6")]
    [InlineData("uri")]
    [InlineData("uri-reference")]
    [InlineData("iri")]
    [InlineData("iri-reference")]
    [InlineData("uri-template")]
    [InlineData("uuid")]
    [InlineData("json-pointer")]
    [InlineData("relative-json-pointer")]
    [InlineData("regex")]
    public void The_dispatcher_knows_every_format_of_the_specification(string format)
    {
        Assert.True(FormatChecks.TryCheck(format, "x", out _));
    }

    [Theory]
    [InlineData("int64")]
    [InlineData("unknown")]
    [InlineData("Date-Time")]
    [InlineData("")]
    public void An_unknown_format_is_not_checked_and_reads_as_valid(string format)
    {
        Assert.False(FormatChecks.TryCheck(format, "anything at all", out bool valid));
        Assert.True(valid);
    }

    [Fact]
    public void The_dispatcher_gives_the_same_answer_as_the_method()
    {
        Assert.True(FormatChecks.TryCheck("ipv4", "10.0.0.1", out bool valid) && valid);
        Assert.True(FormatChecks.TryCheck("ipv4", "10.0.0.01", out valid) && !valid);
        Assert.True(FormatChecks.TryCheck("uuid", "2eb8aa08-aa98-11ea-b4aa-73b441d16380", out valid) && valid);
        Assert.True(FormatChecks.TryCheck("regex", "(", out valid) && !valid);
    }
}
