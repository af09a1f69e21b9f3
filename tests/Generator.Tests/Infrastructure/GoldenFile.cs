using System;
using System.IO;

namespace Hooksmith.Generator.Tests.Infrastructure;

/// <summary>
/// Snapshot testing with golden files kept beside the tests and reviewed like code. A mismatch writes
/// the new text as <c>*.received.cs</c> next to the golden file and fails; setting
/// <c>HOOKSMITH_UPDATE_SNAPSHOTS=1</c> accepts it. A missing golden file fails too (outside an update run).
/// </summary>
internal static class GoldenFile
{
    public static void Verify(string actual, string goldenPath)
    {
        var normalized = actual.Replace("\r\n", "\n").TrimStart('\uFEFF');
        var received = Path.ChangeExtension(goldenPath, ".received" + Path.GetExtension(goldenPath));
        if (Environment.GetEnvironmentVariable("HOOKSMITH_UPDATE_SNAPSHOTS") == "1")
        {
            Directory.CreateDirectory(Path.GetDirectoryName(goldenPath)!);
            File.WriteAllText(goldenPath, normalized);
            File.Delete(received);
            return;
        }

        if (!File.Exists(goldenPath))
        {
            File.WriteAllText(received, normalized);
            Assert.Fail($"No golden file '{goldenPath}'. Review '{received}' and accept it with HOOKSMITH_UPDATE_SNAPSHOTS=1.");
        }

        var expected = File.ReadAllText(goldenPath).Replace("\r\n", "\n");
        if (expected != normalized)
        {
            File.WriteAllText(received, normalized);
            Assert.Equal(expected, normalized);
        }

        File.Delete(received);
    }
}
