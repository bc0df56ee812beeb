using System.Globalization;
using System.Runtime.CompilerServices;

namespace RunComfy;

/// <summary>
/// The paths of array items (<c>images[2]</c>), made once per array path and index and then reused, so that
/// checking or reading the items of a valid request allocates no strings.
/// </summary>
internal static class ItemPaths
{
    // Items past this index get a new string each time: a long array must not grow the cache.
    private const int CachedItems = 32;

    // Keyed by the path string itself (generated code passes literals, the interpreter its property names):
    // a path that is no longer used lets its entry go.
    private static readonly ConditionalWeakTable<string, string?[]> Cache = new();

    public static string Get(string path, int index)
    {
        if ((uint)index >= CachedItems)
        {
            return Create(path, index);
        }

        string?[] paths = Cache.GetValue(path, static _ => new string?[CachedItems]);
        return paths[index] ??= Create(path, index);
    }

    private static string Create(string path, int index) => string.Create(CultureInfo.InvariantCulture, $"{path}[{index}]");
}
