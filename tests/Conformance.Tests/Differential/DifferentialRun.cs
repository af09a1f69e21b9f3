using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using System.Threading.Tasks;

namespace Hooksmith.Conformance.Tests.Differential;

/// <summary>
/// Judges batches of cases on both sides and compares: python runs in its own process while the
/// generator, the compiler and the generated validators run here, so the two sides share the two cores.
/// </summary>
internal static class DifferentialRun
{
    /// <summary>Rounds of shrinking per disagreement; each round is one generator run and one python process for all of them.</summary>
    private const int ShrinkRounds = 16;

    /// <summary>Candidate schemas compiled per round, shared among the disagreements still shrinking: a round costs one compilation of this many small schemas.</summary>
    private const int CandidatesPerRound = 40;

    /// <summary>Generated cases: <paramref name="schemas"/> schemas of a draft, <paramref name="instancesPerSchema"/> instances each, from <paramref name="seed"/>.</summary>
    public static IReadOnlyList<DifferentialCase> Generate(DifferentialDraft draft, int seed, int schemas, int instancesPerSchema)
    {
        var random = new Random(seed);
        var schemaSource = new RandomSchemas(random, draft);
        var instanceSource = new RandomInstances(random, draft);
        var cases = new List<DifferentialCase>(schemas);
        for (var i = 0; i < schemas; i++)
        {
            var document = schemaSource.Document();
            var instances = new List<string>(instancesPerSchema);
            for (var j = 0; j < instancesPerSchema; j++)
            {
                var value = (j % 5) switch
                {
                    0 => instanceSource.Any(2),
                    1 => instanceSource.Mutate(instanceSource.Guided(document, document, 3)),
                    2 => instanceSource.Mutate(instanceSource.Mutate(instanceSource.Guided(document, document, 3))),
                    _ => instanceSource.Guided(document, document, 3),
                };
                instances.Add(value?.ToJsonString() ?? "null");
            }

            cases.Add(new DifferentialCase(
                $"{draft.Name} seed {seed.ToString(CultureInfo.InvariantCulture)} #{i.ToString(CultureInfo.InvariantCulture)}",
                draft,
                document.ToJsonString(),
                instances));
        }

        return cases;
    }

    /// <summary>Both sides' verdicts on every instance of every case.</summary>
    public static async Task<Judged> JudgeAsync(IReadOnlyList<DifferentialCase> cases, string batch)
    {
        var clock = Stopwatch.StartNew();
        var reference = Task.Run(async () =>
        {
            var verdicts = await ReferenceValidator.JudgeAsync(cases).ConfigureAwait(false);
            return (verdicts, clock.Elapsed);
        });
        var (hooksmith, hooksmithStages) = await Task.Run(() => GeneratedValidatorJudge.Judge(cases, batch)).ConfigureAwait(false);
        var hooksmithTime = clock.Elapsed;
        var (referenceVerdicts, referenceTime) = await reference.ConfigureAwait(false);
        return new Judged(cases, referenceVerdicts, hooksmith) { ReferenceTime = referenceTime, HooksmithTime = hooksmithTime, HooksmithStages = hooksmithStages };
    }

