using Microsoft.CodeAnalysis.Text;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using RunComfy.SchemaClient.Generator.Specs;

namespace RunComfy.SchemaClient.Generator.Parsing
{
    /// <summary>Turns the line information Newtonsoft keeps on each token into a span in the schema file.</summary>
    internal sealed class JsonLocator
    {
        private readonly string _path;
        private readonly SourceText _text;

        public JsonLocator(string path, string text)
        {
            _path = path;
            _text = SourceText.From(text);
        }

        public LocationInfo FileStart => LocationInfo.FileStart(_path);

        /// <summary>The span of a token: a property's quoted name, a value, or the first character of an object or array.</summary>
        public LocationInfo Of(JToken? token)
        {
            if (token is not IJsonLineInfo info || !info.HasLineInfo())
            {
                return FileStart;
            }

            // Newtonsoft reports the 1-based position just after the token (after the name for a property).
            int end = OffsetOf(info.LineNumber - 1, info.LinePosition);
            int start = end;
            string content = _text.ToString();
            if (token is JProperty || (token is JValue value && value.Type == JTokenType.String))
            {
                int close = content.LastIndexOf('"', System.Math.Max(0, end - 1));
                if (close >= 0)
                {
                    int open = close - 1;
                    while (open >= 0 && (content[open] != '"' || IsEscaped(content, open)))
                    {
                        open--;
                    }

                    start = System.Math.Max(0, open);
                    end = close + 1;
                }
            }
            else if (token is JValue)
            {
                while (start > 0 && !IsDelimiter(content[start - 1]))
                {
                    start--;
                }
            }
            else
            {
                start = System.Math.Max(0, end - 1);
            }

            return At(start, end);
        }

        /// <summary>The span at a 0-based line and 1-based column (what JSON reader exceptions report).</summary>
        public LocationInfo AtLine(int zeroBasedLine, int oneBasedColumn)
        {
            int offset = OffsetOf(zeroBasedLine, oneBasedColumn);
            return At(offset, offset);
        }

        /// <summary>The empty span at a character offset in the file.</summary>
        public LocationInfo AtOffset(int offset)
        {
            int clamped = System.Math.Min(System.Math.Max(offset, 0), _text.Length);
            return At(clamped, clamped);
        }

        /// <summary>"line 4, column 30" (1-based) at a character offset, counted as the IDE counts lines.</summary>
        public string LineColumn(int offset)
        {
            LinePosition position = _text.Lines.GetLinePosition(System.Math.Min(System.Math.Max(offset, 0), _text.Length));
            return "line " + (position.Line + 1).ToString(System.Globalization.CultureInfo.InvariantCulture)
                + ", column " + (position.Character + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        private LocationInfo At(int start, int end) =>
            new LocationInfo(_path, TextSpan.FromBounds(start, end), _text.Lines.GetLinePositionSpan(TextSpan.FromBounds(start, end)));

        private int OffsetOf(int zeroBasedLine, int oneBasedColumn)
        {
            if (_text.Lines.Count == 0)
            {
                return 0;
            }

            int line = System.Math.Min(System.Math.Max(zeroBasedLine, 0), _text.Lines.Count - 1);
            TextLine textLine = _text.Lines[line];
            return System.Math.Min(textLine.Start + System.Math.Max(oneBasedColumn, 0), textLine.End);
        }

        private static bool IsEscaped(string content, int index)
        {
            int backslashes = 0;
            for (int i = index - 1; i >= 0 && content[i] == '\\'; i--)
            {
                backslashes++;
            }

            return backslashes % 2 == 1;
        }

        private static bool IsDelimiter(char c) => c == ':' || c == ',' || c == '[' || c == '{' || char.IsWhiteSpace(c);
    }
}
