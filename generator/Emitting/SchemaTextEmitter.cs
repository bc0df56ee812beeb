namespace RunComfy.SchemaClient.Generator.Emitting
{
    /// <summary>
    /// The schema text of a model, stored once: a UTF-8 literal (<c>"..."u8</c>, data in the assembly, half the
    /// size of a UTF-16 string for ASCII text), from which <c>ModelInfo.SchemaJson</c> makes its string on first use.
    /// A string constant used by a method would be stored twice (the constant and the method's string literal).
    /// </summary>
    internal static class SchemaTextEmitter
    {
        /// <summary>The member that holds the text.</summary>
        public static void EmitMember(SourceWriter w, string schemaJson)
        {
            if (HasLoneSurrogate(schemaJson))
            {
                // A UTF-8 literal cannot hold a lone surrogate (the compiler refuses it): one ordinary literal instead.
                w.Line("private static string __SchemaJson() => " + Literal.String(schemaJson) + ";");
            }
            else
            {
                w.Line("private static global::System.ReadOnlySpan<byte> __SchemaUtf8 => " + Literal.String(schemaJson) + "u8;");
                w.Line();
                w.Line("private static string __SchemaJson() => global::System.Text.Encoding.UTF8.GetString(__SchemaUtf8);");
            }
        }

        /// <summary>True when <paramref name="text"/> has a surrogate without its pair (no UTF-8 form; a <c>u8</c> literal refuses it).</summary>
        internal static bool HasLoneSurrogate(string text)
        {
            for (int i = 0; i < text.Length; i++)
            {
                if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
                {
                    i++;
                }
                else if (char.IsSurrogate(text[i]))
                {
                    return true;
                }
            }

            return false;
        }
    }
}
