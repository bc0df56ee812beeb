using System.Linq;

namespace RunComfy.SchemaClient.Generator.Parsing
{
    /// <summary>
    /// Model id -> names: <c>bytedance/seedream-4-0/edit</c> gives namespace <c>RunComfy.Models.Bytedance</c>
    /// and type <c>Seedream40EditRequest</c>.
    /// </summary>
    internal static class ModelIdParser
    {
        public const string RootNamespace = "RunComfy.Models";

        /// <summary>Backslashes become slashes and surrounding slashes go: MSBuild's RecursiveDir uses the OS separator.</summary>
        public static string Normalize(string modelId) => modelId.Replace('\\', '/').Trim().Trim('/');

        public static bool TryParse(string modelId, out string ns, out string rest, out string problem)
        {
            ns = rest = problem = string.Empty;
            string[] segments = modelId.Split('/');
            if (segments.Length < 2)
            {
                problem = "it needs at least two segments, owner/model";
                return false;
            }

            foreach (string segment in segments)
            {
                if (segment.Length == 0)
                {
                    problem = "it has an empty segment";
                    return false;
                }

                if (!segment.All(c => (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '.'))
                {
                    problem = "segments may hold only ASCII letters, digits, '-', '_' and '.'";
                    return false;
                }

                if (Naming.PascalCase(segment).Length == 0)
                {
                    problem = "the segment '" + segment + "' has no letter or digit";
                    return false;
                }
            }

            ns = RootNamespace + "." + Naming.Identifier(segments[0]);
            rest = Naming.Identifier(string.Join("/", segments.Skip(1)));
            return true;
        }
    }
}
