namespace RunComfy.Cli.Inputs;

/// <summary>What kind of problem an input has; it decides the exit code.</summary>
internal enum InputProblemKind
{
    /// <summary>A value that does not fit its parameter (exit 65).</summary>
    Invalid,

    /// <summary>A local file that does not exist (exit 66).</summary>
    MissingFile,

    /// <summary>An <c>--input</c> that is not <c>key=value</c> (exit 64).</summary>
    Usage,
}

/// <summary>One problem found while turning the command line into a request body.</summary>
/// <param name="Path">The parameter (or item) it concerns.</param>
/// <param name="Message">What is wrong, in words a user can act on.</param>
/// <param name="Kind">Which kind of problem.</param>
internal sealed record InputProblem(string Path, string Message, InputProblemKind Kind)
{
    public override string ToString() => Path.Length == 0 ? Message : $"{Path}: {Message}";
}
