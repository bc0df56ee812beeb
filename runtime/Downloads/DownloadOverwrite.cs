namespace RunComfy;

/// <summary>What a download does when its file name is already taken in the target folder.</summary>
public enum DownloadOverwrite
{
    /// <summary>Keep the existing file; the new one gets a suffix (<c>out.png</c>, then <c>out-1.png</c>, <c>out-2.png</c>...). The default.</summary>
    KeepBoth = 0,

    /// <summary>Replace the existing file, atomically, once the new one is complete.</summary>
    Replace = 1,

    /// <summary>Fail with a <see cref="RunComfyDownloadException"/> before anything is fetched.</summary>
    Fail = 2,
}
