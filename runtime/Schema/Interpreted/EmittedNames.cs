using System.Globalization;
using System.Text;

namespace RunComfy.Schema.Interpreted;

/// <summary>
/// The names the generator would write for a model (namespace, request type, enum types and their <c>Values</c>
/// types, members with the <c>__member</c> local and the <c>__memberRules</c> and <c>__memberAllowed</c> fields derived from them, enum members), checked by its <c>Identifier</c> rule: a letter or <c>_</c>, then letters,
/// digits and <c>_</c>, at most <see cref="MaxBytes"/> UTF-8 bytes, and a full type name of at most
/// <see cref="MaxTypeNameBytes"/>. Where one fails, the generator refuses the model with RCS0022; so does
/// <see cref="ModelInfo.FromSchema"/>, with the same message for the first name that fails.
/// </summary>
internal sealed class EmittedNames
{
    /// <summary>The generator's <c>Identifier.MaxBytes</c>: half the metadata limit, for the names the compiler derives.</summary>
    public const int MaxBytes = 512;

    /// <summary>The generator's <c>Identifier.MaxTypeNameBytes</c>.</summary>
    public const int MaxTypeNameBytes = 1000;

    private const string RootNamespace = "RunComfy.Models";

    private readonly string _namespace;
    private readonly string _rest;
    private readonly List<string> _members = [];
    private readonly List<string> _locals = [];
    private readonly List<string> _mediaRuleFields = [];
    private readonly List<string> _allowedFields = [];
    private readonly List<(string Member, bool IsString)> _enums = [];
    private readonly List<string> _enumMembers = [];

    public EmittedNames(string owner, string rest)
    {
        _namespace = RootNamespace + "." + NamingRule.Identifier(owner);
        _rest = rest;
    }

    /// <summary>
    /// A property's member, and the names generated code derives from it: its local when read, its media rules field,
    /// and the field of the values its number enum or item enum allows (the generator's <c>ValidationCalls.AllowedValuesField</c>).
    /// </summary>
    public void AddMember(string memberName, bool isMedia, bool hasAllowedValues = false)
    {
        if (isMedia)
        {
            _mediaRuleFields.Add("__" + memberName + "Rules");
        }

        if (hasAllowedValues)
        {
            _allowedFields.Add("__" + memberName + "Allowed");
        }

        _members.Add(memberName);
        _locals.Add("__" + memberName);
    }

    public void AddEnum(string memberName, bool isString, IEnumerable<string> memberNames)
    {
        _enums.Add((memberName, isString));
        _enumMembers.AddRange(memberNames);
    }

    /// <summary>The generator's RCS0022 reason for the first name that cannot be written; null when all can.</summary>
    public string? Problem()
    {
        string typeName = _rest + "Request";
        var typeNames = new List<string> { typeName };
        foreach (string enumType in EnumTypeNames())
        {
            typeNames.Add(enumType);
            typeNames.Add(enumType + "Values");
        }

        foreach (string name in _namespace.Split('.').Concat(typeNames).Concat(_mediaRuleFields).Concat(_allowedFields).Concat(_members).Concat(_locals).Concat(_enumMembers))
        {
            if (!IsIdentifier(name))
            {
                return "the name " + Shown(name) + " is not a safe C# identifier (letters, digits and '_', at most " + MaxBytes.ToString(CultureInfo.InvariantCulture) + " UTF-8 bytes, no keyword)";
            }
        }

        foreach (string name in typeNames)
        {
            string full = _namespace + "." + name;
            if (Encoding.UTF8.GetByteCount(full) > MaxTypeNameBytes)
            {
                return "the type name " + Shown(full) + " is longer than " + MaxTypeNameBytes.ToString(CultureInfo.InvariantCulture) + " bytes";
            }
        }

        return null;
    }

    /// <summary>
    /// The generator's enum type names: the model and member names joined, or the shorter name of the naming rule
    /// unless another enum of the model already has it (ignoring case). An integer enum is a struct, so its name
    /// cannot be one of its members' (<c>Equals</c>...).
    /// </summary>
    private List<string> EnumTypeNames()
    {
        List<string> names = [.. _enums.Select(e => StructSafe(_rest + e.Member, e.IsString))];
        var taken = new HashSet<string>(names, StringComparer.OrdinalIgnoreCase);
        for (int i = 0; i < _enums.Count; i++)
        {
            string shorter = StructSafe(NamingRule.EnumTypeName(_rest, _enums[i].Member), _enums[i].IsString);
            if (shorter != names[i] && taken.Add(shorter))
            {
                names[i] = shorter;
            }
        }

        return names;
    }

    private static string StructSafe(string name, bool isString) =>
        !isString && name is "Equals" or "GetHashCode" or "ToString" ? name + "Value" : name;

    private static bool IsIdentifier(string name)
    {
        if (name.Length == 0 || Encoding.UTF8.GetByteCount(name) > MaxBytes || !IsStart(name[0]))
        {
            return false;
        }

        for (int i = 1; i < name.Length; i++)
        {
            if (!IsStart(name[i]) && CharUnicodeInfo.GetUnicodeCategory(name[i]) != UnicodeCategory.DecimalDigitNumber)
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsStart(char c) => c == '_' || CharUnicodeInfo.GetUnicodeCategory(c) is
        UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter or UnicodeCategory.TitlecaseLetter
        or UnicodeCategory.ModifierLetter or UnicodeCategory.OtherLetter;

    /// <summary>The generator's <c>Literal.Shown</c> for a name: cut to 60 characters, quoted, a surrogate cut in half escaped.</summary>
    private static string Shown(string name)
    {
        string cut = name.Length > 60 ? name[..60] + "\u2026" : name;
        var text = new StringBuilder("\"", cut.Length + 8);
        for (int i = 0; i < cut.Length; i++)
        {
            char c = cut[i];
            bool paired = char.IsHighSurrogate(c) ? i + 1 < cut.Length && char.IsLowSurrogate(cut[i + 1])
                : char.IsLowSurrogate(c) && i > 0 && char.IsHighSurrogate(cut[i - 1]);
            if (char.IsSurrogate(c) && !paired)
            {
                text.Append("\\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
            }
            else
            {
                text.Append(c);
            }
        }

        return text.Append('"').ToString();
    }
}
