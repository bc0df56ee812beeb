using System.Globalization;
using System.Linq;
using System.Reflection;

namespace RunComfy.SchemaClient.Generator.Emitting
{
    /// <summary>
    /// Fixed text the emitters share. Schema text never goes through here: it goes through the function of
    /// its output context, <see cref="DocText"/>, <see cref="CommentText"/>, <see cref="Literal"/> or <see cref="Identifier"/>.
    /// </summary>
    internal static class CodeText
    {
        /// <summary>
        /// The generator's version: the package's, since the generator ships inside it and is built with the same
        /// <c>$(Version)</c> (Directory.Build.props). Read from the assembly's informational version without its
        /// <c>+commit</c> part, so generated code names the package version a user can look up.
        /// </summary>
        public static readonly string GeneratorVersion = ReadGeneratorVersion();

        public static readonly string GeneratedCodeAttribute = "[global::System.CodeDom.Compiler.GeneratedCode(\"RunComfy.SchemaClient.Generator\", \"" + GeneratorVersion + "\")]";

        public static string Plural(int count, string noun) => count.ToString(CultureInfo.InvariantCulture) + " " + noun + (count == 1 ? string.Empty : "s");

        public static bool IsNullOrWhiteSpace(string? text) => text is null || text.Trim().Length == 0;

        private static string ReadGeneratorVersion()
        {
            var assembly = typeof(CodeText).Assembly;
            var informational = assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion;
            var version = informational is null ? assembly.GetName().Version?.ToString(3) ?? "0.0.0" : informational.Split('+')[0];
            // It goes into a string literal: only the characters a SemVer version has.
            return version.All(c => (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '.' || c == '-') && version.Length > 0
                ? version
                : "0.0.0";
        }
    }
}
