using System.Text;
using System.Text.Json;
using System.Text.Unicode;

namespace RunComfy.Emulator.Validation;

/// <summary>
/// Finds the strings of a request body that are not well-formed Unicode: raw bytes that are not UTF-8, and
/// <c>\uD800</c>-style escapes of a lone surrogate. The client refuses both before sending (a JSON body is UTF-8,
/// and a lone surrogate has no UTF-8 form); the emulator answers 422 naming each field, instead of letting a lenient
/// decoder turn them into U+FFFD and accept the submission.
/// </summary>
internal static class TextValidity
{
    private static ReadOnlySpan<byte> Utf8Bom => [0xEF, 0xBB, 0xBF];

    /// <summary>The body without a leading UTF-8 byte order mark, as a text decoder would skip it.</summary>
    public static ReadOnlySpan<byte> WithoutBom(ReadOnlySpan<byte> body) => body.StartsWith(Utf8Bom) ? body[3..] : body;

    /// <summary>One error per string or property name that is not well-formed; none for a body that is.</summary>
    public static List<InputError> Check(ReadOnlySpan<byte> body)
    {
        var errors = new List<InputError>();
        var reader = new Utf8JsonReader(body, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        var path = new PathTracker();
        try
        {
            while (reader.Read())
            {
                switch (reader.TokenType)
                {
                    case JsonTokenType.PropertyName:
                        if (Problem(ref reader) is { } nameProblem)
                        {
                            errors.Add(new InputError(path.Current, "type", $"A property name {nameProblem}"));
                            path.EnterProperty("(not well-formed)");
                        }
                        else
                        {
                            path.EnterProperty(reader.GetString()!);
                        }

                        break;
                    case JsonTokenType.StartObject or JsonTokenType.StartArray:
                        path.EnterValue();
                        path.Open(reader.TokenType == JsonTokenType.StartArray);
                        break;
                    case JsonTokenType.EndObject or JsonTokenType.EndArray:
                        path.Close();
                        path.LeaveValue();
                        break;
                    default:
                        path.EnterValue();
                        if (reader.TokenType == JsonTokenType.String && Problem(ref reader) is { } valueProblem)
                        {
                            errors.Add(new InputError(path.Current, "type", $"The text {valueProblem}"));
                        }

                        path.LeaveValue();
                        break;
                }
            }
        }
        catch (JsonException)
        {
            // Not JSON this reader accepts: the schema validator reports the syntax; still refuse bytes that are not UTF-8.
            if (errors.Count == 0 && !Utf8.IsValid(body))
            {
                errors.Add(new InputError(FieldPath.Root, "type", "The body is not valid UTF-8."));
            }
        }

        return errors;
    }

    /// <summary>Why the current string token is not well-formed text, or null when it is.</summary>
    private static string? Problem(ref Utf8JsonReader reader)
    {
        if (!Utf8.IsValid(reader.ValueSpan))
        {
            return "is not valid UTF-8; the body must be UTF-8 throughout.";
        }

        if (!reader.ValueIsEscaped)
        {
            return null;
        }

        try
        {
            _ = reader.GetString();
            return null;
        }
        catch (InvalidOperationException)
        {
            return "must be well-formed Unicode; it has an escaped lone surrogate (a \\uD800-\\uDFFF escape without its pair).";
        }
    }

    /// <summary>The path of the value being read: property names and item indexes of the containers around it.</summary>
    private sealed class PathTracker
    {
        private readonly List<object> _segments = [];
        private readonly Stack<Container> _containers = new();

        public FieldPath Current =>
            _segments.Aggregate(FieldPath.Root, (path, segment) => segment is int index ? path.Item(index) : path.Property((string)segment));

        public void EnterProperty(string name) => _segments.Add(name);

        /// <summary>A value starts: inside an array it is the next item.</summary>
        public void EnterValue()
        {
            if (_containers.TryPeek(out var container) && container.IsArray)
            {
                _segments.Add(container.NextIndex++);
            }
        }

        /// <summary>A value ended: forget its property name or index.</summary>
        public void LeaveValue()
        {
            if (_containers.Count > 0 && _segments.Count > 0)
            {
                _segments.RemoveAt(_segments.Count - 1);
            }
        }

        public void Open(bool isArray) => _containers.Push(new Container(isArray));

        public void Close() => _containers.TryPop(out _);

        private sealed class Container(bool isArray)
        {
            public bool IsArray { get; } = isArray;

            public int NextIndex { get; set; }
        }
    }
}
