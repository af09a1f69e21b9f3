using System;
using System.Collections.Generic;
using System.Linq;
using Hooksmith.Generator.Model;

namespace Hooksmith.Generator.Planning.Validation;

/// <summary>The subschema targets inside checks: listed, or replaced (linking fills in references into other files).</summary>
internal static class CheckTargets
{
    public static IEnumerable<Target> Of(Check check) => check switch
    {
        DependentSchemaCheck c => [c.Schema],
        MembersCheck c => c.Properties.Select(p => p.Schema).Concat(c.Patterns.Select(p => p.Schema)).Concat(c.Additional is null ? [] : [c.Additional]),
        PropertyNamesCheck c => [c.Schema],
        ItemsCheck c => c.Rest is null ? c.Prefix : c.Prefix.Concat([c.Rest]),
        ContainsCheck c => [c.Schema],
        CombinatorCheck c => c.Schemas,
        NotCheck c => [c.Schema],
        ConditionalCheck c => new[] { c.If, c.Then, c.Else }.Where(t => t is not null).Select(t => t!),
        ReferenceCheck c => [c.Schema],
        DynamicReferenceCheck c => new[] { c.Initial }.Concat(c.Candidates.Select(d => d.Schema)),
        UnevaluatedPropertiesCheck c => [c.Schema],
        UnevaluatedItemsCheck c => [c.Schema],
        _ => [],
    };

    public static Check Map(Check check, Func<Target, Target> map) => check switch
    {
        DependentSchemaCheck c => c with { Schema = map(c.Schema) },
        MembersCheck c => c with
        {
            Properties = c.Properties.Select(p => p with { Schema = map(p.Schema) }).ToEquatableArray(),
            Patterns = c.Patterns.Select(p => p with { Schema = map(p.Schema) }).ToEquatableArray(),
            Additional = c.Additional is null ? null : map(c.Additional),
        },
        PropertyNamesCheck c => c with { Schema = map(c.Schema) },
        ItemsCheck c => c with { Prefix = c.Prefix.Select(map).ToEquatableArray(), Rest = c.Rest is null ? null : map(c.Rest) },
        ContainsCheck c => c with { Schema = map(c.Schema) },
        CombinatorCheck c => c with { Schemas = c.Schemas.Select(map).ToEquatableArray() },
        NotCheck c => c with { Schema = map(c.Schema) },
        ConditionalCheck c => c with { If = map(c.If), Then = c.Then is null ? null : map(c.Then), Else = c.Else is null ? null : map(c.Else) },
        ReferenceCheck c => c with { Schema = map(c.Schema) },
        DynamicReferenceCheck c => c with { Initial = map(c.Initial), Candidates = c.Candidates.Select(d => d with { Schema = map(d.Schema) }).ToEquatableArray() },
        UnevaluatedPropertiesCheck c => c with { Schema = map(c.Schema) },
        UnevaluatedItemsCheck c => c with { Schema = map(c.Schema) },
        _ => check,
    };
}
