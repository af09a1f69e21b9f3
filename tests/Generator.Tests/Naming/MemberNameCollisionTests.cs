using System;
using System.Collections.Generic;
using System.Linq;
using Hooksmith.Generator.Tests.Infrastructure;

namespace Hooksmith.Generator.Tests.Naming;

/// <summary>
/// JSON names that PascalCasing would give one C# name: spelled with other capitals (<c>iDealConsumerIBAN</c>,
/// <c>iDealConsumerIban</c>) each keeps its own, in any order and with no warning; spelled alike but for separators
/// (<c>a_b</c>, <c>aB</c>) they still collide, are reported (HSM0005) and the later one is numbered. And a record
/// reserves only the names a record declares (<c>value</c> is <c>Value</c>).
/// </summary>
public sealed class MemberNameCollisionTests
{
    private const string Lower = "abcdefghijklmnopqrstuvwxyz";
    private const string Upper = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";

    private static string Word(Random random, string letters, int min, int max)
        => new(Enumerable.Range(0, random.Next(min, max + 1)).Select(_ => letters[random.Next(letters.Length)]).ToArray());

    private static string Capitalized(string word) => char.ToUpperInvariant(word[0]) + word[1..];

    private static GeneratorRun Generate(IEnumerable<string> jsonNames)
    {
        var properties = string.Join(", ", jsonNames.Select(n => $"\"{n}\": {{ \"type\": \"string\" }}"));
        return GeneratorHarness.Run([new SchemaFile("/s/pair.json", $$"""{ "title": "Pair", "type": "object", "properties": { {{properties}} } }""")]);
    }

    private static string Property(string name) => $"public string? {name} {{ get; init; }}";

    [Fact]
    public void Names_differing_only_in_the_case_of_a_word_keep_their_own_capitals_in_any_order()
    {
        // Seeds 1…20, each a schema of 1 to 5 pairs such as dealConsumerIBAN / dealConsumerIban, in a shuffled order.
        for (var seed = 1; seed <= 20; seed++)
        {
            var random = new Random(seed);
            var expected = new Dictionary<string, string>(StringComparer.Ordinal);
            var lead = new HashSet<string>(StringComparer.Ordinal);
            for (var pair = random.Next(1, 6); pair > 0; pair--)
            {
                var first = Word(random, Lower, 2, 6);
                if (!lead.Add(first))
                {
                    continue;
                }

                var middle = Capitalized(Word(random, Lower, 2, 6));
                var acronym = Word(random, Upper, 2, 4);
                var asWord = acronym[0] + acronym[1..].ToLowerInvariant();
                expected[first + middle + acronym] = Capitalized(first) + middle + acronym;
                expected[first + middle + asWord] = Capitalized(first) + middle + asWord;
            }

            var order = expected.Keys.OrderBy(_ => random.Next()).ToList();
            var run = Generate(order);

            var context = $"seed {seed}: {string.Join(", ", order)}";
            Assert.True(run.Diagnostics.IsEmpty, $"{context}: {string.Join("; ", run.Diagnostics)}");
            Assert.True(run.CompilationProblems.Count == 0, $"{context}: {string.Join("; ", run.CompilationProblems)}");
            var source = run.Source("Tests.Generated.Pair.g.cs");
            foreach (var (json, name) in expected)
            {
                Assert.True(source.Contains(Property(name), StringComparison.Ordinal), $"{context}: {json} is not {name}");
            }
        }
    }

    [Fact]
    public void Names_alike_but_for_separators_are_still_reported_and_numbered()
    {
        // first_second / firstSecond and first_ACR / firstACR: their own capitals give one name too.
        for (var seed = 1; seed <= 20; seed++)
        {
            var random = new Random(seed);
            var first = Word(random, Lower, 1, 6);
            var second = random.Next(2) == 0 ? Word(random, Lower, 1, 6) : Word(random, Upper, 2, 4);
            var joined = first + "_" + second;
            var humped = first + (char.IsUpper(second[0]) ? second : Capitalized(second));
            var names = random.Next(2) == 0 ? new[] { joined, humped } : [humped, joined];
            var run = Generate(names);

            var context = $"seed {seed}: {names[0]}, {names[1]}";
            var collision = Assert.Single(run.Diagnostics);
            Assert.True(collision.Id == "HSM0005", $"{context}: {collision}");
            Assert.Contains($"'{names[0]}' and '{names[1]}' both map", collision.GetMessage(), StringComparison.Ordinal);
            Assert.True(run.CompilationProblems.Count == 0, $"{context}: {string.Join("; ", run.CompilationProblems)}");
            var pascal = Capitalized(first) + (char.IsUpper(second[0]) ? second[0] + second[1..].ToLowerInvariant() : Capitalized(second));
            var source = run.Source("Tests.Generated.Pair.g.cs");
            Assert.True(source.Contains(Property(pascal), StringComparison.Ordinal) && source.Contains(Property(pascal + "2"), StringComparison.Ordinal), $"{context}: no {pascal} and {pascal}2");
        }
    }

    [Fact]
    public void A_record_reserves_only_the_names_a_record_declares()
    {
        var run = Generate(["value", "kind", "known", "match", "switch", "unknown", "validate", "spellings", "presence", "parse"]);

        Assert.Empty(run.Diagnostics);
        Assert.Empty(run.CompilationProblems);
        var source = run.Source("Tests.Generated.Pair.g.cs");
        foreach (var free in new[] { "Value", "Kind", "Known", "Match", "Switch", "Unknown" })
        {
            Assert.Contains(Property(free), source, StringComparison.Ordinal);
        }

        foreach (var declared in new[] { "ValidateValue", "SpellingsValue", "PresenceValue", "ParseValue" })
        {
            Assert.Contains(Property(declared), source, StringComparison.Ordinal);
        }
    }
}
