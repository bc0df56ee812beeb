using System.Collections.Generic;
using RunComfy.Media.Rules;

namespace RunComfy.SchemaClient.Generator.Parsing
{
    /// <summary>
    /// The <c>validations</c> rules the runtime knows how to check: exactly those of <see cref="MediaRuleGrammar"/>,
    /// the runtime's own grammar file compiled into the generator too. Others still become data, with a warning.
    /// </summary>
    internal static class MediaRules
    {
        public static readonly ISet<string> Known = new HashSet<string>(MediaRuleGrammar.KnownRules, System.StringComparer.Ordinal);
    }
}
