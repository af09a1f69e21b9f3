using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Text;
using Microsoft.CodeAnalysis;

namespace Hooksmith.Generator.Benchmarks;

/// <summary>
/// <c>--scale [folder]</c>: the generator over synthetic specs of 1, 2, 5 and 10 MB (<see cref="SyntheticSpec"/>),
/// each size in a process of its own (<c>--scale-one bytes runs</c>) so that its peak working set is its own:
/// the median of three (or <c>runs</c>) cold runs in process after a warm-up on the original file, the bytes one run
/// allocates, the process's peak working set, and what was generated. Writes a Markdown table and a PNG
/// plot to the folder (<c>benchmarks/results</c> by default) and prints the table.
/// </summary>
internal static class GeneratorScale
{
    private static readonly double[] SizesMb = [1, 2, 5, 10];

    /// <summary>Cold runs per size after the warm-up; the median is reported.</summary>
    public const int DefaultRuns = 3;

    public static int Run(TextWriter output, string folder, int runs = DefaultRuns)
    {
        var rows = new List<Row>();
        foreach (var mb in SizesMb)
        {
            output.WriteLine($"== {mb} MB");
            if (Child((long)(mb * 1024 * 1024), runs) is not { } row)
            {
                return 1;
            }

            rows.Add(row);
            output.WriteLine($"   {row.Format()}");
        }

        Directory.CreateDirectory(folder);
        var table = Table(rows, runs);
        File.WriteAllText(Path.Combine(folder, "generator-scale.md"), table);
        Plot(rows, Path.Combine(folder, "generator-scale.png"));
        output.WriteLine();
        output.Write(table);
        output.WriteLine($"written: {Path.Combine(folder, "generator-scale.md")}, {Path.Combine(folder, "generator-scale.png")}");
        return 0;
    }

    /// <summary>The child's work: one size, its numbers on one line of standard output.</summary>
    public static int RunOne(TextWriter output, long bytes, int runs)
    {
        var (spec, options, compilation) = Prepare(bytes);
        var schemas = new[] { spec };
        var times = new List<double>();
        long allocated = 0;
        var files = 0;
        long lines = 0;
        var errors = 0;
        for (var i = 0; i < runs; i++)
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
            GC.Collect();
            double milliseconds;
            (milliseconds, allocated, files, lines, errors) = Measure(schemas, options, compilation);
            times.Add(milliseconds);
        }

