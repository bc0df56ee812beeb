using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace RunComfy.SchemaClient.Generator.Specs
{
    /// <summary>
    /// A place in a schema file, kept as plain values: a <see cref="Location"/> holds a syntax tree or
    /// a file reference and would defeat the pipeline's caching, so it is built only when reported.
    /// </summary>
    internal sealed record LocationInfo(string FilePath, TextSpan Span, LinePositionSpan LineSpan)
    {
        public Location ToLocation() => Location.Create(FilePath, Span, LineSpan);

        /// <summary>The start of the file, for problems that concern the file as a whole.</summary>
        public static LocationInfo FileStart(string filePath) =>
            new LocationInfo(filePath, new TextSpan(0, 0), new LinePositionSpan(new LinePosition(0, 0), new LinePosition(0, 0)));
    }
}
