using System.Text;

namespace RunComfy.Media.Headers;

/// <summary>Prints a chunk tag from an untrusted file safely: letters as text, anything else as hex.</summary>
internal static class FourCc
{
    public static string Describe(ReadOnlySpan<byte> tag)
    {
        var builder = new StringBuilder(tag.Length + 2).Append('\'');
        foreach (var b in tag)
        {
            if (b is >= 0x20 and < 0x7F and not (byte)'\'')
            {
                builder.Append((char)b);
            }
            else
            {
                builder.Append("\\x").Append(b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
            }
        }

        return builder.Append('\'').ToString();
    }
}
