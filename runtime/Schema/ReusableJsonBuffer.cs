using System.Buffers;
using System.Text.Json;
using RunComfy.Metadata;

namespace RunComfy;

/// <summary>
/// One UTF-8 buffer and one <see cref="Utf8JsonWriter"/> per thread and indentation, reused by
/// <see cref="RequestJsonWriter.ToJson"/> so that writing a body allocates only its string.
/// </summary>
internal sealed class ReusableJsonBuffer
{
    // A buffer that grew past this (a body with a large data: URI) is dropped rather than kept for the thread's life.
    private const int MaxKeptBytes = 64 * 1024;

    [ThreadStatic]
    private static ReusableJsonBuffer? t_compact;

    [ThreadStatic]
    private static ReusableJsonBuffer? t_indented;

    private readonly ArrayBufferWriter<byte> _buffer = new(1024);
    private readonly Utf8JsonWriter _writer;
    private readonly bool _indented;

    private ReusableJsonBuffer(bool indented)
    {
        _indented = indented;
        _writer = new Utf8JsonWriter(_buffer, RequestJsonWriter.Options with { Indented = indented });
    }

    /// <summary>The bytes written since <see cref="Start"/>.</summary>
    public ReadOnlySpan<byte> Written => _buffer.WrittenSpan;

    /// <summary>
    /// Takes this thread's buffer (or a new one). It is taken out of its slot, so a body written while
    /// another is being written on the same thread gets its own buffer.
    /// </summary>
    public static ReusableJsonBuffer Rent(bool indented)
    {
        ReusableJsonBuffer? buffer;
        if (indented)
        {
            buffer = t_indented;
            t_indented = null;
        }
        else
        {
            buffer = t_compact;
            t_compact = null;
        }

        return buffer ?? new ReusableJsonBuffer(indented);
    }

    /// <summary>Gives the buffer back to this thread; one that grew large is let go.</summary>
    public static void Return(ReusableJsonBuffer buffer)
    {
        ArgumentNullException.ThrowIfNull(buffer);
        if (buffer._buffer.Capacity > MaxKeptBytes)
        {
            return;
        }

        if (buffer._indented)
        {
            t_indented = buffer;
        }
        else
        {
            t_compact = buffer;
        }
    }

    /// <summary>Empties the buffer and returns its writer, ready for a new body.</summary>
    public Utf8JsonWriter Start()
    {
        _buffer.ResetWrittenCount();
        _writer.Reset(_buffer);
        return _writer;
    }
}
