using System.Text;
using Hooksmith.Generator.Json;

namespace Hooksmith.Fuzz;

/// <summary>The generator's position-aware JSON reader, which must turn any text into a tree or a located error.</summary>
internal sealed class SchemaReaderTarget : FuzzTarget
{
    public override string Name => "schema-reader";

    public override void Exercise(byte[] input)
    {
        // The generator gets text from Roslyn, already decoded: with U+FFFD for bad bytes, or byte by byte.
        _ = JsonTextReader.Parse(Encoding.UTF8.GetString(input));
        _ = JsonTextReader.Parse(Encoding.Latin1.GetString(input), maxDepth: 16);
    }
}
