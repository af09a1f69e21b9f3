namespace Hooksmith.Webhooks;

/// <summary>Bounds of a <see cref="FileSystemDeadLetterStore"/>; read once, when the store is created.</summary>
public sealed class FileSystemDeadLetterStoreOptions
{
    /// <summary>The most bytes the letters may take on disk, headers included. Default: 1 GiB.</summary>
    public long MaxBytes { get; set; } = 1L << 30;

    /// <summary>The most letters kept. Default: 100 000.</summary>
    public int MaxLetters { get; set; } = 100_000;
}
