using Microsoft.AspNetCore.Http;
using RunComfy.Emulator.Files;
using RunComfy.Emulator.Validation;

namespace RunComfy.Emulator.Endpoints;

/// <summary>
/// Media the emulator can read without a network: data: URIs, and URLs of files it serves itself
/// (on the caller's address or its own). Any other URL is skipped.
/// </summary>
internal sealed class OwnMediaSource(HttpRequest request, Uri? baseAddress, FileStore files) : IMediaSource
{
    public MediaFetch Fetch(string uri)
    {
        if (DataUri.IsDataUri(uri)) return DataUri.Decode(uri);
        if (!Uri.TryCreate(uri, UriKind.Absolute, out var url)) return MediaFetch.Skipped;
        if (!IsOwnAuthority(url)) return MediaFetch.Skipped;
        return files.Find(url.AbsolutePath) is { } file
            ? MediaFetch.Found(file.Content)
            : MediaFetch.Failed($"The media URL answers 404: nothing is served at {url.AbsolutePath}.");
    }

    private bool IsOwnAuthority(Uri url)
    {
        if (string.Equals(url.Authority, request.Host.Value, StringComparison.OrdinalIgnoreCase)) return true;
        return baseAddress is not null && string.Equals(url.Authority, baseAddress.Authority, StringComparison.OrdinalIgnoreCase);
    }
}
