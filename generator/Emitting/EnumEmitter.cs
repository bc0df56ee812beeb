using System.Linq;
using System.Text;
using RunComfy.SchemaClient.Generator.Specs;

namespace RunComfy.SchemaClient.Generator.Emitting
{
    /// <summary>
    /// Writes one generated enum and its <c>...Values</c> class: <c>ToJsonValue()</c> (extension),
    /// <c>TryParse</c>, <c>IsDefined</c> and <c>All</c> (a string enum also gets the internal <c>TryParseUtf8</c> that
    /// <c>FromJson</c> uses). A string enum is a C# enum whose members keep their exact
    /// JSON value; an integer enum is a small struct (<see cref="IntegerEnumEmitter"/>) that converts from its number.
    /// </summary>
    internal static class EnumEmitter
    {
        /// <summary>The string enum's UTF-8 matcher, which generated <c>FromJson</c> passes to the body reader.</summary>
        public const string TryParseUtf8 = "TryParseUtf8";

        public static void Emit(SourceWriter w, ModelSpec model, EnumSpec spec, PropertySpec property)
        {
            // The declaration uses the short name; every use is fully qualified, since an enum named like a
            // member of its Values class (IsDefined, TryParse, ToJsonValue, All) would otherwise bind to that member.
            string declared = Identifier.Of(spec.TypeName);
            string type = TypeNames.Enum(model, spec);
            string values = Identifier.Of(spec.ValuesTypeName);
            w.Line("/// <summary>");
            w.Line("/// The allowed values of " + DocText.Code(spec.PropertyJsonName) + " (" + DocText.Inline(Label(property)) + ") for the model " + DocText.Code(model.ModelId) + ".");
            w.Line("/// </summary>");
            w.Line("/// <remarks>Convert to and from the JSON values with <see cref=\"" + values + "\"/>.</remarks>");
            w.Line(CodeText.GeneratedCodeAttribute);
            if (spec.IsString)
            {
                w.Open("public enum " + declared);
                foreach (EnumMemberSpec member in spec.Members)
                {
                    w.Doc("summary", "JSON value " + DocText.Code(Literal.String(member.Value)) + ".");
                    w.Line(Identifier.Of(member.Name) + ",");
                }

                w.Close();
            }
            else
            {
                IntegerEnumEmitter.Emit(w, spec, declared, type);
            }

            w.Line();

            w.Doc("summary", "Converts <see cref=\"" + type + "\"/> to and from its JSON values.");
            w.Line(CodeText.GeneratedCodeAttribute);
            w.Open("public static class " + values);
            w.Doc("summary", "Every value, in schema order.");
            w.Line("public static " + TypeNames.ReadOnlyList + "<" + type + "> All { get; } = new " + type + "[]");
            w.Open();
            foreach (EnumMemberSpec member in spec.Members)
            {
                w.Line(type + "." + Identifier.Of(member.Name) + ",");
            }

            w.Close("};");
            w.Line();

            string jsonType = spec.IsString ? "string" : "long";
            w.Doc("summary", "The exact JSON value of <paramref name=\"value\"/>.");
            w.Doc("param name=\"value\"", "A declared member.");
            w.Doc("returns", spec.IsString ? "The string sent on the wire." : "The integer sent on the wire.");
            w.Line("/// <exception cref=\"global::System.ArgumentOutOfRangeException\"><paramref name=\"value\"/> is not a declared member.</exception>");
            if (spec.IsString)
            {
                w.Line("public static " + jsonType + " ToJsonValue(this " + type + " value) => value switch");
                w.Open();
                foreach (EnumMemberSpec member in spec.Members)
                {
                    w.Line(type + "." + Identifier.Of(member.Name) + " => " + Literal.String(member.Value) + ",");
                }

                w.Line("_ => throw new global::System.ArgumentOutOfRangeException(nameof(value), value, \"Not a value of the schema's enum.\"),");
                w.Close("};");
            }
            else
            {
                w.Line("public static " + jsonType + " ToJsonValue(this " + type + " value) => IsDefined(value)");
                w.Line("    ? value.Value");
                w.Line("    : throw new global::System.ArgumentOutOfRangeException(nameof(value), value, \"Not a value of the schema's enum.\");");
            }

            w.Line();

            w.Doc("summary", "Finds the member whose JSON value is <paramref name=\"json\"/> (exact match).");
            w.Doc("param name=\"json\"", "The JSON value.");
            w.Doc("param name=\"value\"", "The member, when found.");
            w.Doc("returns", "True when <paramref name=\"json\"/> is an allowed value.");
            w.Line("public static bool TryParse(" + jsonType + (spec.IsString ? "?" : string.Empty) + " json, out " + type + " value)");
            w.Open();
            if (spec.IsString)
            {
                w.Line("switch (json)");
                w.Open();
                foreach (EnumMemberSpec member in spec.Members)
                {
                    w.Line("case " + Literal.String(member.Value) + ":");
                    w.Line("    value = " + type + "." + Identifier.Of(member.Name) + ";");
                    w.Line("    return true;");
                }

                w.Line("default:");
                w.Line("    value = default;");
                w.Line("    return false;");
                w.Close();
            }
            else
            {
                // A number outside int never matches a member of an int-valued enum, so the cast cannot wrap into one.
                w.Line("value = new " + type + "(" + (spec.IsInt64 ? "json" : "(int)json") + ");");
                w.Line("return " + (spec.IsInt64 ? string.Empty : "json == value.Value && ") + "IsDefined(value);");
            }

            w.Close();
            w.Line();

            if (spec.IsString)
            {
                EmitTryParseUtf8(w, spec, type);
            }

            w.Doc("summary", "True when <paramref name=\"value\"/> is a declared member (a cast can make any number an enum).");
            w.Doc("param name=\"value\"", "The value to check.");
            w.Doc("returns", "Whether the value is allowed.");
            if (spec.IsString)
            {
                // String enum members are numbered 0..N-1.
                w.Line("public static bool IsDefined(" + type + " value) => (uint)value < " + spec.Members.Count + ";");
            }
            else
            {
                w.Line("public static bool IsDefined(" + type + " value) => value.Value is " + string.Join(" or ", spec.Members.Select(m => Literal.Integer(m.Value))) + ";");
            }

            w.Close();
        }

