using System.Globalization;

namespace RunComfy.SchemaClient.Generator.Emitting
{
    /// <summary>
    /// Fixed text the emitters share. Schema text never goes through here: it goes through the function of
    /// its output context, <see cref="DocText"/>, <see cref="CommentText"/>, <see cref="Literal"/> or <see cref="Identifier"/>.
    /// </summary>
    internal static class CodeText
    {
        public const string GeneratedCodeAttribute = "[global::System.CodeDom.Compiler.GeneratedCode(\"RunComfy.SchemaClient.Generator\", \"1.0.0\")]";

        public static string Plural(int count, string noun) => count.ToString(CultureInfo.InvariantCulture) + " " + noun + (count == 1 ? string.Empty : "s");

        public static bool IsNullOrWhiteSpace(string? text) => text is null || text.Trim().Length == 0;
    }
}
