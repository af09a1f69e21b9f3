using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Hooksmith.Generator.Tests;

namespace Hooksmith.Conformance.Tests.Suite;

/// <summary>
/// Where the JSON-Schema-Test-Suite is and which of its files these tests run: the top-level test
/// files of <c>draft2020-12</c> and <c>draft7</c> (the required tests; <c>optional/</c> is not read).
/// </summary>
/// <remarks>
/// The same rule as Generator.Tests' corpus: a missing <c>../shared/corpus</c> is a failing test with
/// a plain message, in CI (CI=true) and outside it alike; never a pass, never a skip.
/// </remarks>
internal static class ConformanceCorpus
{
    /// <summary>The suite folders run, in the order they are reported.</summary>
    public static readonly IReadOnlyList<string> Drafts = ["draft2020-12", "draft7"];

    /// <summary>The shared corpus folder beside the repository.</summary>
    public static string Root => Path.Combine(TestPaths.SharedDir, "corpus");

    /// <summary>The suite's folder of test files for one draft.</summary>
    public static string TestFolder(string draft) => Path.Combine(Root, "JSON-Schema-Test-Suite", "tests", draft);

    /// <summary>Null when every folder the tests read exists, else the message a test fails with.</summary>
    public static string? Absence()
    {
        var needed = new[] { Root, Path.Combine(Root, "JSON-Schema-Test-Suite", "remotes"), Path.Combine(Root, "metaschemas") }
            .Concat(Drafts.Select(TestFolder));
        var missing = needed.FirstOrDefault(folder => !Directory.Exists(folder));
        if (missing is null)
        {
            return null;
        }

        var underCi = string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase)
            ? " (CI=true: the corpus is required there too)"
            : string.Empty;
        return $"corpus not found at {missing}; these tests need ../shared beside the repo{underCi}";
    }

    /// <summary>Fails the calling test with the plain absence message when the corpus is missing.</summary>
    public static void Require()
    {
        if (Absence() is { } message)
        {
            Assert.Fail(message);
        }
    }

    /// <summary>
    /// The theory rows for the suite files of a draft, as <c>draft/file.json</c>. Without the corpus,
    /// one row per draft stands in for its files, so that the test runs and reports the absence.
    /// </summary>
    public static IEnumerable<string> FileKeys(string draft)
    {
        var folder = TestFolder(draft);
        if (!Directory.Exists(folder))
        {
            return [draft + "/*.json"];
        }

        return Directory.GetFiles(folder, "*.json")
            .Select(path => draft + "/" + Path.GetFileName(path))
            .OrderBy(key => key, StringComparer.Ordinal);
    }
}
