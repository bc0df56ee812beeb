using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using RunComfy.Emulator.Hosting;
using RunComfy.Emulator.Models;

namespace RunComfy.Emulator.Endpoints;

/// <summary><c>GET /v1/models</c> (limit, offset, search, category, kind, include_schema) and <c>GET /v1/models/{model_id}</c>.</summary>
internal sealed class ModelsEndpoint(EmulatorState state)
{
    private const int DefaultLimit = 50;
    private const int MaxLimit = 200;

    public ApiResponse List(HttpContext context)
    {
        if (Refuse(context.Request) is { } refusal) return refusal;
        var query = context.Request.Query;
        var limit = Math.Clamp(ReadInt(query["limit"], DefaultLimit), 0, MaxLimit);
        var offset = Math.Max(0, ReadInt(query["offset"], 0));
        var search = query["search"].ToString();
        var category = query["category"].ToString();
        var kind = query["kind"].ToString();
        var includeSchema = string.Equals(query["include_schema"].ToString(), "true", StringComparison.OrdinalIgnoreCase);

        var matches = state.Models.All.Where(m =>
            (search.Length == 0 || m.Id.Contains(search, StringComparison.OrdinalIgnoreCase) || m.DisplayName.Contains(search, StringComparison.OrdinalIgnoreCase))
            && (category.Length == 0 || string.Equals(m.Category, category, StringComparison.OrdinalIgnoreCase))
            && (kind.Length == 0 || string.Equals(m.KindName, kind, StringComparison.OrdinalIgnoreCase))).ToArray();

        var models = new JsonArray();
        foreach (var model in matches.Skip(offset).Take(limit)) models.Add(Describe(context.Request, model, includeSchema));
        return new ApiResponse(200, new JsonObject { ["models"] = models, ["total"] = matches.Length });
    }

    public ApiResponse Get(HttpContext context, string modelId)
    {
        if (Refuse(context.Request) is { } refusal) return refusal;
        return state.Models.Find(modelId) is { } model
            ? new ApiResponse(200, Describe(context.Request, model, includeSchema: true))
            : state.Errors.UnknownModel(modelId);
    }

    private ApiResponse? Refuse(HttpRequest request)
    {
        if (state.Auth.Authenticate(request, out var problem) is not null) return null;
        state.Stats.CountAuthFailure();
        return state.Errors.TokenProblem(problem);
    }

    private JsonObject Describe(HttpRequest request, EmulatedModel model, bool includeSchema)
    {
        var body = new JsonObject
        {
            ["model_id"] = model.Id,
            ["display_name"] = model.DisplayName,
            ["categories"] = new JsonArray(model.Category),
            ["kind"] = model.KindName,
            ["base_price_usd"] = state.Options.PricePerOutputUsd,
            ["price_unit"] = model.Kind == ModelKind.Image ? "per_image" : "per_request",
            ["required_inputs"] = new JsonArray(model.RequiredInputs.Select(r => (JsonNode?)JsonValue.Create(r)).ToArray()),
            ["model_url"] = $"{RequestAddress.Origin(request)}/models/{model.Id}",
        };
        if (includeSchema) body["input_schema"] = JsonNode.Parse(model.SchemaJson);
        return body;
    }

    private static int ReadInt(Microsoft.Extensions.Primitives.StringValues value, int fallback) =>
        int.TryParse(value.ToString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var parsed) ? parsed : fallback;
}
