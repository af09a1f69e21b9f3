using System;
using System.Collections;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Threading;
using Hooksmith.Generator.Planning;
using Hooksmith.Generator.Schema;
using Microsoft.CodeAnalysis;

namespace Hooksmith.Generator.Tests.Caching;

/// <summary>
/// Pipeline models must compare by value and hold nothing of the compiler's, or the driver cannot
/// cache them (and would keep whole compilations alive).
/// </summary>
public sealed class PipelineModelTests
{
    private static SchemaFileInput Input()
    {
        var path = Path.Combine(TestPaths.RepositoryRoot, "schemas", "voucherify", "common.json");
        return new SchemaFileInput(path, File.ReadAllText(path), "Models", null, null);
    }

    private static DocumentPlan Plan(SchemaFileInput input)
        => TypePlanner.Plan(SchemaDocumentReader.Read(input, CancellationToken.None), CancellationToken.None);

    [Fact]
    public void Planning_the_same_input_twice_gives_equal_models_and_hash_codes()
    {
        var first = Plan(Input());
        var second = Plan(Input());

        Assert.NotSame(first, second);
        Assert.Equal(first, second);
        Assert.Equal(first.GetHashCode(), second.GetHashCode());
        Assert.NotEmpty(first.Types);
    }

    [Fact]
    public void A_changed_schema_gives_a_different_model()
    {
        var input = Input();
        var changed = input with { Text = input.Text.Replace("\"title\": \"Simple Customer\"", "\"title\": \"Plain Customer\"") };

        Assert.NotEqual(input.Text, changed.Text);
        Assert.NotEqual(Plan(input), Plan(changed));
    }

    [Fact]
    public void Pipeline_models_hold_no_compilation_symbol_or_syntax_node()
    {
        var plan = Plan(Input());
        var linked = PlanLinker.Link(plan, PlanLinker.Resolve(DocumentNeeds.Of(plan), new SchemaRegistry([plan.Exports])));

        var forbidden = new List<string>();
        Walk(plan, new HashSet<object>(ReferenceEqualityComparer.Instance), forbidden);
        Walk(linked, new HashSet<object>(ReferenceEqualityComparer.Instance), forbidden);

        Assert.Empty(forbidden);
    }

    private static void Walk(object? value, HashSet<object> seen, List<string> forbidden)
    {
        if (value is null || value is string || value.GetType().IsPrimitive || value.GetType().IsEnum || !seen.Add(value))
        {
            return;
        }

        if (value is Compilation or ISymbol or SyntaxNode or SyntaxTree or SemanticModel)
        {
            forbidden.Add(value.GetType().FullName!);
            return;
        }

        if (value is IEnumerable items)
        {
            foreach (var item in items)
            {
                Walk(item, seen, forbidden);
            }

            return;
        }

        foreach (var field in value.GetType().GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic))
        {
            Walk(field.GetValue(value), seen, forbidden);
        }
    }
}
