using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace Hooksmith.Generator.Benchmarks;

/// <summary>
/// Why each of the generator's tracked steps produced what it did in one run, per schema file: the work
/// a run did again (Modified, New, Unchanged: the step ran) and the work it took from the cache (Cached).
/// Needs a driver created with step tracking.
/// </summary>
internal sealed class StepReasons
{
    /// <summary>A step that works on all files at once (after a <c>Collect</c>).</summary>
    public const string AllFiles = "(all files)";

    /// <summary>
    /// The tracked steps in pipeline order: Roslyn's inputs, then the generator's steps as named in
    /// src/Generator/TrackingNames.cs (internal to the generator). Any other step (such as Roslyn's
    /// SourceOutput, the emitting callbacks) is shown after these.
    /// </summary>
    private static readonly string[] PipelineOrder =
    [
        "AdditionalTexts", "AnalyzerConfigOptions",
        "SchemaFiles", "Read", "Plan", "Registry", "Link", "Types", "Validators", "Catalog", "Events", "Diagnostics",
    ];

    private readonly Dictionary<(string Step, string File), List<IncrementalStepRunReason>> _reasons;

    private StepReasons(Dictionary<(string Step, string File), List<IncrementalStepRunReason>> reasons)
    {
        _reasons = reasons;
        var steps = reasons.Keys.Select(key => key.Step).Distinct().ToList();
        Steps = PipelineOrder.Where(steps.Contains).Concat(steps.Except(PipelineOrder).Order()).ToList();
        Files = reasons.Keys.Select(key => key.File).Where(file => file != AllFiles).Distinct().Order().Append(AllFiles).ToList();
    }

    public IReadOnlyList<string> Steps { get; }

    /// <summary>The schema files' paths, then <see cref="AllFiles"/>.</summary>
    public IReadOnlyList<string> Files { get; }

    public static StepReasons Of(GeneratorRunResult result)
    {
        var reasons = new Dictionary<(string Step, string File), List<IncrementalStepRunReason>>();
        foreach (var (step, runs) in result.TrackedSteps)
        {
            foreach (var run in runs)
            {
                var file = FileOf(run);
                foreach (var output in run.Outputs)
                {
                    // Roslyn's AdditionalTexts input step holds every file in one run.
                    var key = (step, output.Value is AdditionalText text ? text.Path : file);
                    if (!reasons.TryGetValue(key, out var list))
                    {
                        reasons[key] = list = [];
                    }

                    list.Add(output.Reason);
                }
            }
        }

        return new StepReasons(reasons);
    }

    /// <summary>The reasons of the step's outputs for the file (one for most steps, one per type for Types).</summary>
    public IReadOnlyList<IncrementalStepRunReason> Of(string step, string file)
        => _reasons.TryGetValue((step, file), out var list) ? list : [];

    /// <summary>A table: a row per file, a column per step; see the legend it prints.</summary>
    public void Write(TextWriter writer, string indent)
    {
        var fileWidth = Files.Max(file => Name(file).Length);
        var cells = Files.ToDictionary(file => file, file => Steps.Select(step => Cell(Of(step, file))).ToList());
        var widths = Steps.Select((step, i) => Math.Max(step.Length, Files.Max(file => cells[file][i].Length))).ToList();

        writer.WriteLine(indent + "file".PadRight(fileWidth) + string.Concat(Steps.Select((step, i) => "  " + step.PadRight(widths[i]))));
        foreach (var file in Files)
        {
            writer.WriteLine(indent + Name(file).PadRight(fileWidth) + string.Concat(cells[file].Select((cell, i) => "  " + cell.PadRight(widths[i]))));
        }

        writer.WriteLine(indent + "C cached (did not run), U unchanged (ran, same output), M modified, N new, R removed; 3M+309C: 3 outputs modified, 309 cached; - no output");
    }

    public static string Name(string file) => file == AllFiles ? file : Path.GetFileName(file);

    /// <summary>
    /// The schema file a step's run worked on: its first input is followed back to the additional file it
    /// came from (through Select, Where, SelectMany and the left side of Combine). A run over the output of
    /// <c>Collect</c> (an <see cref="ImmutableArray{T}"/> of every file's values) works on all files.
    /// </summary>
    private static string FileOf(IncrementalGeneratorRunStep run)
    {
        for (var step = run; ; )
        {
            if (step.Outputs.Any(output => IsCollected(output.Value)) || step.Inputs.IsEmpty)
            {
                return AllFiles;
            }

            var (source, index) = step.Inputs[0];
            if (index < source.Outputs.Length && source.Outputs[index].Value is AdditionalText text)
            {
                return text.Path;
            }

            step = source;
        }
    }

    private static bool IsCollected(object? value)
        => value?.GetType() is { IsGenericType: true } type && type.GetGenericTypeDefinition() == typeof(ImmutableArray<>);

    private static string Cell(IReadOnlyList<IncrementalStepRunReason> reasons)
    {
        return reasons.Count switch
        {
            0 => "-",
            1 => Letter(reasons[0]),
            _ => string.Join("+", reasons.GroupBy(reason => reason).OrderBy(group => Rank(group.Key)).Select(group => $"{group.Count()}{Letter(group.Key)}")),
        };
    }

    private static int Rank(IncrementalStepRunReason reason) => reason switch
    {
        IncrementalStepRunReason.Modified => 0,
        IncrementalStepRunReason.New => 1,
        IncrementalStepRunReason.Unchanged => 2,
        IncrementalStepRunReason.Cached => 3,
        _ => 4,
    };

    private static string Letter(IncrementalStepRunReason reason) => reason switch
    {
        IncrementalStepRunReason.Cached => "C",
        IncrementalStepRunReason.Unchanged => "U",
        IncrementalStepRunReason.Modified => "M",
        IncrementalStepRunReason.New => "N",
        IncrementalStepRunReason.Removed => "R",
        _ => reason.ToString(),
    };
}
