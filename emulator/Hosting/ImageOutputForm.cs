namespace RunComfy.Emulator;

/// <summary>How a result's <c>output</c> lists generated images.</summary>
public enum ImageOutputForm
{
    /// <summary><c>image</c> when there is one, <c>images</c> when there are more.</summary>
    Auto,

    /// <summary>Always <c>image</c> (the first one).</summary>
    Image,

    /// <summary>Always <c>images</c>, even for one.</summary>
    Images,

    /// <summary>Both <c>image</c> (the first) and <c>images</c>.</summary>
    Both,
}
