using System.Collections.Generic;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace Hooksmith.Generator.Tests.Infrastructure;

/// <summary>
/// Compiles all the way to an assembly. Some errors exist only when metadata is written (a name too
/// long for metadata, CS7013), so <see cref="Compilation.GetDiagnostics"/> alone misses them.
/// </summary>
internal static class EmitCheck
{
    /// <summary>Errors and warnings of emitting the compilation (hidden and info excluded).</summary>
    public static IReadOnlyList<Diagnostic> Problems(Compilation compilation)
    {
        using var stream = new MemoryStream();
        var result = compilation.Emit(stream);
        return result.Diagnostics.Where(d => d.Severity >= DiagnosticSeverity.Warning).ToList();
    }
}
