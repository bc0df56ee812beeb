using System.Globalization;
using System.Text;
using RunComfy.Client.Wire;

namespace RunComfy.Client.Catalog;

/// <summary>The catalog's URLs, built from the client's own base address (never from a server's URL).</summary>
internal static class CatalogEndpoints
{
    public static Uri List(Uri baseAddress, ModelListOptions options, int offset)
    {
        var query = new StringBuilder("v1/models?limit=").Append(options.PageSize.ToString(CultureInfo.InvariantCulture))
            .Append("&offset=").Append(offset.ToString(CultureInfo.InvariantCulture));
        Append(query, "search", options.Search);
        Append(query, "category", options.Category);
        Append(query, "kind", options.Kind);
        if (options.IncludeSchema)
        {
            query.Append("&include_schema=true");
        }

        return new Uri(baseAddress, query.ToString());
    }

    /// <summary><c>GET /v1/models/{model_id}</c>; the id was checked by <see cref="RunComfyEndpoints.ValidateModelId"/>.</summary>
    public static Uri Model(Uri baseAddress, string modelId) => new(baseAddress, "v1/models/" + modelId);

    private static void Append(StringBuilder query, string name, string? value)
    {
        if (!string.IsNullOrWhiteSpace(value))
        {
            query.Append('&').Append(name).Append('=').Append(Uri.EscapeDataString(value.Trim()));
        }
    }
}
