using System.Buffers.Binary;

namespace RunComfy.Emulator.Outputs;

/// <summary>Writes a real WAV file (RIFF, 16-bit mono PCM) holding a short sine tone, as an audio model's output.</summary>
internal static class WavWriter
{
    public static byte[] Tone(double seconds, double frequency, int sampleRate = 8000)
    {
        var samples = (int)(seconds * sampleRate);
        var data = new byte[44 + samples * 2];
        var span = data.AsSpan();
        "RIFF"u8.CopyTo(span);
        BinaryPrimitives.WriteInt32LittleEndian(span[4..], data.Length - 8);
        "WAVEfmt "u8.CopyTo(span[8..]);
        BinaryPrimitives.WriteInt32LittleEndian(span[16..], 16);            // fmt chunk size
        BinaryPrimitives.WriteInt16LittleEndian(span[20..], 1);             // PCM
        BinaryPrimitives.WriteInt16LittleEndian(span[22..], 1);             // mono
        BinaryPrimitives.WriteInt32LittleEndian(span[24..], sampleRate);
        BinaryPrimitives.WriteInt32LittleEndian(span[28..], sampleRate * 2); // byte rate
        BinaryPrimitives.WriteInt16LittleEndian(span[32..], 2);             // block align
        BinaryPrimitives.WriteInt16LittleEndian(span[34..], 16);            // bits per sample
        "data"u8.CopyTo(span[36..]);
        BinaryPrimitives.WriteInt32LittleEndian(span[40..], samples * 2);
        for (var i = 0; i < samples; i++)
        {
            var sample = (short)(Math.Sin(2 * Math.PI * frequency * i / sampleRate) * short.MaxValue * 0.25);
            BinaryPrimitives.WriteInt16LittleEndian(span[(44 + i * 2)..], sample);
        }
        return data;
    }
}
