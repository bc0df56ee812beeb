using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis.CSharp;
using RunComfy.Schema.Interpreted;

namespace RunComfy.SchemaClient.Generator.Parsing
{
    /// <summary>
    /// The one naming rule of generated code (names are public API, so it is documented in docs/generator.md):
    /// split the text on every character that is not a letter or digit, upper-case the first character of
    /// each part and join the parts; where one part ends with a digit and the next starts with one, put
    /// <c>_</c> between them, unless only <c>-</c> or <c>.</c> separate them (version numbers:
    /// <c>seedream-4-0</c> is <c>Seedream40</c>, <c>2048x2048 (1:1)</c> is <c>2048x2048_1_1</c>).
    /// The rule itself lives in the runtime's <c>NamingRule</c> (linked here) so models loaded at run time get the same names.
    /// </summary>
    internal static class Naming
    {
        public static string PascalCase(string text) => NamingRule.PascalCase(text);

        /// <summary>A C# identifier from the PascalCase of <paramref name="text"/>: <c>_</c> before a leading digit; empty when the text has no letter or digit.</summary>
        public static string Identifier(string text) => NamingRule.Identifier(text);

        /// <summary>A camelCase local variable name that cannot clash with a keyword or another local.</summary>
        public static string Local(string memberName) => "__" + memberName;

        public static bool IsKeyword(string name) => SyntaxFacts.GetKeywordKind(name) != SyntaxKind.None;

        /// <summary>
        /// The type name of a property's enum: <paramref name="rest"/> and <paramref name="member"/> joined, with the
        /// words the member name repeats from the end of the model name said once
        /// (<c>Seedream40EditSequential</c> + <c>SequentialImageGenerationOptions</c> is
        /// <c>Seedream40EditSequentialImageGenerationOptions</c>). At least one word of the member is always kept.
        /// In the runtime's <c>NamingRule</c>, so models loaded at run time check the same enum type names (RCS0022).
        /// </summary>
        public static string EnumTypeName(string rest, string member) => NamingRule.EnumTypeName(rest, member);

        /// <summary>Gives <paramref name="name"/>, or the first of <c>name_2</c>, <c>name_3</c>... not yet in <paramref name="taken"/>.</summary>
        public static string Unique(string name, ISet<string> taken) => NamingRule.Unique(name, taken);
    }
}
