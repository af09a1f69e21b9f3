namespace Hooksmith.Generator.Emit;

internal static class ThisAssembly
{
    /// <summary>The generator's version, written into <c>GeneratedCode</c> attributes.</summary>
    public const string Version = "0.1.0";
}
