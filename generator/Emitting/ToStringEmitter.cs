using RunComfy.SchemaClient.Generator.Specs;

namespace RunComfy.SchemaClient.Generator.Emitting
{
    /// <summary>
    /// Writes the request record's <c>PrintMembers</c>, which the compiler's <c>ToString()</c> calls: each
    /// member through <c>RequestPrinter</c>, so lists print item by item, media and strings briefly, enums by
    /// their JSON value, unset optional members not at all, and the whole text stays bounded.
    /// </summary>
    internal static class ToStringEmitter
    {
        public static void Emit(SourceWriter w, ModelSpec model)
        {
            // A sealed record's PrintMembers is private; the compiler's ToString() calls this one instead of its own.
            w.Line("private bool PrintMembers(global::System.Text.StringBuilder builder)");
            w.Open();
            w.Line("var __printer = new " + TypeNames.RequestPrinter + "(builder);");
            foreach (PropertySpec property in model.Properties)
            {
                w.Line("__printer." + Call(model, property) + ";");
            }

            w.Line("return __printer.Done();");
            w.Close();
            w.Line();
        }

        private static string Call(ModelSpec model, PropertySpec property)
        {
            string name = Literal.String(property.MemberName);
            string value = Identifier.Of(property.MemberName);
            string required = property.Required ? ", required: true" : string.Empty;
            if (property.IsArray)
            {
                return "List(" + name + ", " + value + required + ")";
            }

            switch (property.Kind)
            {
                case ValueKind.String: return "String(" + name + ", " + value + required + ")";
                case ValueKind.Media: return "Media(" + name + ", " + value + required + ")";
                case ValueKind.Boolean: return "Boolean(" + name + ", " + value + required + ")";
                case ValueKind.Json: return "Json(" + name + ", " + value + required + ")";
                case ValueKind.Enum:
                    EnumSpec spec = model.Enums[property.EnumIndex];
                    string values = TypeNames.EnumValues(model, spec);
                    return "Enum<" + TypeNames.Enum(model, spec) + ">(" + name + ", " + value + ", " + values + ".IsDefined, " + values + ".ToJsonValue" + required + ")";
                default: return "Number(" + name + ", " + value + required + ")";
            }
        }
    }
}
