namespace RunComfy;

/// <summary>A media value of a request and the <c>validations</c> rules it must satisfy.</summary>
/// <param name="Path">Where the value is: <c>image</c>, or <c>images[3]</c> for an array item.</param>
/// <param name="Media">The value.</param>
/// <param name="Rules">The rules for it; empty when the schema states none.</param>
public sealed record MediaField(string Path, MediaInput Media, IReadOnlyList<MediaRule> Rules);
