using System.Collections.Generic;
using System.Globalization;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using RunComfy.SchemaClient.Generator.Diagnostics;
using RunComfy.SchemaClient.Generator.Specs;

namespace RunComfy.SchemaClient.Generator.Parsing
{
    /// <summary>
    /// Builds the enum of a string or integer property: members are the PascalCase of each value,
    /// <c>_</c> before a leading digit (<c>_2K</c>); integer members are <c>Value</c> and the number (<c>Value4</c>, <c>ValueMinus1</c>); clashes get <c>_2</c>, <c>_3</c>... and a warning.
    /// </summary>
    internal static class EnumBuilder
    {
        public static EnumSpec? Build(RawProperty raw, string typeName, bool isString, JsonLocator locator, List<DiagnosticInfo> diagnostics)
        {
            JArray values = raw.Enum!;
            var members = new List<EnumMemberSpec>();
            var taken = new HashSet<string>(System.StringComparer.Ordinal);
            var seen = new HashSet<string>(System.StringComparer.Ordinal);
            bool isInt64 = false;
            foreach (JToken value in values)
            {
                string text;
                string name;
                if (isString)
                {
                    if (value.Type != JTokenType.String)
                    {
                        diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.IgnoredKeyword, locator.Of(value), raw.Name, "enum value " + DiagnosticText.Quote(value.ToString(Formatting.None)) + " of a string property is not a string"));
                        return null;
                    }

                    text = (string)value!;
                    name = Naming.Identifier(text);
                    if (name.Length == 0)
                    {
                        name = text.Length == 0 ? "Empty" : "Value";
                    }
                }
                else
                {
                    // An integral float (2.0) is an integer; anything else, or beyond 64 bits, drops the enum.
                    if (!NumberValues.TryInt64(value, out long integer))
                    {
                        string problem = NumberValues.IsNumber(value)
                            ? NumberValues.Problem(value, integer: true)
                            : DiagnosticText.Quote(value.ToString(Formatting.None)) + " is not an integer";
                        diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.IgnoredKeyword, locator.Of(value), raw.Name, "enum value " + problem));
                        return null;
                    }

                    isInt64 |= integer < int.MinValue || integer > int.MaxValue;
                    text = integer.ToString(CultureInfo.InvariantCulture);
                    // Value5, ValueMinus1: readable, and never a digit first (an integer enum also converts from its number).
                    name = "Value" + (integer < 0 ? "Minus" + (-(decimal)integer).ToString(CultureInfo.InvariantCulture) : text);
                }

                if (!seen.Add(text))
                {
                    diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.DuplicateEnumValue, locator.Of(value), raw.Name, value.ToString(Formatting.None)));
                    continue;
                }

                string unique = Naming.Unique(name, taken);
                if (unique != name)
                {
                    diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.EnumMemberClash, locator.Of(value), value.ToString(Formatting.None), raw.Name, name, unique));
                }

                taken.Add(unique);
                members.Add(new EnumMemberSpec(unique, text));
            }

            return new EnumSpec(typeName, raw.Name, locator.Of(raw.Token), isString, isInt64, members.ToEquatableArray());
        }
    }
}
