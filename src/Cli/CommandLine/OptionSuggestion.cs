using System;
using System.Collections.Generic;
using System.CommandLine;
using System.CommandLine.Parsing;

namespace Hooksmith.Cli.CommandLine;

/// <summary>
/// Finds what System.CommandLine lets through: a word that looks like an option but is no option of the
/// command, which a command taking any number of files would otherwise take for a file name
/// (<c>validate --shcema s.json p.json</c>). Each is named, with the closest option when one is near.
/// </summary>
internal static class OptionSuggestion
{
    /// <summary>The messages for each word before <c>--</c> that starts with <c>-</c> but was read as a file.</summary>
    /// <param name="parsed">The parsed command line.</param>
    /// <param name="args">The arguments as given: a flag given a value (<c>--format-assertion=yes</c>) is split by the parser, and its value would be read as a file.</param>
    public static List<string> UnknownOptions(ParseResult parsed, IReadOnlyList<string> args)
    {
        var messages = new List<string>();
        var command = parsed.CommandResult.Command;
        foreach (var arg in args)
        {
            if (arg == "--")
            {
                break;
            }

            var equals = arg.IndexOf('=', StringComparison.Ordinal);
            if (arg.StartsWith("--", StringComparison.Ordinal) && equals > 0)
            {
                var name = arg.Substring(0, equals);
                foreach (var option in command.Options)
                {
                    if (option.Name == name && option.ValueType == typeof(bool))
                    {
                        messages.Add($"{name} takes no value");
                    }
                }
            }
        }

        // A value of an option is the option's, whatever it looks like (--schema --odd.json).
        var values = new HashSet<Token>(ReferenceEqualityComparer.Instance);
        foreach (var child in parsed.CommandResult.Children)
        {
            if (child is OptionResult option)
            {
                values.UnionWith(option.Tokens);
            }
        }

        foreach (var token in parsed.Tokens)
        {
            if (token.Type == TokenType.DoubleDash)
            {
                break;
            }

            if (token.Type == TokenType.Argument && token.Value.Length > 1 && token.Value[0] == '-' && !values.Contains(token))
            {
                var closest = Closest(token.Value, parsed.CommandResult.Command);
                messages.Add($"unknown option '{token.Value}'" + (closest is null ? string.Empty : $"; did you mean '{closest}'?"));
            }
        }

        return messages;
    }

    private static string? Closest(string word, Command command)
    {
        var name = word.Split('=', 2)[0];
        string? best = null;
        var bestDistance = int.MaxValue;
        foreach (var option in command.Options)
        {
            var distance = Distance(name, option.Name);
            if (distance < bestDistance)
            {
                (best, bestDistance) = (option.Name, distance);
            }
        }

        // Near enough to be a slip of the fingers: at most a third of the name differs.
        return best is not null && bestDistance <= Math.Max(1, best.Length / 3) ? best : null;
    }

    /// <summary>The edit distance (insertions, deletions, substitutions, and swaps of neighbours).</summary>
    private static int Distance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++)
        {
            d[i, 0] = i;
        }

        for (var j = 0; j <= b.Length; j++)
        {
            d[0, j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
                }
            }
        }

        return d[a.Length, b.Length];
    }
}
