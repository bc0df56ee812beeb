namespace RunComfy.Cli.Inputs;

/// <summary>One <c>--input key=value</c> as typed: the key and the raw text after the first <c>=</c>.</summary>
/// <param name="Key">The parameter name.</param>
/// <param name="Value">The raw value; <c>@path</c> names a local media file.</param>
internal sealed record InputAssignment(string Key, string Value)
{
    /// <summary>Splits <c>key=value</c> at the first <c>=</c> (values may contain <c>=</c>).</summary>
    public static bool TryParse(string text, out InputAssignment assignment, out string error)
    {
        var equals = text.IndexOf('=', StringComparison.Ordinal);
        if (equals <= 0)
        {
            assignment = new InputAssignment("", "");
            error = equals == 0
                ? $"'--input {text}' has no parameter name before '='."
                : $"'--input {text}' is not key=value (for example --input prompt=\"a cat\").";
            return false;
        }

        assignment = new InputAssignment(text[..equals].Trim(), text[(equals + 1)..]);
        error = "";
        return true;
    }
}
