using System.Text;

namespace RunComfy;

/// <summary>Text measures as JSON Schema defines them.</summary>
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
}
