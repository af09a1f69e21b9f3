namespace Hooksmith.Fuzz;

/// <summary>An entry point that takes outside bytes: whatever they are, it must not throw.</summary>
internal abstract class FuzzTarget
{
    /// <summary>A short name, used in the names of saved failing inputs.</summary>
    public abstract string Name { get; }

    /// <summary>Runs every operation of the entry point over <paramref name="input"/>; throws only on a bug.</summary>
    public abstract void Exercise(byte[] input);
}
