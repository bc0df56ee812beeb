namespace RunComfy.Media.Headers;

/// <summary>An image's stored size, and how far into the file the parser had to look to know it.</summary>
/// <param name="Width">Width in pixels, at least 1.</param>
/// <param name="Height">Height in pixels, at least 1.</param>
/// <param name="HeaderEnd">The offset just past the last byte the size was read from: the least any reader must fetch.</param>
internal readonly record struct ImageDimensions(int Width, int Height, long HeaderEnd);
