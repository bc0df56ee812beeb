namespace RunComfy.SchemaClient.Tests.Hostile;

/// <summary>One request the <see cref="HostileServer"/> received, as it came over the socket.</summary>
/// <param name="Method">The HTTP method.</param>
/// <param name="Target">The request target (path and query, still escaped).</param>
/// <param name="Headers">Every header (names compared without case).</param>
/// <param name="Body">The body bytes.</param>
public sealed record HostileRequest(string Method, string Target, IReadOnlyDictionary<string, string> Headers, byte[] Body)
{
    /// <summary>The path without the query.</summary>
    public string Path => Target.Split('?', 2)[0];

    /// <summary>The Authorization header, when sent.</summary>
    public string? Authorization => Headers.GetValueOrDefault("Authorization");
}
