using System.IO;
using System.Linq;
using Hooksmith.Generator.Tests.Corpus;
using Hooksmith.Generator.Tests.Infrastructure;

namespace Hooksmith.Generator.Tests.Scratch;

public sealed class DumpTests
{
    [Theory]
    [InlineData("draft2020-12")]
    [InlineData("draft7")]
    public void Dump(string draft)
    {
        var cases = TestSuiteCases.Cases(draft);
        var files = cases.Select(c => c.ToSchemaFile()).Concat(TestSuiteCases.Remotes(TestSuiteCases.DialectOf(draft))).Concat(TestSuiteCases.MetaSchemas()).ToList();
        var run = GeneratorHarness.Run(files);
        var dir = "/tmp/suite-out/" + draft;
        if (Directory.Exists(dir)) Directory.Delete(dir, true);
        Directory.CreateDirectory(dir);
        foreach (var (k, v) in run.Sources) File.WriteAllText(Path.Combine(dir, k), v);
        File.WriteAllLines(dir + ".cases.txt", cases.Select(c => $"{c.Namespace}\t{c.FileStem}#{c.Index}\t{c.Description}\t{c.SchemaText.Replace("\n", " ")}"));
    }
}
