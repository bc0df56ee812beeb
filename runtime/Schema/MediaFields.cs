using System.ComponentModel;
namespace RunComfy.Metadata;

/// <summary>Builds the list generated <c>GetMediaFields()</c> methods return.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class MediaFields
{
    /// <summary>Adds a single media value, when it is set.</summary>
    public static void Add(List<MediaField> fields, string path, MediaInput? media, IReadOnlyList<MediaRule> rules)
    {
        ArgumentNullException.ThrowIfNull(fields);
        if (media is not null)
        {
            fields.Add(new MediaField(path, media, rules));
        }
    }

    /// <summary>Adds each item of a media array, with paths such as <c>images[2]</c>.</summary>
    public static void Add(List<MediaField> fields, string path, IReadOnlyList<MediaInput>? media, IReadOnlyList<MediaRule> rules)
    {
        ArgumentNullException.ThrowIfNull(fields);
        if (media is null)
        {
            return;
        }

        for (int i = 0; i < media.Count; i++)
        {
            if (media[i] is MediaInput item)
            {
                fields.Add(new MediaField($"{path}[{i}]", item, rules));
            }
        }
    }
}
