using Microsoft.AspNetCore.Http;

namespace RunComfy.Emulator.Endpoints;

/// <summary>Absolute URLs on the address the caller used, so links work however the emulator is reached.</summary>
internal static class RequestAddress
{
    public static string Origin(HttpRequest request) => $"{request.Scheme}://{request.Host.Value}";

    public static string StatusUrl(HttpRequest request, string id) => $"{Origin(request)}/v1/requests/{id}/status";

    public static string ResultUrl(HttpRequest request, string id) => $"{Origin(request)}/v1/requests/{id}/result";

    public static string CancelUrl(HttpRequest request, string id) => $"{Origin(request)}/v1/requests/{id}/cancel";
}
