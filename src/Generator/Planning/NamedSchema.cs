using System.Linq;
using Hooksmith.Generator.Json;

namespace Hooksmith.Generator.Planning;

/// <summary>
/// The schemas a file names (a <c>components/schemas</c>, <c>$defs</c> or <c>definitions</c> entry): the unit by
/// which generated code is split into files, so that an edit inside one named schema changes only its file.
/// </summary>
internal static class NamedSchema
{
    private static readonly string[][] Parents = [["components", "schemas"], ["$defs"], ["definitions"]];

    /// <summary>The pointer and name of the top-level named schema a location is in, or "" for both (the rest of the file).</summary>
    public static (string Pointer, string Name) Of(string pointer)
    {
        if (!JsonPointer.TryParse(pointer, out var tokens))
        {
            return (string.Empty, string.Empty);
        }

        foreach (var parent in Parents)
        {
            if (tokens.Length > parent.Length && parent.Select((token, i) => tokens[i] == token).All(same => same))
            {
                return ("/" + string.Join("/", tokens.Take(parent.Length + 1).Select(JsonPointer.Escape)), tokens[parent.Length]);
            }
        }

        return (string.Empty, string.Empty);
    }
}
