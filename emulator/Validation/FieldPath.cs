using System.Text;

namespace RunComfy.Emulator.Validation;

/// <summary>Where in a request body a value sits: property names and array indexes.</summary>
internal sealed class FieldPath
{
    public static readonly FieldPath Root = new([]);

    private FieldPath(IReadOnlyList<object> segments) => Segments = segments;

    /// <summary>Property names (string) and item indexes (int), outermost first.</summary>
    public IReadOnlyList<object> Segments { get; }

    public FieldPath Property(string name) => new([.. Segments, name]);

    public FieldPath Item(int index) => new([.. Segments, index]);

    /// <summary>Reads NJsonSchema's paths such as <c>#/images[0]</c> or <c>#/a.b</c>.</summary>
    public static FieldPath ParseNJsonSchemaPath(string? path)
    {
        var result = Root;
        if (string.IsNullOrEmpty(path)) return result;
        var text = path.StartsWith("#/", StringComparison.Ordinal) ? path[2..] : path.TrimStart('#');
        var name = new StringBuilder();
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '.' || c == '[')
            {
                if (name.Length > 0) { result = result.Property(name.ToString()); name.Clear(); }
                if (c == '[')
                {
                    var end = text.IndexOf(']', i);
                    if (end < 0) break;
                    if (int.TryParse(text.AsSpan(i + 1, end - i - 1), out var index)) result = result.Item(index);
                    i = end;
                }
            }
            else name.Append(c);
        }
        return name.Length > 0 ? result.Property(name.ToString()) : result;
    }

    /// <summary>The field in the runtime's notation: <c>images[2]</c>, <c>a.b</c>; <c>body</c> for the whole body.</summary>
    public override string ToString()
    {
        if (Segments.Count == 0) return "body";
        var text = new StringBuilder();
        foreach (var segment in Segments)
        {
            if (segment is int index) text.Append('[').Append(index).Append(']');
            else text.Append(text.Length > 0 ? "." : "").Append(segment);
        }
        return text.ToString();
    }
}
