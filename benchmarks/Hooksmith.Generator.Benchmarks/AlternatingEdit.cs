using System;
using System.IO;
using Microsoft.CodeAnalysis;

namespace Hooksmith.Generator.Benchmarks;

/// <summary>
/// One schema file in two versions, as published and edited. Each <see cref="Apply"/> hands the driver
/// the version it does not hold, so that every re-run after it sees a real edit, of the same size
/// either way.
/// </summary>
internal sealed class AlternatingEdit
{
    private SchemaText _current;

    private AlternatingEdit(string name, SchemaText published, SchemaText edited)
    {
        Name = name;
        Published = published;
        Edited = edited;
        _current = published;
    }

    public string Name { get; }

    public SchemaText Published { get; }

    public SchemaText Edited { get; }

    public string FileName => Path.GetFileName(Published.Path);

    /// <summary>
    /// The edit of <paramref name="published"/> that replaces <paramref name="find"/>, which must occur in it
    /// exactly once, with <paramref name="replacement"/>.
    /// </summary>
    public static AlternatingEdit Create(string name, SchemaText published, string find, string replacement)
    {
        var text = published.GetText().ToString();
        var at = text.IndexOf(find, StringComparison.Ordinal);
        if (at < 0 || text.IndexOf(find, at + 1, StringComparison.Ordinal) >= 0)
        {
            throw new InvalidDataException($"The {name} needs {find} exactly once in {published.Path}; has the corpus changed?");
        }

        var edited = string.Concat(text.AsSpan(0, at), replacement, text.AsSpan(at + find.Length));
        return new AlternatingEdit(name, published, published.WithText(edited));
    }

    /// <summary>
    /// Swaps the version of the file the driver holds for the other one. The driver must be one that holds
    /// the version this edit handed out last (at first, the published one).
    /// </summary>
    public GeneratorDriver Apply(GeneratorDriver driver)
    {
        var next = ReferenceEquals(_current, Published) ? Edited : Published;
        var updated = driver.ReplaceAdditionalText(_current, next);
        _current = next;
        return updated;
    }
}
