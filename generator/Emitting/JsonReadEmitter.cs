using System.Linq;
using System.Text;
using RunComfy.SchemaClient.Generator.Specs;

namespace RunComfy.SchemaClient.Generator.Emitting
{
    /// <summary>
    /// Writes <c>FromJson</c>: one forward pass of <c>RunComfy.Metadata.RequestBodyReader</c> over the body's UTF-8,
    /// each property name matched by its UTF-8 length and bytes (<c>"prompt"u8</c>), one state byte per property
    /// (on the stack) for duplicates and required fields. The reader reports every problem as the interpreter's
    /// reader does; it allocates nothing but the values on a valid body.
    /// </summary>
    internal static class JsonReadEmitter
    {
        private const string Reader = "global::RunComfy.Metadata.RequestBodyReader";

        // Past this many properties the state bytes go on the heap rather than the stack.
        private const int MaxStackStates = 512;

        public static void Emit(SourceWriter w, ModelSpec model, string self)
        {
            w.Doc("summary", "Parses a request body. Unknown fields, mistyped values, bad enum values and missing required fields are all reported in one exception.");
            w.Doc("param name=\"json\"", "The JSON object.");
            w.Doc("returns", "The request.");
            w.Line("/// <exception cref=\"global::RunComfy.RequestJsonException\">The JSON does not match the schema; every problem is listed.</exception>");
            w.Line("public static " + self + " FromJson(string json)");
            w.Open();
            int count = model.Properties.Count;
            string states = count == 0 ? "default"
                : count <= MaxStackStates ? "stackalloc byte[" + Literal.Int(count) + "]"
                : "new byte[" + Literal.Int(count) + "]";
            w.Line("var __reader = new " + Reader + "(__ModelId, json, " + states + ");");
            w.Line("try");
            w.Open();
            foreach (PropertySpec property in model.Properties)
            {
                w.Line(TypeNames.Value(model, property) + "? " + ModelEmitter.Local(property) + " = null;");
            }

            w.Line("while (__reader.NextProperty())");
            w.Open();
            EmitNameSwitch(w, model);
            w.Line();
            w.Line("__reader.Unknown();");
            w.Close();
            w.Line();
            for (int i = 0; i < count; i++)
            {
                PropertySpec property = model.Properties[i];
                if (property.Required)
                {
                    w.Line("__reader.Required(" + Literal.Int(i) + ", " + Literal.String(property.JsonName) + ", " + ModelEmitter.Local(property) + " is not null);");
                }
            }

            w.Line("__reader.ThrowIfErrors();");
            w.Line("return new " + self);
            w.Open();
            foreach (PropertySpec property in model.Properties)
            {
                string value = !property.Required ? ModelEmitter.Local(property)
                    : TypeNames.IsValueType(property) ? ModelEmitter.Local(property) + ".GetValueOrDefault()"
                    : ModelEmitter.Local(property) + "!";
                w.Line(ModelEmitter.Member(property) + " = " + value + ",");
            }

            w.Close("};");
            w.Close();
            w.Line("catch (global::System.Text.Json.JsonException __e)");
            w.Open();
            // Broken JSON is the only problem reported, as when the whole text is parsed before anything is read.
            w.Line("throw __reader.InvalidJson(__e);");
            w.Close();
            w.Line("finally");
            w.Open();
            w.Line("__reader.Dispose();");
            w.Close();
            w.Close();
            w.Line();
        }

        /// <summary>A switch on the name's UTF-8 length, then its bytes; a match reads the value and goes on to the next property.</summary>
        private static void EmitNameSwitch(SourceWriter w, ModelSpec model)
        {
            // A name with a lone surrogate has no UTF-8 form; a body cannot name it either (the reader reports such names).
            var groups = model.Properties
                .Select((property, index) => (property, index))
                .Where(p => !SchemaTextEmitter.HasLoneSurrogate(p.property.JsonName))
                .GroupBy(p => Encoding.UTF8.GetByteCount(p.property.JsonName))
                .OrderBy(g => g.Key)
                .ToList();
            if (groups.Count == 0)
            {
                return;
            }

            w.Line("global::System.ReadOnlySpan<byte> __name = __reader.Name;");
            w.Line("switch (__name.Length)");
            w.Open();
            foreach (var group in groups)
            {
                w.Line("case " + Literal.Int(group.Key) + ":");
                foreach (var (property, index) in group)
                {
                    string name = Literal.String(property.JsonName);
                    w.Line("    if (global::System.MemoryExtensions.SequenceEqual(__name, " + name + "u8))");
                    w.Line("    {");
                    w.Line("        if (__reader.Claim(" + Literal.Int(index) + ", " + name + "))");
                    w.Line("        {");
                    w.Line("            " + ModelEmitter.Local(property) + " = __reader." + ReadCall(model, property, name) + ";");
                    w.Line("        }");
                    w.Line();
                    w.Line("        continue;");
                    w.Line("    }");
                    w.Line();
                }

                w.Line("    break;");
            }

            w.Close();
        }

        private static string ReadCall(ModelSpec model, PropertySpec property, string name)
        {
            if (property.IsArray)
            {
                return "Read" + ModelEmitter.ListName(property.Kind) + "List(" + name + ")";
            }

            switch (property.Kind)
            {
                case ValueKind.String: return "ReadString(" + name + ")";
                case ValueKind.Media: return "ReadMedia(" + name + ")";
                case ValueKind.Int32: return "ReadInt32(" + name + ")";
                case ValueKind.Int64: return "ReadInt64(" + name + ")";
                case ValueKind.Double: return "ReadDouble(" + name + ")";
                case ValueKind.Boolean: return "ReadBoolean(" + name + ")";
                case ValueKind.Enum:
                    EnumSpec spec = model.Enums[property.EnumIndex];
                    // A string enum is matched on the value's UTF-8 bytes: a member costs no string.
                    return "Read" + (spec.IsString ? "String" : "Integer") + "Enum<" + TypeNames.Enum(model, spec) + ">(" + name + ", "
                        + TypeNames.EnumValues(model, spec) + (spec.IsString ? "." + EnumEmitter.TryParseUtf8 + ")" : ".TryParse)");
                default: return "ReadJson(" + name + ")";
            }
        }
    }
}
