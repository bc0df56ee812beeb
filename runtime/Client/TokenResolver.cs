namespace RunComfy.Client;

/// <summary>Finds the API token: given, else in the options, else <c>RUNCOMFY_API_TOKEN</c>, else <c>RUNCOMFY_TOKEN</c>.</summary>
internal static class TokenResolver
{
    public const string PrimaryVariable = "RUNCOMFY_API_TOKEN";
    public const string FallbackVariable = "RUNCOMFY_TOKEN";

    public static string Resolve(string? token, RunComfyClientOptions? options, Func<string, string?> environment)
    {
        var resolved = Pick(token) ?? Pick(options?.Token) ?? Pick(environment(PrimaryVariable)) ?? Pick(environment(FallbackVariable))
            ?? throw new InvalidOperationException(
                $"No RunComfy API token: pass one to the RunComfyClient constructor, set RunComfyClientOptions.Token, or set the {PrimaryVariable} (or {FallbackVariable}) environment variable.");

        // Never echo the value: a message with it would leak it into logs.
        if (resolved.Any(c => char.IsControl(c) || char.IsWhiteSpace(c)))
        {
            throw new ArgumentException("The RunComfy API token contains whitespace or control characters; check how it was copied.", nameof(token));
        }

        return resolved;
    }

    private static string? Pick(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
