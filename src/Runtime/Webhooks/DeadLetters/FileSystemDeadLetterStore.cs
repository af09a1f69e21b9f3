using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;

namespace Hooksmith.Webhooks;

/// <summary>
/// Dead letters kept as files in one folder (give each endpoint its own), so that they outlive the process: each letter
/// is written once to a file of its own (<see cref="DeadLetterFormat"/>), flushed to the disk before
/// <see cref="StoreAsync"/> answers, and never rewritten; removing a letter deletes its file.
/// </summary>
/// <remarks>
/// <para>
/// A letter is written to a temporary file, flushed through to the device, then renamed to
/// <c>{received-at ticks}-{id}.letter</c>, so a crash leaves either the whole letter or no letter; temporary files
/// left by a crash are deleted when a store opens the folder. Letters are listed in the order they were received.
/// </para>
/// <para>
/// The store refuses a letter (<see cref="StoreAsync"/> answers false, so the delivery is not acknowledged and the
/// provider retries) when it would take the folder past <see cref="FileSystemDeadLetterStoreOptions.MaxBytes"/> or
/// <see cref="FileSystemDeadLetterStoreOptions.MaxLetters"/>: bounded by bytes, so a flood of large bodies cannot fill
/// the disk. Several stores (a running receiver and <c>hooksmith dead-letters</c>) may open the same folder; the
/// bounds are counted from the folder itself when a letter would break them.
/// </para>
/// <para>A file that is not a whole letter (edited by hand, say) is left alone and counted in <see cref="UnreadableFiles"/>.</para>
/// </remarks>
public sealed class FileSystemDeadLetterStore : IWebhookDeadLetterStore
{
    private const string Extension = ".letter";
    private const string TemporaryPrefix = ".tmp-";

    private readonly object _gate = new();
    private readonly long _maxBytes;
    private readonly int _maxLetters;
    private long _bytes;
    private int _letters;

    // Letters being written: reserved against the bounds, not yet on disk, so a recount cannot forget them.
    private long _writingBytes;
    private int _writingLetters;
    private int _unreadable;

