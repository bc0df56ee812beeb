namespace RunComfy.Emulator.Validation;

/// <summary>Fetches the bytes behind a media input so its <c>validations</c> can be checked.</summary>
internal interface IMediaSource
{
    /// <summary>The media, or why it could not be read, or <see cref="MediaFetch.Skipped"/> for URLs the emulator cannot reach.</summary>
    MediaFetch Fetch(string uri);
}
