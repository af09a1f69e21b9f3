using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;

namespace Hooksmith.Conformance.Tests.Suite;

/// <summary>One test of the suite: an instance and whether the case's schema accepts it.</summary>
/// <param name="Description">The test's description.</param>
/// <param name="Data">The instance, as JSON text exactly as written in the file.</param>
/// <param name="Valid">The suite's verdict.</param>
internal sealed record SuiteTest(string Description, string Data, bool Valid);

/// <summary>One case of a suite file: the position of its schema in the file and its tests.</summary>
internal sealed record SuiteTestCase(int Index, string Description, IReadOnlyList<SuiteTest> Tests);

/// <summary>
/// The tests of one top-level file of the suite. The schemas themselves are read by
/// <c>TestSuiteCases</c>, which hands them to the generator; a case is matched to its schema by
/// file and position.
/// </summary>
/// <param name="Draft">The suite folder, such as <c>draft7</c>.</param>
/// <param name="FileName">The file's name, such as <c>ref.json</c>.</param>
/// <param name="Cases">The file's cases in order.</param>
internal sealed record SuiteTestFile(string Draft, string FileName, IReadOnlyList<SuiteTestCase> Cases)
{
    /// <summary>How the file is named in reports and in known-failures.txt: <c>draft7/ref.json</c>.</summary>
    public string Key => Draft + "/" + FileName;

    /// <summary>The file name without <c>.json</c>, as <c>SuiteCase.FileStem</c> has it.</summary>
    public string Stem => Path.GetFileNameWithoutExtension(FileName);

    public int TestCount => Cases.Sum(c => c.Tests.Count);

    /// <summary>Every top-level test file of a draft folder, in ordinal order of file names.</summary>
    public static IReadOnlyList<SuiteTestFile> ReadDraft(string draft)
        => Directory.GetFiles(ConformanceCorpus.TestFolder(draft), "*.json")
            .OrderBy(path => path, StringComparer.Ordinal)
            .Select(path => Read(draft, path))
            .ToList();

    private static SuiteTestFile Read(string draft, string path)
    {
        using var document = JsonDocument.Parse(File.ReadAllBytes(path));
        var cases = document.RootElement.EnumerateArray()
            .Select((element, index) => new SuiteTestCase(
                index,
                element.GetProperty("description").GetString() ?? string.Empty,
                element.GetProperty("tests").EnumerateArray()
                    .Select(test => new SuiteTest(
                        test.GetProperty("description").GetString() ?? string.Empty,
                        test.GetProperty("data").GetRawText(),
                        test.GetProperty("valid").GetBoolean()))
                    .ToList()))
            .ToList();
        return new SuiteTestFile(draft, Path.GetFileName(path), cases);
    }
}