    /// <summary>Shrinks each disagreement to the smallest schema and instance that still disagree the same way.</summary>
    public static async Task<IReadOnlyList<Disagreement>> ShrinkAsync(IReadOnlyList<Disagreement> disagreements, string batch)
    {
        var current = disagreements.ToArray();
        var active = Enumerable.Range(0, current.Length).ToHashSet();
        var offsets = new int[current.Length];
        for (var round = 0; round < ShrinkRounds && active.Count > 0; round++)
        {
            // One case per schema candidate (with the current instance) and one per disagreement with its
            // instance candidates; a disagreement whose slice of candidates gave nothing tries the next slice.
            var cases = new List<DifferentialCase>();
            var owners = new List<int>();
            var share = Math.Max(4, CandidatesPerRound / active.Count);
            foreach (var index in active.ToList())
            {
                var d = current[index];
                var schemas = CaseShrinker.Schemas(d.Schema, d.Found.Draft.DefinitionsKeyword).Distinct().Skip(offsets[index]).Take(share).ToList();
                var instances = offsets[index] > 0 ? [] : CaseShrinker.Instances(d.InstanceText).Distinct().Take(100).ToList();
                if (schemas.Count == 0 && instances.Count == 0)
                {
                    active.Remove(index);
                    continue;
                }

                foreach (var schema in schemas)
                {
                    cases.Add(new DifferentialCase(d.Found.Name + " shrunk", d.Found.Draft, schema, [d.InstanceText]));
                    owners.Add(index);
                }

                if (instances.Count > 0)
                {
                    cases.Add(new DifferentialCase(d.Found.Name + " shrunk", d.Found.Draft, d.Schema, instances));
                    owners.Add(index);
                }

                offsets[index] += share;
            }

            if (cases.Count == 0)
            {
                break;
            }

            var judged = await JudgeAsync(cases, batch + "R" + round.ToString(CultureInfo.InvariantCulture)).ConfigureAwait(false);
            var best = new Dictionary<int, (string Schema, string Instance)>();
            for (var c = 0; c < cases.Count; c++)
            {
                var owner = owners[c];
                var d = current[owner];
                var mode = (int)d.Mode;
                for (var i = 0; i < cases[c].Instances.Count; i++)
                {
                    if (!d.SameAs(judged.Reference[c][i][mode], judged.Hooksmith[c][i][mode]))
                    {
                        continue;
                    }

                    var candidate = (cases[c].Schema, cases[c].Instances[i]);
                    var size = candidate.Schema.Length + candidate.Item2.Length;
                    if (size < d.Schema.Length + d.InstanceText.Length
                        && (!best.TryGetValue(owner, out var sofar) || size < sofar.Schema.Length + sofar.Instance.Length))
                    {
                        best[owner] = candidate;
                    }
                }
            }

            foreach (var (owner, (schema, instance)) in best)
            {
                current[owner] = current[owner] with { Schema = schema, InstanceText = instance };
                offsets[owner] = 0;
            }
        }

        return current;
    }

    /// <summary>What both sides said of a batch.</summary>
    internal sealed record Judged(IReadOnlyList<DifferentialCase> Cases, IReadOnlyList<Verdict[][]> Reference, IReadOnlyList<Verdict[][]> Hooksmith)
    {
        /// <summary>How long python took (it runs beside the Hooksmith side).</summary>
        public TimeSpan ReferenceTime { get; init; }

        /// <summary>How long generating, compiling and validating took.</summary>
        public TimeSpan HooksmithTime { get; init; }

        /// <summary>Generating and compiling, each timed, and the size of the generated code.</summary>
        public string HooksmithStages { get; init; } = string.Empty;

        /// <summary>How many of python's verdicts were "valid": a check that the instances are not nearly all on one side.</summary>
        public int ReferenceValid => Reference.Sum(c => c.Sum(i => i.Count(v => v.Valid == true)));

        /// <summary>How many (instance, mode) verdicts python gave.</summary>
        public int Compared => Reference.Sum(c => c.Sum(i => i.Count(v => v.Valid is not null)));

        /// <summary>Cases python could not judge (it said why), which are then not compared.</summary>
        public IEnumerable<(DifferentialCase Case, string Why)> Unjudged
            => Cases.Select((c, i) => (c, Reference[i])).Where(x => x.Item2.Length > 0 && x.Item2[0][0].Valid is null).Select(x => (x.c, x.Item2[0][0].Detail ?? string.Empty));

        /// <summary>Every instance and mode where the sides differ, or where the generated validator contradicted itself.</summary>
        public IEnumerable<Disagreement> Disagreements()
        {
            for (var c = 0; c < Cases.Count; c++)
            {
                for (var i = 0; i < Cases[c].Instances.Count; i++)
                {
                    foreach (var mode in new[] { FormatMode.Annotate, FormatMode.Assert })
                    {
                        var reference = Reference[c][i][(int)mode];
                        var hooksmith = Hooksmith[c][i][(int)mode];
                        if (hooksmith.Inconsistent || (reference.Valid is not null && reference.Valid != hooksmith.Valid))
                        {
                            yield return new Disagreement(Cases[c], i, mode, reference, hooksmith);
                        }
                    }
                }
            }
        }
    }
}
