namespace RunComfy.SchemaClient.Generator.Parsing
{
    /// <summary>Where a schema file stops being JSON (a character offset) and what was expected there, in plain words.</summary>
    internal sealed class JsonSyntaxError
    {
        public JsonSyntaxError(int offset, string message)
        {
            Offset = offset;
            Message = message;
        }

        public int Offset { get; }

        public string Message { get; }
    }
}
