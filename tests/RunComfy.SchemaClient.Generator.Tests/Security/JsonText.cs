using System.Globalization;
using System.Text;

namespace RunComfy.SchemaClient.Generator.Tests.Security;

/// <summary>
/// JSON string literals written by hand: every character outside printable ASCII as <c>\uXXXX</c>, so a
/// schema can carry lone surrogates (which System.Text.Json refuses to write) exactly as an attacker's file would.
/// </summary>
public static class JsonText
{
    public static string Quote(string value)
    {
        var builder = new StringBuilder(value.Length + 2).Append('"');
        foreach (char c in value)
        {
            if (c == '"' || c == '\\')
            {
                builder.Append('\\').Append(c);
            }
            else if (c < 0x20 || c > 0x7E)
            {
                builder.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
            }
            else
            {
                builder.Append(c);
            }
        }

        return builder.Append('"').ToString();
    }

    /// <summary>A JSON array of strings.</summary>
    public static string Array(params string[] values) => "[" + string.Join(", ", values.Select(Quote)) + "]";
}
