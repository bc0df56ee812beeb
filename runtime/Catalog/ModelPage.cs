namespace RunComfy;

/// <summary>One page of the catalog (<c>GET /v1/models</c>): its models and where the next page starts.</summary>
public sealed record ModelPage
{
    /// <summary>The models of this page, in the server's order.</summary>
    public required IReadOnlyList<CatalogModel> Models { get; init; }

    /// <summary>How many models match the filters in all; null when the server did not say.</summary>
    public int? Total { get; init; }

    /// <summary>The offset this page was asked for.</summary>
    public int Offset { get; init; }

    /// <summary>The offset of the next page; null when this is the last one.</summary>
    public int? NextOffset { get; init; }
}
