using Microsoft.AspNetCore.Http;

namespace RunComfy.Emulator.Endpoints;

/// <summary>Checks <c>Authorization: Bearer &lt;token&gt;</c>; the token identifies the user who owns requests.</summary>
internal sealed class Authenticator(EmulatorOptions options)
{
    /// <summary>The caller's token when it is one of the accepted ones; otherwise null and a reason (never the token itself).</summary>
    public string? Authenticate(HttpRequest request, out string problem)
    {
        problem = "";
        var header = request.Headers.Authorization.ToString();
        if (string.IsNullOrWhiteSpace(header))
        {
            problem = "Missing token: send 'Authorization: Bearer <token>'.";
            return null;
        }
        const string scheme = "Bearer ";
        if (!header.StartsWith(scheme, StringComparison.OrdinalIgnoreCase))
        {
            problem = "The Authorization header must use the Bearer scheme.";
            return null;
        }
        var token = header[scheme.Length..].Trim();
        if (token.Length > 0 && (token == options.Token || options.AdditionalTokens.Contains(token))) return token;
        problem = "The token is invalid, expired or revoked.";
        return null;
    }
}
