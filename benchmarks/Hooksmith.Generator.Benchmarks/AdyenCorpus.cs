using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;

namespace Hooksmith.Generator.Benchmarks;

/// <summary>
/// The 25 Adyen webhook files from <c>../shared/corpus/adyen</c>, held in memory, each in a namespace of
/// its own named after the file (<c>Vendor.Adyen.BalancePlatformAcsNotificationV1</c>), as a project
/// that lists them all would.
/// </summary>
internal static class AdyenCorpus
{
    /// <summary>Reads every <c>*.json</c> of the folder except <c>expected-validation.json</c> (the corpus' verdicts, not a schema).</summary>
    /// <exception cref="DirectoryNotFoundException">The corpus is not there.</exception>
    public static IReadOnlyList<SchemaText> Load()
    {
        var folder = SharedCorpus.Folder("adyen");
        return Directory.GetFiles(folder, "*.json")
            .Where(path => Path.GetFileName(path) != "expected-validation.json")
            .OrderBy(path => path, System.StringComparer.Ordinal)
            .Select(path => new SchemaText(path, File.ReadAllText(path), "Vendor.Adyen." + NamespacePart(Path.GetFileNameWithoutExtension(path))))
            .ToList();
    }

    // "BalancePlatformAcsNotification-v1" → "BalancePlatformAcsNotificationV1".
    private static string NamespacePart(string stem)
    {
        var text = new StringBuilder(stem.Length);
        var upper = false;
        foreach (var c in stem)
        {
            if (!char.IsLetterOrDigit(c))
            {
                upper = true;
                continue;
            }

            text.Append(upper ? char.ToUpperInvariant(c) : c);
            upper = false;
        }

        return text.ToString();
    }
}
