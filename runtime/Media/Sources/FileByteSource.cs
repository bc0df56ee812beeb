using Microsoft.Win32.SafeHandles;

namespace RunComfy.Media.Sources;

/// <summary>A local file read with positioned reads: skipping a segment is a seek, not a read.</summary>
internal sealed class FileByteSource : MediaByteSource
{
    private readonly SafeFileHandle _handle;
    private readonly long _length;
    private byte[] _buffer = new byte[MediaTypeSnifferLength];

    private const int MediaTypeSnifferLength = 64;

    private FileByteSource(SafeFileHandle handle)
    {
        _handle = handle;
        _length = RandomAccess.GetLength(handle);
    }

    /// <summary>Opens the file for reading; the file may be shared with other readers.</summary>
    public static FileByteSource Open(string path) =>
        new(File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete, FileOptions.Asynchronous));

    public override long? Length => _length;

    public override async ValueTask<ReadOnlyMemory<byte>> ReadAsync(long offset, int count, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(offset);
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        if (_buffer.Length < count)
        {
            _buffer = new byte[count];
        }

        var filled = 0;
        while (filled < count)
        {
            var read = await RandomAccess.ReadAsync(_handle, _buffer.AsMemory(filled, count - filled), offset + filled, cancellationToken).ConfigureAwait(false);
            if (read == 0)
            {
                break;
            }

            filled += read;
        }

        return _buffer.AsMemory(0, filled);
    }

    public override ValueTask DisposeAsync()
    {
        _handle.Dispose();
        return ValueTask.CompletedTask;
    }
}
