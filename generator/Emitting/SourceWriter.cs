using System.Text;

namespace RunComfy.SchemaClient.Generator.Emitting
{
    /// <summary>A string builder that indents, so the emitters read like the code they write.</summary>
    internal sealed class SourceWriter
    {
        private readonly StringBuilder _builder = new StringBuilder();
        private int _indent;

        public SourceWriter Line(string text = "")
        {
            if (text.Length > 0)
            {
                _builder.Append(' ', _indent * 4);
                _builder.Append(text);
            }

            _builder.Append('\n');
            return this;
        }

        /// <summary>Writes <paramref name="header"/> (if any), then an opening brace, and indents.</summary>
        public SourceWriter Open(string header = "")
        {
            if (header.Length > 0)
            {
                Line(header);
            }

            Line("{");
            _indent++;
            return this;
        }

        public SourceWriter Close(string text = "}")
        {
            _indent--;
            Line(text);
            return this;
        }

        /// <summary>One doc comment element; <paramref name="tag"/> may carry attributes (<c>param name="x"</c>).</summary>
        public SourceWriter Doc(string tag, string text) => Line("/// <" + tag + ">" + text + "</" + tag.Split(' ')[0] + ">");

        public override string ToString() => _builder.ToString();
    }
}
