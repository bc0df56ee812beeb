using System.Globalization;
using System.Text.Json;

namespace RunComfy.Cli.Models;

/// <summary>
/// Input schemas of models loaded at run time, kept in the CLI's data folder (beside the journal) as
/// <c>schemas/&lt;model_id&gt;.json</c>: the API address they came from, when they were fetched, and the schema.
/// An entry is used for a day, and only for the API it came from.
/// </summary>
internal sealed class SchemaCache
{
    /// <summary>How long a fetched schema is used before it is fetched again.</summary>
    public static readonly TimeSpan MaxAge = TimeSpan.FromDays(1);

    private readonly string _folder;
    private readonly TimeProvider _clock;

    public SchemaCache(string dataDirectory, TimeProvider? clock = null)
    {
        _folder = Path.Combine(dataDirectory, "schemas");
        _clock = clock ?? TimeProvider.System;
    }

    /// <summary>The file of one model; null for an id that is not a safe relative path (only the model id rule's characters, no dot-only segment).</summary>
    public string? PathOf(string modelId)
    {
        string[] segments = modelId.Split('/');
        if (segments.Length < 2 || segments.Any(s => s.Length == 0 || s.All(c => c == '.') || !s.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.')))
        {
            return null;
        }

        return Path.Combine([_folder, .. segments[..^1], segments[^1] + ".json"]);
    }

    /// <summary>The cached schema when it is fresh and came from <paramref name="baseAddress"/>; null otherwise.</summary>
    public string? TryGetFresh(string modelId, Uri baseAddress)
    {
        if (PathOf(modelId) is not { } path || !File.Exists(path))
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(File.ReadAllBytes(path));
            var root = document.RootElement;
            if (root.GetProperty("base_address").GetString() != baseAddress.ToString()
                || !DateTimeOffset.TryParse(root.GetProperty("fetched_at").GetString(), CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var fetchedAt))
            {
                return null;
            }

            var age = _clock.GetUtcNow() - fetchedAt;
            return age >= TimeSpan.Zero && age < MaxAge ? root.GetProperty("input_schema").GetRawText() : null;
        }
        catch (Exception e) when (e is JsonException or IOException or UnauthorizedAccessException or KeyNotFoundException or InvalidOperationException)
        {
            // A damaged or foreign file is only a cache miss: the schema is fetched again and the file replaced.
            return null;
        }
    }

    /// <summary>Stores a fetched schema (written to a temporary file, then moved, so a reader never sees half a file).</summary>
    public void Store(string modelId, Uri baseAddress, string schemaJson)
    {
        if (PathOf(modelId) is not { } path)
        {
            return;
        }

        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("model_id", modelId);
            writer.WriteString("base_address", baseAddress.ToString());
            writer.WriteString("fetched_at", _clock.GetUtcNow().ToString("O", CultureInfo.InvariantCulture));
            writer.WritePropertyName("input_schema");

            // The schema exactly as the API sent it (checked to be JSON), so a cached model is the fetched one.
            writer.WriteRawValue(schemaJson);
            writer.WriteEndObject();
        }

        var temporary = path + "." + Guid.NewGuid().ToString("N") + ".tmp";
        File.WriteAllBytes(temporary, buffer.ToArray());
        File.Move(temporary, path, overwrite: true);
    }

    /// <summary>For messages: where the cache lives.</summary>
    public override string ToString() => _folder;
}
