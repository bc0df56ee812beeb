using System.Collections.Generic;
using RunComfy.SchemaClient.Generator.Diagnostics;
using RunComfy.SchemaClient.Generator.Specs;

namespace RunComfy.SchemaClient.Generator.Parsing
{
    /// <summary>
    /// Gives each property of one request a unique member name: never a member the record already
    /// has (reserved names get the suffix <c>Value</c>), never one an earlier property took (<c>_2</c>, <c>_3</c>...).
    /// </summary>
    internal sealed class MemberNamer
    {
        private static readonly string[] Reserved =
        {
            "ModelId", "Metadata", "Validate", "WriteJson", "ToJson", "FromJson", "GetMediaFields", "EqualityContract",
            "Equals", "GetHashCode", "ToString", "Deconstruct", "PrintMembers", "Clone", "GetType", "MemberwiseClone", "Finalize",
        };

        private readonly HashSet<string> _reserved;
        private readonly HashSet<string> _taken;
        private readonly Dictionary<string, string> _owners = new Dictionary<string, string>(System.StringComparer.Ordinal);

        public MemberNamer(string typeName)
        {
            _reserved = new HashSet<string>(Reserved, System.StringComparer.Ordinal) { typeName };
            _taken = new HashSet<string>(_reserved, System.StringComparer.Ordinal);
        }

        public string Name(string jsonName, JsonLocator locator, Newtonsoft.Json.Linq.JToken at, List<DiagnosticInfo> diagnostics)
        {
            string name = Naming.Identifier(jsonName);
            if (name.Length == 0)
            {
                name = Naming.Unique("Unnamed", _taken);
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.EmptyPropertyName, locator.Of(at), jsonName, name));
                return Take(jsonName, name);
            }

            if (Naming.IsKeyword(jsonName))
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.KeywordPropertyName, locator.Of(at), jsonName, name));
            }

            if (_reserved.Contains(name))
            {
                string renamed = Naming.Unique(name + "Value", _taken);
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.MemberNameClash, locator.Of(at), jsonName, name, "the request type already has", renamed));
                return Take(jsonName, renamed);
            }

            if (_taken.Contains(name))
            {
                string renamed = Naming.Unique(name, _taken);
                string reason = _owners.TryGetValue(name, out string? owner) ? "property '" + owner + "' already has" : "another member already has";
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.MemberNameClash, locator.Of(at), jsonName, name, reason, renamed));
                return Take(jsonName, renamed);
            }

            return Take(jsonName, name);
        }

        private string Take(string jsonName, string name)
        {
            _taken.Add(name);
            _owners[name] = jsonName;
            return name;
        }
    }
}
