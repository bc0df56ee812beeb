namespace RunComfy.Emulator.Validation;

/// <summary>The outcome of fetching one media input.</summary>
internal readonly record struct MediaFetch(byte[]? Bytes, string? Problem)
{
    /// <summary>Not checked: a URL elsewhere on the internet (the emulator has no network).</summary>
    public static MediaFetch Skipped => new(null, null);

    public static MediaFetch Found(byte[] bytes) => new(bytes, null);

    public static MediaFetch Failed(string problem) => new(null, problem);
}
