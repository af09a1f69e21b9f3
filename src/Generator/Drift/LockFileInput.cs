using System;
using System.IO;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Hooksmith.Generator.Drift;

/// <summary>The project's lock, as the compilation hands it over: an additional file named <c>hooksmith.lock.json</c>, or the one the <c>HooksmithLockFile</c> property names.</summary>
/// <param name="Path">The lock's path.</param>
/// <param name="Text">Its content.</param>
internal sealed record LockFileInput(string Path, string Text)
{
    public const string LockFileProperty = "build_property.HooksmithLockFile";

    /// <summary>The lock, or null for any other additional file (whose text is then not read).</summary>
    public static LockFileInput? Read(AdditionalText file, AnalyzerConfigOptionsProvider provider, CancellationToken cancellationToken)
    {
        var configured = provider.GlobalOptions.TryGetValue(LockFileProperty, out var value) && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;
        var isLock = configured is null
            ? string.Equals(System.IO.Path.GetFileName(file.Path), "hooksmith.lock.json", StringComparison.OrdinalIgnoreCase)
            : SamePath(file.Path, configured);
        if (!isLock)
        {
            return null;
        }

        return new LockFileInput(file.Path, file.GetText(cancellationToken)?.ToString() ?? string.Empty);
    }

    private static bool SamePath(string a, string b)
    {
        try
        {
            return string.Equals(System.IO.Path.GetFullPath(a), System.IO.Path.GetFullPath(b), StringComparison.OrdinalIgnoreCase);
        }
        catch (Exception exception) when (exception is ArgumentException or NotSupportedException or PathTooLongException)
        {
            return string.Equals(a, b, StringComparison.OrdinalIgnoreCase);
        }
    }
}
