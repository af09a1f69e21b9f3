using System;
using System.Collections.Generic;
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
    private const int ShrinkRounds = 12;

    /// <summary>Candidates tried per disagreement per round.</summary>
    private const int CandidatesPerRound = 80;

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
                var value = (j % 4) switch
                {
                    0 => instanceSource.Any(2),
                    1 => instanceSource.Mutate(instanceSource.Guided(document, document, 3)),
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
        var reference = ReferenceValidator.JudgeAsync(cases);
        var hooksmith = await Task.Run(() => GeneratedValidatorJudge.Judge(cases, batch)).ConfigureAwait(false);
        return new Judged(cases, await reference.ConfigureAwait(false), hooksmith);
    }

    /// <summary>Shrinks each disagreement to the smallest schema and instance that still disagree the same way.</summary>
    public static async Task<IReadOnlyList<Disagreement>> ShrinkAsync(IReadOnlyList<Disagreement> disagreements, string batch)
    {
        var current = disagreements.ToArray();
        var active = Enumerable.Range(0, current.Length).ToHashSet();
        for (var round = 0; round < ShrinkRounds && active.Count > 0; round++)
        {
            // One case per schema candidate (with the current instance) and one per disagreement with its instance candidates.
            var cases = new List<DifferentialCase>();
            var owners = new List<(int Disagreement, bool SchemaCandidate)>();
            foreach (var index in active)
            {
                var d = current[index];
                foreach (var schema in CaseShrinker.Schemas(d.Schema, d.Found.Draft.DefinitionsKeyword).Distinct().Take(CandidatesPerRound))
                {
                    cases.Add(new DifferentialCase(d.Found.Name + " shrunk", d.Found.Draft, schema, [d.InstanceText]));
                    owners.Add((index, true));
                }

                var instances = CaseShrinker.Instances(d.InstanceText).Distinct().Take(CandidatesPerRound).ToList();
                if (instances.Count > 0)
                {
                    cases.Add(new DifferentialCase(d.Found.Name + " shrunk", d.Found.Draft, d.Schema, instances));
                    owners.Add((index, false));
                }
            }

            var judged = await JudgeAsync(cases, batch + "R" + round.ToString(CultureInfo.InvariantCulture)).ConfigureAwait(false);
            var progressed = new HashSet<int>();
            var best = new Dictionary<int, (string Schema, string Instance)>();
            for (var c = 0; c < cases.Count; c++)
            {
                var (owner, _) = owners[c];
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
                progressed.Add(owner);
            }

            active.IntersectWith(progressed);
        }

        return current;
    }

    /// <summary>What both sides said of a batch.</summary>
    internal sealed record Judged(IReadOnlyList<DifferentialCase> Cases, IReadOnlyList<Verdict[][]> Reference, IReadOnlyList<Verdict[][]> Hooksmith)
    {
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