        /// <summary>
        /// <c>TryParseUtf8</c>: a switch on the UTF-8 length, then the bytes (<c>"fast"u8</c>), so <c>FromJson</c>
        /// reads a member without making a string. Internal: only the record's <c>FromJson</c> calls it.
        /// </summary>
        private static void EmitTryParseUtf8(SourceWriter w, EnumSpec spec, string type)
        {
            // A value with a lone surrogate has no UTF-8 form; a body cannot hold it either (the reader refuses such text).
            var groups = spec.Members
                .Where(m => !SchemaTextEmitter.HasLoneSurrogate(m.Value))
                .GroupBy(m => Encoding.UTF8.GetByteCount(m.Value))
                .OrderBy(g => g.Key)
                .ToList();
            w.Doc("summary", "Finds the member whose JSON value has the UTF-8 bytes <paramref name=\"utf8\"/> (exact match, unescaped).");
            w.Doc("param name=\"utf8\"", "The JSON value as UTF-8.");
            w.Doc("param name=\"value\"", "The member, when found.");
            w.Doc("returns", "True when <paramref name=\"utf8\"/> is an allowed value.");
            w.Line("internal static bool " + TryParseUtf8 + "(global::System.ReadOnlySpan<byte> utf8, out " + type + " value)");
            w.Open();
            if (groups.Count > 0)
            {
                w.Line("switch (utf8.Length)");
                w.Open();
                foreach (var group in groups)
                {
                    w.Line("case " + Literal.Int(group.Key) + ":");
                    foreach (EnumMemberSpec member in group)
                    {
                        w.Line("    if (global::System.MemoryExtensions.SequenceEqual(utf8, " + Literal.String(member.Value) + "u8))");
                        w.Line("    {");
                        w.Line("        value = " + type + "." + Identifier.Of(member.Name) + ";");
                        w.Line("        return true;");
                        w.Line("    }");
                        w.Line();
                    }

                    w.Line("    break;");
                }

                w.Close();
                w.Line();
            }

            w.Line("value = default;");
            w.Line("return false;");
            w.Close();
            w.Line();
        }

        private static string Label(PropertySpec property) =>
            !CodeText.IsNullOrWhiteSpace(property.Title) ? property.Title!.Trim() : property.MemberName;
    }
}
