namespace RunComfy;

public sealed partial class MediaInput
{
    // Set once a URL value passed ValidateUrl; a benign race only repeats the check.
    private bool _urlChecked;

    private const string FormatRule = "format";

    /// <summary>
    /// Checks what can be checked without I/O: a URL is absolute and HTTPS (plain HTTP only for loopback
    /// hosts, and only when created with <c>allowLoopbackHttp</c>); a <c>data:</c> URI has an image, video or audio type and valid base64; bytes are not empty.
    /// Called by generated <c>Validate()</c> code; the rules that need the content are checked by
    /// <see cref="RequestMediaValidation.ValidateAsync"/>.
    /// </summary>
    /// <param name="path">Where the value is in the request, e.g. <c>images[3]</c>.</param>
    /// <param name="errors">Receives one error per problem.</param>
    public void Validate(string path, ICollection<ValidationError> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        switch (Kind)
        {
            case MediaInputKind.Url when !_urlChecked:
                // The value never changes: once it passed, later checks skip the Uri parse (and its allocation).
                _urlChecked = ValidateUrl(path, errors);
                break;
            case MediaInputKind.DataUri:
                var problem = _dataUriError ?? _dataUri.Check(_url!, out _);
                if (problem is not null)
                {
                    errors.Add(new ValidationError(path, FormatRule, $"The data URI {problem}."));
                }

                break;
            case MediaInputKind.Bytes when _bytes.IsEmpty:
                errors.Add(new ValidationError(path, FormatRule, $"The {_bytesOrigin} content is empty."));
                break;
        }
    }

    /// <summary>True when the URL has no problem.</summary>
    private bool ValidateUrl(string path, ICollection<ValidationError> errors)
    {
        int before = errors.Count;
        var url = _url!;
        if (LooksLikePath(url) || !Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.IsFile || uri.IsUnc)
        {
            var hint = url.StartsWith("//", StringComparison.Ordinal)
                ? " It has no scheme (a protocol-relative URL): write it with https: in front."
                : LooksLikePath(url) || (Uri.TryCreate(url, UriKind.Absolute, out var fileUri) && fileUri.IsFile)
                    ? " It looks like a local file: use MediaInput.FromFile(path) to send it inline."
                    : "";
            errors.Add(new ValidationError(path, FormatRule, $"{DisplayName} is not an absolute HTTPS URL.{hint}"));
        }
        else if (uri.Scheme == Uri.UriSchemeHttp)
        {
            if (!(_allowLoopbackHttp && uri.IsLoopback))
            {
                var hint = uri.IsLoopback
                    ? " For a local test server, opt in with MediaInput.FromUrl(url, allowLoopbackHttp: true)."
                    : "";
                errors.Add(new ValidationError(
                    path,
                    FormatRule,
                    $"{DisplayName} is a plain HTTP URL; RunComfy fetches media only over HTTPS.{hint}"));
            }
        }
        else if (uri.Scheme != Uri.UriSchemeHttps)
        {
            errors.Add(new ValidationError(path, FormatRule, $"{DisplayName} uses the '{uri.Scheme}' scheme; RunComfy fetches media only over HTTPS."));
        }

        return errors.Count == before;
    }

    // A local path: absolute or relative (/, \\, ., ~) or a drive letter. A protocol-relative URL (//host/a.png) is not one.
    private static bool LooksLikePath(string value) =>
        value.Length > 0
        && ((value[0] is '/' && !value.StartsWith("//", StringComparison.Ordinal))
            || value[0] is '\\' or '.' or '~'
            || (value.Length > 2 && value[1] == ':' && value[2] is '\\' or '/'));
}
