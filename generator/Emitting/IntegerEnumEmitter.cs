using RunComfy.SchemaClient.Generator.Specs;

namespace RunComfy.SchemaClient.Generator.Emitting
{
    /// <summary>
    /// Writes the type of an integer enum: a readonly struct around the number rather than a C# enum, so that
    /// <c>Duration = 5</c> compiles (implicit conversion from the number) while the named members
    /// (<c>Value5</c>), <c>...Values.All</c> and <c>IsDefined</c> stay. A number that is not a member converts
    /// too, like a cast C# enum; <c>Validate()</c> reports it as <c>enum</c>.
    /// </summary>
    internal static class IntegerEnumEmitter
    {
        /// <summary>The number type: <c>long</c> when a value does not fit <c>int</c>.</summary>
        public static string ValueType(EnumSpec spec) => spec.IsInt64 ? "long" : "int";

        public static void Emit(SourceWriter w, EnumSpec spec, string declared, string type)
        {
            string number = ValueType(spec);
            w.Open("public readonly struct " + declared + " : global::System.IEquatable<" + type + ">");
            foreach (EnumMemberSpec member in spec.Members)
            {
                w.Doc("summary", "JSON value " + DocText.Code(member.Value) + ".");
                w.Line("public static " + type + " " + Identifier.Of(member.Name) + " => new " + type + "(" + Literal.Integer(member.Value) + ");");
                w.Line();
            }

            w.Doc("summary", "Wraps a number; <c>Validate()</c> reports one that is not an allowed value.");
            w.Doc("param name=\"value\"", "The number sent on the wire.");
            w.Line("public " + declared + "(" + number + " value) => Value = value;");
            w.Line();
            w.Doc("summary", "The number sent on the wire.");
            w.Line("public " + number + " Value { get; }");
            w.Line();
            w.Doc("summary", "Converts a number, so a property of this type takes a literal: <c>= 5</c>.");
            w.Doc("param name=\"value\"", "The number.");
            w.Line("public static implicit operator " + type + "(" + number + " value) => new " + type + "(value);");
            w.Line();
            w.Doc("summary", "The number sent on the wire.");
            w.Doc("param name=\"value\"", "The value.");
            w.Line("public static explicit operator " + number + "(" + type + " value) => value.Value;");
            w.Line();
            w.Doc("summary", "Whether two values carry the same number.");
            w.Doc("param name=\"left\"", "A value.");
            w.Doc("param name=\"right\"", "Another value.");
            w.Line("public static bool operator ==(" + type + " left, " + type + " right) => left.Value == right.Value;");
            w.Line();
            w.Doc("summary", "Whether two values carry different numbers.");
            w.Doc("param name=\"left\"", "A value.");
            w.Doc("param name=\"right\"", "Another value.");
            w.Line("public static bool operator !=(" + type + " left, " + type + " right) => left.Value != right.Value;");
            w.Line();
            w.Line("/// <inheritdoc/>");
            w.Line("public bool Equals(" + type + " other) => Value == other.Value;");
            w.Line();
            w.Line("/// <inheritdoc/>");
            w.Line("public override bool Equals(object? obj) => obj is " + type + " other && Equals(other);");
            w.Line();
            w.Line("/// <inheritdoc/>");
            w.Line("public override int GetHashCode() => Value.GetHashCode();");
            w.Line();
            w.Doc("summary", "The number, as sent on the wire.");
            w.Doc("returns", "The number in invariant culture.");
            w.Line("public override string ToString() => Value.ToString(global::System.Globalization.CultureInfo.InvariantCulture);");
            w.Close();
        }
    }
}
