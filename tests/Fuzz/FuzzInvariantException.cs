using System;

namespace Hooksmith.Fuzz;

/// <summary>A property the fuzzer checks beyond "does not throw" (a written value parses back equal) does not hold.</summary>
internal sealed class FuzzInvariantException(string message) : Exception(message);
