using System;

namespace Hooksmith.Fuzz;

/// <summary>A target threw (or broke an invariant) for an input, which has been saved.</summary>
internal sealed class FuzzFailureException(string message, Exception inner) : Exception(message, inner);
