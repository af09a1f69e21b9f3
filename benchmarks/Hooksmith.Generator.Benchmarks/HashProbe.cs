using System;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
namespace Hooksmith.Generator.Benchmarks;
internal static class HashProbe
{
    public static void Run()
    {
        var corpus = VoucherifyCorpus.Load();
        var compilation = GeneratorRuns.EmptyCompilation();
        var adyen = AdyenCorpus.Load();
        foreach (var (name, driver) in new[] {
            ("voucherify", GeneratorRuns.CreateDriver(corpus.Files, corpus.Options)),
            ("adyen", GeneratorRuns.CreateDriver(adyen, new SchemaOptionsProvider(adyen))) })
        {
            var result = driver.RunGenerators(compilation).GetRunResult().Results.Single();
            using var sha = SHA256.Create();
            var all = new StringBuilder();
            foreach (var s in result.GeneratedSources.OrderBy(s => s.HintName, StringComparer.Ordinal)) all.Append(s.HintName).Append('\0').Append(s.SourceText.ToString()).Append('\0');
            if (Environment.GetEnvironmentVariable("PROBE_DUMP") is { } dump)
            {
                foreach (var s in result.GeneratedSources) { var f = System.IO.Path.Combine(dump, name, s.HintName); System.IO.Directory.CreateDirectory(System.IO.Path.GetDirectoryName(f)!); System.IO.File.WriteAllText(f, s.SourceText.ToString()); }
            }
            Console.WriteLine($"{name}: {result.GeneratedSources.Length} files, {all.Length} chars, sha {Convert.ToHexString(sha.ComputeHash(Encoding.UTF8.GetBytes(all.ToString())))[..16]}, diags {result.Diagnostics.Length}");
        }
    }
}