    /// <summary>Opens (and creates when missing) a folder of dead letters.</summary>
    /// <param name="directory">The folder; one per endpoint.</param>
    /// <param name="options">The bounds; defaults when omitted.</param>
    /// <exception cref="ArgumentException">The folder's path is empty.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A bound is below 1.</exception>
    /// <exception cref="IOException">The folder cannot be created or read.</exception>
    public FileSystemDeadLetterStore(string directory, FileSystemDeadLetterStoreOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(directory);
        options ??= new FileSystemDeadLetterStoreOptions();
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MaxBytes, 1, nameof(options.MaxBytes));
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MaxLetters, 1, nameof(options.MaxLetters));
        Directory = Path.GetFullPath(directory);
        _maxBytes = options.MaxBytes;
        _maxLetters = options.MaxLetters;
        System.IO.Directory.CreateDirectory(Directory);
        foreach (var leftover in System.IO.Directory.EnumerateFiles(Directory, TemporaryPrefix + "*"))
        {
            TryDelete(leftover);
        }

        Recount();
    }

    /// <summary>The folder's full path.</summary>
    public string Directory { get; }

    /// <summary>How many bytes the letters on disk take, as last counted.</summary>
    public long Bytes => Interlocked.Read(ref _bytes);

    /// <summary>How many letters the folder holds, as last counted.</summary>
    public int Count => Volatile.Read(ref _letters);

    /// <summary>Files in the folder with the letters' extension that are not whole letters, as last listed.</summary>
    public int UnreadableFiles => Volatile.Read(ref _unreadable);

    /// <inheritdoc/>
    /// <exception cref="ArgumentException">The letter's id is not made of letters, digits, <c>-</c> and <c>_</c> (it names a file).</exception>
    /// <exception cref="IOException">The file cannot be written (the disk is full, the folder is gone).</exception>
    public async ValueTask<bool> StoreAsync(DeadLetter letter, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(letter);
        EnsureFileNameSafe(letter.Id);
        var bytes = DeadLetterFormat.Write(letter);
        if (!Reserve(bytes.Length))
        {
            return false;
        }

        var name = letter.ReceivedAt.UtcTicks.ToString("D19", System.Globalization.CultureInfo.InvariantCulture) + "-" + letter.Id + Extension;
        var temporary = Path.Combine(Directory, TemporaryPrefix + letter.Id + "-" + Guid.NewGuid().ToString("N"));
        try
        {
            var file = new FileStream(temporary, new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Options = FileOptions.Asynchronous });
            await using (file.ConfigureAwait(false))
            {
                await file.WriteAsync(bytes, cancellationToken).ConfigureAwait(false);
                file.Flush(flushToDisk: true);
            }

            File.Move(temporary, Path.Combine(Directory, name), overwrite: false);
            EndWriting(bytes.Length, written: true);
            return true;
        }
        catch
        {
            TryDelete(temporary);
            EndWriting(bytes.Length, written: false);
            throw;
        }
    }

    /// <inheritdoc/>
    public async ValueTask<IReadOnlyList<DeadLetter>> ListAsync(CancellationToken cancellationToken = default)
    {
        var letters = new List<DeadLetter>();
        var unreadable = 0;
        foreach (var path in LetterFiles())
        {
            byte[] bytes;
            try
            {
                bytes = await File.ReadAllBytesAsync(path, cancellationToken).ConfigureAwait(false);
            }
            catch (FileNotFoundException)
            {
                continue; // removed meanwhile (by another store on the folder)
            }

            if (DeadLetterFormat.TryRead(bytes, out var letter))
            {
                letters.Add(letter!);
            }
            else
            {
                unreadable++;
            }
        }

        Volatile.Write(ref _unreadable, unreadable);
        return letters;
    }

    /// <inheritdoc/>
    public ValueTask<bool> RemoveAsync(string id, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(id);
        if (!IsFileNameSafe(id))
        {
            return ValueTask.FromResult(false);
        }

        var removed = false;
        foreach (var path in System.IO.Directory.EnumerateFiles(Directory, "*-" + id + Extension))
        {
            long length;
            try
            {
                length = new FileInfo(path).Length;
                File.Delete(path);
            }
            catch (FileNotFoundException)
            {
                continue;
            }

            Release(length, letters: 1);
            removed = true;
        }

        return ValueTask.FromResult(removed);
    }

    private IEnumerable<string> LetterFiles()
        => System.IO.Directory.EnumerateFiles(Directory, "*" + Extension).Order(StringComparer.Ordinal);

    private bool Reserve(long length)
    {
        lock (_gate)
        {
            if (!Fits(length))
            {
                // Another store on the folder may have removed letters since the last count.
                Recount();
                if (!Fits(length))
                {
                    return false;
                }
            }

            _writingBytes += length;
            _writingLetters++;
            return true;
        }
    }

    private void EndWriting(long length, bool written)
    {
        lock (_gate)
        {
            _writingBytes -= length;
            _writingLetters--;
            if (written)
            {
                _bytes += length;
                _letters++;
            }
        }
    }

    private bool Fits(long length)
        => _bytes + _writingBytes + length <= _maxBytes && _letters + _writingLetters < _maxLetters;

    private void Release(long length, int letters)
    {
        lock (_gate)
        {
            _bytes = Math.Max(0, _bytes - length);
            _letters = Math.Max(0, _letters - letters);
        }
    }

    private void Recount()
    {
        long bytes = 0;
        var letters = 0;
        foreach (var path in LetterFiles())
        {
            try
            {
                bytes += new FileInfo(path).Length;
                letters++;
            }
            catch (FileNotFoundException)
            {
            }
        }

        lock (_gate)
        {
            _bytes = bytes;
            _letters = letters;
        }
    }

    private static void EnsureFileNameSafe(string id)
    {
        if (!IsFileNameSafe(id))
        {
            throw new ArgumentException("A dead letter's id names its file: use letters, digits, '-' and '_' only (at most 128).", nameof(id));
        }
    }

    private static bool IsFileNameSafe(string id)
        => id.Length is > 0 and <= 128 && id.All(c => c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or (>= '0' and <= '9') or '-' or '_');

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
