using System.IO;
using System.Linq;
using Hooksmith.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;

namespace Hooksmith.Generator.Tests.Corpus;

public sealed class VoucherifyCorpusTests
{
    public static TheoryData<string> Files()
    {
        var data = new TheoryData<string>();
        foreach (var path in Directory.GetFiles(CorpusFiles.Voucherify, "*.json").Where(p => !p.EndsWith("expected-validation.json")).OrderBy(p => p))
        {
            data.Add(Path.GetFileName(path));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void Vendor_file_generates_without_errors_and_compiles_without_warnings(string fileName)
    {
        var path = Path.Combine(CorpusFiles.Voucherify, fileName);
        var run = GeneratorHarness.Run([new SchemaFile(path, File.ReadAllText(path), Namespace: "Vendor.Voucherify")]);

        Assert.Empty(run.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error));
        Assert.NotEmpty(run.Sources);
        Assert.Empty(run.CompilationProblems);
    }
}
