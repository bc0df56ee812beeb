namespace RunComfy;

/// <summary>Filters and paging of <see cref="RunComfyClient.ListModelsAsync"/>; null filters are not sent.</summary>
public sealed class ModelListOptions
{
    /// <summary>The largest page the client asks for.</summary>
    public const int MaxPageSize = 200;

    /// <summary>Text the server looks for in ids and names (<c>search</c>).</summary>
    public string? Search { get; set; }

    /// <summary>Only models in this category (<c>category</c>), e.g. <c>text-to-video</c>.</summary>
    public string? Category { get; set; }

    /// <summary>Only models of this kind (<c>kind</c>), e.g. <c>image</c>, <c>video</c>, <c>audio</c>.</summary>
    public string? Kind { get; set; }

    /// <summary>Models asked for per page (<c>limit</c>), 1 to <see cref="MaxPageSize"/>; default 50.</summary>
    public int PageSize { get; set; } = 50;

    /// <summary>Asks for every model's input schema too (<c>include_schema=true</c>): bigger pages, no second call per model.</summary>
    public bool IncludeSchema { get; set; }

    internal void Validate()
    {
        if (PageSize is < 1 or > MaxPageSize)
        {
            throw new ArgumentOutOfRangeException(nameof(PageSize), PageSize, $"{nameof(PageSize)} must be between 1 and {MaxPageSize}.");
        }
    }
}
