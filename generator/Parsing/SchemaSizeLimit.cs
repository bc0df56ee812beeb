using System.Globalization;
using RunComfy.SchemaClient.Generator.Diagnostics;
using RunComfy.SchemaClient.Generator.Specs;

namespace RunComfy.SchemaClient.Generator.Parsing
{
    /// <summary>
    /// The largest schema the generator reads. Every model embeds its schema text (and its descriptions
    /// again, as parameter metadata) as string literals, and one assembly holds at most 16 MB of them
    /// (CS8103): an oversized schema would break every model of the assembly, so it is refused alone.
    /// The limit is 75 times the largest published schema.
    /// </summary>
    internal static class SchemaSizeLimit
    {
        /// <summary>The most characters (UTF-16 code units) of schema text: 256 Ki.</summary>
        public const int MaxCharacters = 256 * 1024;

        /// <summary>The result for a file over the limit (RCS0021, nothing generated), or null when it fits.</summary>
        public static ParseResult? Check(SchemaFile file)
        {
            if (file.Text is null || file.Text.Length <= MaxCharacters)
            {
                return null;
            }

            DiagnosticInfo diagnostic = DiagnosticInfo.Create(
                DiagnosticDescriptors.SchemaTooLarge,
                LocationInfo.FileStart(file.Path),
                file.Text.Length.ToString("N0", CultureInfo.InvariantCulture),
                MaxCharacters.ToString("N0", CultureInfo.InvariantCulture));
            return new ParseResult(file.Path, null, new[] { diagnostic }.ToEquatableArray());
        }
    }
}
