using System;
using System.IO;

namespace Hooksmith.Generator.Tests.Corpus;

/// <summary>
/// The shared corpora beside the repository. Outside CI a missing corpus makes these tests fail
/// with a plain message rather than pass; under CI (CI=true) it is a failure all the same.
/// </summary>
internal static class CorpusFiles
{
    public static string Voucherify => Require(Path.Combine(TestPaths.SharedDir, "corpus", "voucherify"));

    public static string Adyen => Require(Path.Combine(TestPaths.SharedDir, "corpus", "adyen"));

    public static string TestSuite => Require(Path.Combine(TestPaths.SharedDir, "corpus", "JSON-Schema-Test-Suite"));

    public static string MetaSchemas => Require(Path.Combine(TestPaths.SharedDir, "corpus", "metaschemas"));

    private static string Require(string folder)
    {
        if (!Directory.Exists(folder))
        {
            throw new InvalidOperationException(
                $"The corpus folder '{folder}' is missing. These tests read ../shared/corpus beside the repository; check it out there to run them.");
        }

        return folder;
    }
}
