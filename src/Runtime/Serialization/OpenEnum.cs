using System;
using System.Collections.Frozen;
using System.Collections.Generic;

namespace Hooksmith.Serialization;

/// <summary>What every generated open enum computes the same way: which of its listed values a value is.</summary>
public static class OpenEnum
{
    /// <summary>
    /// The position of <paramref name="value"/> among <typeparamref name="TSelf"/>'s listed values, counted from 1,
    /// or 0 when it is not listed: the number of the generated <c>Known</c> member (<c>Unknown</c> is 0). Values are
    /// compared ordinally, as a C# <c>switch</c> on the string compares them.
    /// </summary>
    /// <typeparam name="TSelf">The generated open enum.</typeparam>
    public static int KindOf<TSelf>(string value)
        where TSelf : struct, IOpenEnum<TSelf>
        => Positions<TSelf>.ByValue.TryGetValue(value, out var position) ? position : 0;

    /// <summary>Each listed value's position, built once per enum type on first use.</summary>
    private static class Positions<TSelf>
        where TSelf : struct, IOpenEnum<TSelf>
    {
        public static readonly FrozenDictionary<string, int> ByValue = Build();

        private static FrozenDictionary<string, int> Build()
        {
            var known = TSelf.KnownValues;
            var positions = new Dictionary<string, int>(known.Count, StringComparer.Ordinal);
            for (var i = 0; i < known.Count; i++)
            {
                // The generator lists each value once; were one listed twice, its first position would count.
                positions.TryAdd(known[i].Value, i + 1);
            }

            return positions.ToFrozenDictionary(StringComparer.Ordinal);
        }
    }
}
