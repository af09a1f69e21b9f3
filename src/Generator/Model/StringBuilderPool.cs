using System;
using System.Text;

namespace Hooksmith.Generator.Model;

/// <summary>
/// A few string builders per thread, reused by the stages that build text: a generator run builds names and
/// writes files by the ten thousand at vendor scale, and a builder grown once is cheaper than one grown again.
/// </summary>
/// <remarks>
/// A builder is rented for one piece of work and returned when its text has been taken; one that was never
/// returned is simply collected. Builders grown past <see cref="MaxCapacity"/> are not kept (of the 1,315
/// files <c>--size</c> writes for <c>OpenAPIWebhooks.json</c> and the Adyen files, three are larger: a catalog
/// and two named schemas' files), so a thread of a long-lived compiler server holds at most four such
/// builders, 2 MB, between runs.
/// </remarks>
internal static class StringBuilderPool
{
    /// <summary>Builders larger than this (in characters) are not kept.</summary>
    public const int MaxCapacity = 1 << 18;

    private const int Slots = 4;

    [ThreadStatic]
    private static StringBuilder?[]? s_spares;

    /// <summary>An empty builder: a spare one of this thread's, or a new one.</summary>
    public static StringBuilder Rent()
    {
        var spares = s_spares ??= new StringBuilder?[Slots];
        for (var i = 0; i < spares.Length; i++)
        {
            if (spares[i] is { } builder)
            {
                spares[i] = null;
                return builder.Clear();
            }
        }

        return new StringBuilder();
    }

    /// <summary>Gives a builder back for the thread's next text. The caller no longer uses it.</summary>
    public static void Return(StringBuilder builder)
    {
        if (builder.Capacity > MaxCapacity)
        {
            return;
        }

        var spares = s_spares ??= new StringBuilder?[Slots];
        for (var i = 0; i < spares.Length; i++)
        {
            if (spares[i] is null)
            {
                spares[i] = builder;
                return;
            }
        }
    }

    /// <summary>The builder's text; the builder goes back to the pool.</summary>
    public static string ToStringAndReturn(StringBuilder builder)
    {
        var text = builder.ToString();
        Return(builder);
        return text;
    }
}
