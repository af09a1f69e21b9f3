using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using System.Text;
using Hooksmith.Generator.Tests.Infrastructure;

namespace Hooksmith.Generator.Tests.MultiFolder;

/// <summary>
/// Unions whose variants are files of their own (a folder per event, a file per action): variants are
/// named after their types, a one-value <c>enum</c> in another file discriminates like a <c>const</c>, and
/// where nothing discriminates the variant whose schema accepts the value is chosen, visibly when ambiguous.
/// </summary>
public sealed class CrossFileUnionTests
{
    [Fact]
    public void A_union_of_twenty_action_files_picks_the_right_variant_for_every_action()
    {
        var tree = VendorSchemaTree.TwentyActions();
        var run = GeneratorHarness.Run(tree.Files, Probe(tree));
        Assert.Empty(run.CompilationProblems);

        var source = run.Source("Acme.GitHub.PullRequest.g.cs");
        Assert.DoesNotContain("TryGetJson", source, StringComparison.Ordinal);
        foreach (var action in VendorSchemaTree.Actions)
        {
            var type = "PullRequest" + Naming(action) + "Event";
            Assert.Contains($"public bool TryGet{type}(", source, StringComparison.Ordinal);
            Assert.Contains($"UnionReader.HasDiscriminator(Value, \"action\", \"{action}\")", source, StringComparison.Ordinal);
        }

        var pick = PickMethod(run);
        for (var i = 0; i < VendorSchemaTree.Actions.Length; i++)
        {
            Assert.Equal($"{i}:Discriminated:{i}", pick.Invoke(null, ["pull_request", Payload(VendorSchemaTree.Actions[i])]));
        }
    }

    [Fact]
    public void Random_vendor_trees_pick_the_right_variant_for_every_action()
    {
        for (var seed = 0; seed < 10; seed++)
        {
            var tree = VendorSchemaTree.Random(seed);
            if (tree.ActionsByEvent.Count == 0)
            {
                continue;
            }

            var run = GeneratorHarness.Run(tree.Files, Probe(tree));
            Assert.True(run.CompilationProblems.Count == 0, $"seed {seed}:\n" + string.Join("\n", run.CompilationProblems));
            var pick = PickMethod(run);
            foreach (var (@event, actions) in tree.ActionsByEvent)
            {
                for (var i = 0; i < actions.Count; i++)
                {
                    var expected = actions.Count == 1 ? null : $"{i}:Discriminated:{i}";
                    var picked = (string)pick.Invoke(null, [@event, Payload(actions[i])])!;
                    if (expected is not null)
                    {
                        Assert.True(expected == picked, $"seed {seed}, {@event}/{actions[i]}: expected {expected}, picked {picked}");
                    }
                }
            }
        }
    }

    [Fact]
    public void Without_a_discriminator_the_variant_whose_schema_accepts_the_value_is_chosen_not_the_first_that_binds()
    {
        const string Draft07 = "\"$schema\": \"http://json-schema.org/draft-07/schema#\"";
        var files = new List<SchemaFile>
        {
            // Both variants bind any object cleanly (every member optional, extra members kept); only the schemas tell them apart.
            new("/u/shapes/circle.schema.json", "{" + Draft07 + ", \"$id\": \"circle.schema.json\", \"title\": \"Circle\", \"type\": \"object\", \"required\": [\"radius\"], \"properties\": {\"radius\": {\"type\": \"number\"}, \"kind\": {\"type\": \"string\", \"enum\": [\"round\", \"other\"]}}}", "Acme"),
            new("/u/shapes/square.schema.json", "{" + Draft07 + ", \"$id\": \"square.schema.json\", \"title\": \"Square\", \"type\": \"object\", \"required\": [\"side\"], \"properties\": {\"side\": {\"type\": \"number\"}, \"kind\": {\"type\": \"string\", \"enum\": [\"square\", \"other\"]}}}", "Acme"),
            new("/u/shapes/shape.schema.json", "{" + Draft07 + ", \"$id\": \"shape.schema.json\", \"title\": \"Shape\", \"oneOf\": [{\"$ref\": \"circle.schema.json\"}, {\"$ref\": \"square.schema.json\"}]}", "Acme"),
        };
        const string Code = """
            internal static class ShapeProbe
            {
                public static string Pick(string json)
                {
                    var shape = new Acme.Shape(System.Text.Json.JsonDocument.Parse(json).RootElement.Clone());
                    var matched = shape.Match(circle => "circle", square => "square", otherwise => "none");
                    return shape.Choice.Index + ":" + shape.Choice.Kind + ":" + shape.Choice.IsAmbiguous + ":" + matched;
                }
            }
            """;
        var run = GeneratorHarness.Run(files, Code);
        Assert.Empty(run.CompilationProblems);
        var source = run.Source("Acme.Shape.g.cs");
        Assert.Contains("public bool TryGetCircle(", source, StringComparison.Ordinal);
        Assert.Contains("public bool TryGetSquare(", source, StringComparison.Ordinal);

        var pick = run.Load().GetType("ShapeProbe")!.GetMethod("Pick")!;
        Assert.Equal("1:OnlyValid:False:square", pick.Invoke(null, ["""{"side": 2}"""]));
        Assert.Equal("0:OnlyValid:False:circle", pick.Invoke(null, ["""{"radius": 2}"""]));
        Assert.Equal("0:SeveralValid:True:circle", pick.Invoke(null, ["""{"radius": 2, "side": 2}"""]));
        Assert.Equal("0:NoneValid:True:circle", pick.Invoke(null, ["""{"kind": "other"}"""]));
        Assert.Equal("-1:None:False:none", pick.Invoke(null, ["[1]"]));
    }

    /// <summary>A payload of one action, valid against that action's schema only.</summary>
    private static string Payload(string action) => "{\"action\": \"" + action + "\", \"number\": 7, \"sender\": {\"login\": \"octocat\", \"id\": 1}}";

    private static string Naming(string action) => string.Concat(action.Split('_').Select(w => char.ToUpperInvariant(w[0]) + w.Substring(1)));

    private static MethodInfo PickMethod(GeneratorRun run) => run.Load().GetType("UnionProbe")!.GetMethod("Pick")!;

    /// <summary>C# that reports, for an event's payload union, the chosen variant, how it was chosen and which function Match called.</summary>
    private static string Probe(VendorSchemaTree tree)
    {
        var code = new StringBuilder();
        code.AppendLine("internal static class UnionProbe");
        code.AppendLine("{");
        code.AppendLine("    public static string Pick(string @event, string json)");
        code.AppendLine("    {");
        code.AppendLine("        var element = System.Text.Json.JsonDocument.Parse(json).RootElement.Clone();");
        code.AppendLine("        switch (@event)");
        code.AppendLine("        {");
        foreach (var (@event, actions) in tree.ActionsByEvent.Where(e => e.Value.Count > 1))
        {
            var functions = string.Join(", ", actions.Select((_, i) => $"v => \"{i}\""));
            code.AppendLine($"            case \"{@event}\":");
            code.AppendLine("            {");
            code.AppendLine($"                var union = new {VendorSchemaTree.Namespace}.{Naming(@event)}(element);");
            code.AppendLine($"                return union.Choice.Index + \":\" + union.Choice.Kind + \":\" + union.Match({functions}, otherwise => \"none\");");
            code.AppendLine("            }");
        }

        code.AppendLine("            default: return \"\";");
        code.AppendLine("        }");
        code.AppendLine("    }");
        code.AppendLine("}");
        return code.ToString();
    }
}