        times.Sort();
        using var process = Process.GetCurrentProcess();
        process.Refresh();
        output.WriteLine(string.Join(
            " ",
            Encoding.UTF8.GetByteCount(spec.GetText()!.ToString()).ToString(CultureInfo.InvariantCulture),
            times[times.Count / 2].ToString("F1", CultureInfo.InvariantCulture),
            allocated.ToString(CultureInfo.InvariantCulture),
            process.PeakWorkingSet64.ToString(CultureInfo.InvariantCulture),
            files.ToString(CultureInfo.InvariantCulture),
            lines.ToString(CultureInfo.InvariantCulture),
            errors.ToString(CultureInfo.InvariantCulture)));
        return errors == 0 ? 0 : 1;
    }

    /// <summary>
    /// A synthetic spec of about <paramref name="bytes"/>, its options and an empty compilation, after a warm-up run
    /// over the original file that JIT-compiles the generator, as an earlier build would have.
    /// </summary>
    public static (SchemaText Spec, SchemaOptionsProvider Options, Compilation Compilation) Prepare(long bytes)
    {
        var corpus = VoucherifyCorpus.Load();
        var compilation = GeneratorRuns.EmptyCompilation();
        var original = corpus.OpenApiWebhooks;
        var spec = new SchemaText(original.Path, SyntheticSpec.OfSize(original.GetText()!.ToString(), bytes), original.Namespace);
        GeneratorRuns.CreateDriver([original], corpus.Options).RunGenerators(compilation);
        return (spec, new SchemaOptionsProvider([spec]), compilation);
    }

    /// <summary>
    /// One cold run: its time, the bytes it allocated and what it generated. Its driver is not reachable once this
    /// returns (a method of its own, so no local of the caller's keeps it), so the next run's peak working set is
    /// that run's alone.
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static (double Milliseconds, long Allocated, int Files, long Lines, int Errors) Measure(
        SchemaText[] schemas, SchemaOptionsProvider options, Compilation compilation)
    {
        var before = GC.GetTotalAllocatedBytes(precise: true);
        var stopwatch = Stopwatch.StartNew();
        var driver = GeneratorRuns.CreateDriver(schemas, options).RunGenerators(compilation);
        stopwatch.Stop();
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - before;
        var result = driver.GetRunResult().Results.Single();
        var errors = result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        foreach (var group in errors.GroupBy(d => d.Id))
        {
            Console.Error.WriteLine($"{group.Key} x{group.Count()}, first: {group.First().GetMessage(CultureInfo.InvariantCulture)}");
        }

        return (stopwatch.Elapsed.TotalMilliseconds, allocated, result.GeneratedSources.Length,
            result.GeneratedSources.Sum(s => (long)s.SourceText.Lines.Count), errors.Count);
    }

    private static Row? Child(long bytes, int runs)
    {
        var self = typeof(GeneratorScale).Assembly.Location;
        var host = Environment.ProcessPath!;
        var start = new ProcessStartInfo(host) { RedirectStandardOutput = true, UseShellExecute = false };
        if (Path.GetFileNameWithoutExtension(host) == "dotnet")
        {
            start.ArgumentList.Add(self);
        }

        start.ArgumentList.Add("--scale-one");
        start.ArgumentList.Add(bytes.ToString(CultureInfo.InvariantCulture));
        start.ArgumentList.Add(runs.ToString(CultureInfo.InvariantCulture));
        using var child = Process.Start(start)!;
        var text = child.StandardOutput.ReadToEnd().Trim();
        child.WaitForExit();
        var values = text.Split(' ');
        if (child.ExitCode != 0 || values.Length != 7)
        {
            Console.Error.WriteLine($"the run for {bytes:N0} bytes failed (exit {child.ExitCode}): {text}");
            return null;
        }

        var numbers = values.Select(v => double.Parse(v, CultureInfo.InvariantCulture)).ToArray();
        return new Row(numbers[0], numbers[1], numbers[2], numbers[3], (int)numbers[4], (long)numbers[5]);
    }

    private static string Table(IReadOnlyList<Row> rows, int runs)
    {
        var text = new StringBuilder();
        text.AppendLine("# The generator over synthetic specs (`--scale`)");
        text.AppendLine();
        text.AppendLine("Voucherify's `OpenAPIWebhooks.json` with its `components/schemas` replicated under new names up to each size");
        text.AppendLine($"(benchmarks/README.md, \"At scale\"); one process per size; time is the median of {runs} cold run(s) in process");
        text.AppendLine($"after a warm-up on the original file. {Environment.ProcessorCount} cores, .NET {Environment.Version}{LoadAverage()}.");
        text.AppendLine();
        text.AppendLine("| spec | generator, in process | ms per MB | allocated by one run | peak working set | files | lines |");
        text.AppendLine("| ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        foreach (var row in rows)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"| {row.Mb:F2} MB | {row.Milliseconds / 1000:F2} s | {row.Milliseconds / row.Mb:N0} | {row.Allocated / 1048576:N0} MB | {row.PeakWorkingSet / 1048576:N0} MB | {row.Files:N0} | {row.Lines:N0} |");
        }

        // A least-squares line through the points, and how much of the variation it explains.
        var (slope, intercept, r2) = Fit(rows.Select(r => r.Mb).ToArray(), rows.Select(r => r.Milliseconds).ToArray());
        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture, $"Time ≈ {slope:N0} ms per MB {(intercept < 0 ? "−" : "+")} {Math.Abs(intercept):N0} ms (least squares, R² = {r2:F3}).");
        return text.ToString();
    }

    /// <summary>The machine's load when the table was written, where the system says it (Linux): wall-clock depends on it.</summary>
    private static string LoadAverage()
        => File.Exists("/proc/loadavg") ? "; load average (1 min) when written: " + File.ReadAllText("/proc/loadavg").Split(' ')[0] : string.Empty;

    private static (double Slope, double Intercept, double R2) Fit(double[] x, double[] y)
    {
        var mx = x.Average();
        var my = y.Average();
        var sxy = x.Zip(y, (a, b) => (a - mx) * (b - my)).Sum();
        var sxx = x.Sum(a => (a - mx) * (a - mx));
        var slope = sxy / sxx;
        var intercept = my - slope * mx;
        var ssTotal = y.Sum(b => (b - my) * (b - my));
        var ssResidual = x.Zip(y, (a, b) => Math.Pow(b - (slope * a + intercept), 2)).Sum();
        return (slope, intercept, ssTotal == 0 ? 1 : 1 - ssResidual / ssTotal);
    }

    private static void Plot(IReadOnlyList<Row> rows, string path)
    {
        var plot = new ScottPlot.Plot();
        var mb = rows.Select(r => r.Mb).ToArray();
        var time = plot.Add.Scatter(mb, rows.Select(r => r.Milliseconds / 1000).ToArray());
        time.LegendText = "generator time, in process (s)";
        var memory = plot.Add.Scatter(mb, rows.Select(r => r.PeakWorkingSet / 1073741824).ToArray());
        memory.LegendText = "peak working set (GB)";
        memory.Axes.YAxis = plot.Axes.Right;
        plot.Title("Hooksmith generator over synthetic specs");
        plot.XLabel("spec size (MB)");
        plot.YLabel("seconds");
        plot.Axes.Right.Label.Text = "GB";
        plot.ShowLegend(ScottPlot.Alignment.UpperLeft);
        plot.SavePng(path, 800, 500);
    }

    private sealed record Row(double Bytes, double Milliseconds, double Allocated, double PeakWorkingSet, int Files, long Lines)
    {
        public double Mb => Bytes / 1048576;

        public string Format() => string.Create(CultureInfo.InvariantCulture, $"{Mb:F2} MB: {Milliseconds:N0} ms, allocated {Allocated / 1048576:N0} MB, peak working set {PeakWorkingSet / 1048576:N0} MB, {Files:N0} files, {Lines:N0} lines");
    }
}
