using System.Globalization;
using System.Text;
using Microsoft.CodeAnalysis.CSharp;

namespace RunComfy.SchemaClient.Generator.Emitting
{
    /// <summary>
    /// The one way a schema-derived name becomes a C# identifier or a generated file's name. The naming rule
    /// (Parsing/Naming.cs) already builds names from letters, digits and <c>_</c>; this checks it again where
    /// the name is written, so no other character can ever reach code: a name outside the safe alphabet,
    /// a keyword, or one too long for metadata throws <see cref="UnwritableValueException"/>.
    /// </summary>
    internal static class Identifier
    {
        /// <summary>
        /// The longest identifier, in UTF-8 bytes. Metadata refuses a name of 1024 bytes or more (CS7013, and only
        /// when the assembly is emitted), and the compiler adds to some names (<c>&lt;Name&gt;k__BackingField</c>,
        /// <c>get_Name</c>), so half of it keeps every generated name safe.
        /// </summary>
        public const int MaxBytes = 512;

        /// <summary>The longest full type name (namespace included), in UTF-8 bytes: under the metadata limit of 1024.</summary>
        public const int MaxTypeNameBytes = 1000;

        /// <summary><paramref name="name"/> itself, once checked: a letter or <c>_</c>, then letters, decimal digits and <c>_</c>.</summary>
        public static string Of(string name)
        {
            if (name.Length == 0 || Encoding.UTF8.GetByteCount(name) > MaxBytes || !IsStart(name[0]) || SyntaxFacts.GetKeywordKind(name) != SyntaxKind.None)
            {
                throw Refused(name);
            }

            for (int i = 1; i < name.Length; i++)
            {
                if (!IsStart(name[i]) && CharUnicodeInfo.GetUnicodeCategory(name[i]) != UnicodeCategory.DecimalDigitNumber)
                {
                    throw Refused(name);
                }
            }

            return name;
        }

        /// <summary>A dotted namespace, each part checked by <see cref="Of"/>.</summary>
        public static string Namespace(string name)
        {
            foreach (string part in name.Split('.'))
            {
                Of(part);
            }

            return name;
        }

        /// <summary>The full name of a generated type, checked against the metadata limit.</summary>
        public static string TypeName(string ns, string type)
        {
            string full = Namespace(ns) + "." + Of(type);
            if (Encoding.UTF8.GetByteCount(full) > MaxTypeNameBytes)
            {
                throw new UnwritableValueException("the type name " + Literal.Shown(full) + " is longer than " + MaxTypeNameBytes + " bytes");
            }

            return full;
        }

        /// <summary>
        /// The hint name of a model's file, <c>Namespace.Type.g.cs</c>: ASCII letters, digits, <c>_</c> and
        /// <c>.</c> only (model ids are ASCII), unique without case thanks to the name check (NameResolver).
        /// </summary>
        public static string HintName(string ns, string type)
        {
            string full = TypeName(ns, type);
            foreach (char c in full)
            {
                if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '.'))
                {
                    throw Refused(full);
                }
            }

            return full + ".g.cs";
        }

        // Letters of every script are valid C#; format and combining characters are left out on purpose.
        private static bool IsStart(char c)
        {
            if (c == '_')
            {
                return true;
            }

            switch (CharUnicodeInfo.GetUnicodeCategory(c))
            {
                case UnicodeCategory.UppercaseLetter:
                case UnicodeCategory.LowercaseLetter:
                case UnicodeCategory.TitlecaseLetter:
                case UnicodeCategory.ModifierLetter:
                case UnicodeCategory.OtherLetter:
                    return true;
                default:
                    return false;
            }
        }

        private static UnwritableValueException Refused(string name) =>
            new UnwritableValueException("the name " + Literal.Shown(name) + " is not a safe C# identifier (letters, digits and '_', at most " + MaxBytes + " UTF-8 bytes, no keyword)");
    }
}
