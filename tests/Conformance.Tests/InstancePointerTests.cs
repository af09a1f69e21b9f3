using System.Text.Json;
using Hooksmith.Conformance.Tests.Running;

namespace Hooksmith.Conformance.Tests;

/// <summary>The check applied to every error location: a JSON Pointer that names a value of the instance.</summary>
public sealed class InstancePointerTests
{
    private const string Instance = """{"a": [10, {"b/c": 1, "m~n": 2, "": 3}], "0": true}""";

    [Theory]
    [InlineData("")]
    [InlineData("/a")]
    [InlineData("/a/0")]
    [InlineData("/a/1/b~1c")]
    [InlineData("/a/1/m~0n")]
    [InlineData("/a/1/")]
    [InlineData("/0")]
    public void Resolves(string pointer)
    {
        using var document = JsonDocument.Parse(Instance);
        Assert.Null(InstancePointer.Check(document.RootElement, pointer));
    }

    [Theory]
    [InlineData("a")]
    [InlineData("/b")]
    [InlineData("/a/2")]
    [InlineData("/a/01")]
    [InlineData("/a/-")]
    [InlineData("/a/0/x")]
    [InlineData("/a/1/b/c")]
    [InlineData("/a/1/m~2n")]
    [InlineData("/a/1/m~")]
    [InlineData("/0/x")]
    public void Does_not_resolve(string pointer)
    {
        using var document = JsonDocument.Parse(Instance);
        Assert.NotNull(InstancePointer.Check(document.RootElement, pointer));
    }
}
