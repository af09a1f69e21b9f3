using System.IO;
using Hooksmith.Generator.Schema;
using Xunit;

namespace Hooksmith.Generator.Tests.Drift;

public sealed class ScratchDump
{
    [Fact]
    public void Dump()
    {
        var root = Path.Combine(TestPaths.SharedDir, "corpus/voucherify/history");
        var text = "";
        foreach (var dir in Directory.GetDirectories(root))
        {
            var report = DriftScenario.DiffFiles(Path.Combine(dir, "before.json"), Path.Combine(dir, "after.json"), EventSources.Paths);
            text += "== " + Path.GetFileName(dir) + "\n" + DriftScenario.Describe(report) + "\n";
        }

        File.WriteAllText("/tmp/drift-dump.txt", text);
    }
}
