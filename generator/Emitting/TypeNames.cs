using RunComfy.SchemaClient.Generator.Specs;

namespace RunComfy.SchemaClient.Generator.Emitting
{
    /// <summary>The C# type of each property, fully qualified so no schema name can shadow it.</summary>
    internal static class TypeNames
    {
        public const string MediaInput = "global::RunComfy.MediaInput";
        public const string JsonElement = "global::System.Text.Json.JsonElement";
        public const string ReadOnlyList = "global::System.Collections.Generic.IReadOnlyList";

        /// <summary>The runtime helper behind a request's <c>ToString()</c> (plumbing: <c>RunComfy.Metadata</c>).</summary>
        public const string RequestPrinter = "global::RunComfy.Metadata.RequestPrinter";

        public static string Enum(ModelSpec model, EnumSpec spec) => "global::" + Identifier.TypeName(model.Namespace, spec.TypeName);

        /// <summary>The class that converts an enum to and from JSON (<c>...Values</c>).</summary>
        public static string EnumValues(ModelSpec model, EnumSpec spec) => "global::" + Identifier.TypeName(model.Namespace, spec.ValuesTypeName);

        public static string Element(ModelSpec model, PropertySpec property)
        {
            switch (property.Kind)
            {
                case ValueKind.String: return "string";
                case ValueKind.Media: return MediaInput;
                case ValueKind.Int32: return "int";
                case ValueKind.Int64: return "long";
                case ValueKind.Double: return "double";
                case ValueKind.Boolean: return "bool";
                case ValueKind.Enum: return Enum(model, model.Enums[property.EnumIndex]);
                default: return JsonElement;
            }
        }

        /// <summary>The type without nullability: <c>string</c>, <c>IReadOnlyList&lt;MediaInput&gt;</c>...</summary>
        public static string Value(ModelSpec model, PropertySpec property) =>
            property.IsArray ? ReadOnlyList + "<" + Element(model, property) + ">" : Element(model, property);

        /// <summary>The member's type: required members are non-nullable, optional ones nullable.</summary>
        public static string Member(ModelSpec model, PropertySpec property) =>
            property.Required ? Value(model, property) : Value(model, property) + "?";

        public static bool IsValueType(PropertySpec property) =>
            !property.IsArray && property.Kind != ValueKind.String && property.Kind != ValueKind.Media;
    }
}
