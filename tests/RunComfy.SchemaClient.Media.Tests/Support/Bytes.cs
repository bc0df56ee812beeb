using System.Buffers.Binary;

namespace RunComfy.SchemaClient.Media.Tests.Support;

/// <summary>A small growable byte writer for building test files by hand.</summary>
internal sealed class Bytes
{
    private readonly MemoryStream _stream = new();

    public int Length => (int)_stream.Length;

    public Bytes Add(params byte[] values)
    {
        _stream.Write(values);
        return this;
    }

    public Bytes Add(ReadOnlySpan<byte> values)
    {
        _stream.Write(values);
        return this;
    }

    public Bytes Ascii(string text) => Add(System.Text.Encoding.ASCII.GetBytes(text));

    public Bytes Zeros(int count) => Add(new byte[count]);

    public Bytes Filled(int count, byte value) => Add(Enumerable.Repeat(value, count).ToArray());

    public Bytes U16BE(int value)
    {
        Span<byte> b = stackalloc byte[2];
        BinaryPrimitives.WriteUInt16BigEndian(b, (ushort)value);
        return Add(b);
    }

    public Bytes U32BE(uint value)
    {
        Span<byte> b = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(b, value);
        return Add(b);
    }

    public Bytes U16LE(int value)
    {
        Span<byte> b = stackalloc byte[2];
        BinaryPrimitives.WriteUInt16LittleEndian(b, (ushort)value);
        return Add(b);
    }

    public Bytes U24LE(int value) => Add((byte)value, (byte)(value >> 8), (byte)(value >> 16));

    public Bytes U32LE(uint value)
    {
        Span<byte> b = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32LittleEndian(b, value);
        return Add(b);
    }

    public byte[] ToArray() => _stream.ToArray();
}
