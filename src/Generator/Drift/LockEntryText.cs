using System;
using System.Text;

namespace Hooksmith.Generator.Drift;

/// <summary>
/// Compares entries of a lock with entries written now, one at a time, in one reused buffer: comparing a
/// lock with the current schemas writes no text the size of the lock.
/// </summary>
internal sealed class LockEntryText
{
    private readonly string _lock;
    private readonly StringBuilder _written = new(1024);
    private char[] _buffer = new char[1024];

    public LockEntryText(string lockText) => _lock = lockText;

    /// <summary>True when the lock's text in <paramref name="range"/> reads as what <paramref name="write"/> writes, carriage returns aside.</summary>
    public bool Reads(TextRange range, Action<StringBuilder> write)
    {
        _written.Clear();
        write(_written);
        var length = _written.Length;

        // Cheap refusals first: the lock's entry holds at least the written characters, and no more than them and a carriage return a line.
        if (range.Length < length)
        {
            return false;
        }

        if (_buffer.Length < length)
        {
            _buffer = new char[Math.Max(length, _buffer.Length * 2)];
        }

        _written.CopyTo(0, _buffer, 0, length);
        int i = range.Start, end = range.Start + range.Length;
        for (var j = 0; j < length; j++, i++)
        {
            while (i < end && _lock[i] == '\r')
            {
                i++;
            }

            if (i == end || _lock[i] != _buffer[j])
            {
                return false;
            }
        }

        while (i < end && _lock[i] == '\r')
        {
            i++;
        }

        return i == end;
    }
}
