using System.ComponentModel;
using System.Text;

namespace RunComfy.Metadata;

/// <summary>Text measures as JSON Schema defines them.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class UnicodeText
{
    /// <summary>
    /// The length of <paramref name="value"/> in Unicode code points, as <c>minLength</c>/<c>maxLength</c>
    /// count it: an emoji made of a surrogate pair is one, a lone surrogate is one.
    /// </summary>
    public static int CodePointCount(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        int count = 0;
        foreach (Rune _ in value.EnumerateRunes())
        {
            count++;
        }

        return count;
    }

    /// <summary>
    /// The index of the first lone surrogate in <paramref name="value"/> (text that is not well-formed
    /// UTF-16 and cannot be encoded as UTF-8), or -1 when there is none.
    /// </summary>
    public static int IndexOfLoneSurrogate(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        for (int i = 0; i < value.Length; i++)
        {
            char c = value[i];
            if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(c))
            {
                return i;
            }
        }

        return -1;
    }
}
