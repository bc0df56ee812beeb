using System.Buffers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.AI;

namespace RunComfy.AI;

/// <summary>
/// Turns an <see cref="ImageGenerationRequest"/> and its options into the model's JSON request body, through
/// the parameters its schema declares. Every option that has no matching parameter is reported, all at once.
/// </summary>
internal static class ImageRequestBuilder
{
    public static string Build(ImageParameterMap map, ImageGenerationRequest request, ImageGenerationOptions? options)
    {
        var problems = new List<string>();
        var written = new HashSet<string>(StringComparer.Ordinal);
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            WritePrompt(map, request.Prompt, writer, written, problems);
            WriteImages(map, request.OriginalImages, writer, written, problems);
            if (options is not null)
            {
                WriteCount(map, options.Count, writer, written, problems);
                WriteSize(map, options.ImageSize, writer, written, problems);
                WriteFormat(map, options.MediaType, writer, written, problems);
                CheckUnsupported(options, problems);
                WriteAdditional(map, options.AdditionalProperties, writer, written, problems);
            }

            writer.WriteEndObject();
        }

        if (problems.Count > 0)
        {
            throw new ArgumentException(
                $"The image generation request cannot be mapped onto model '{map.Model.ModelId}':{Environment.NewLine}- " + string.Join(Environment.NewLine + "- ", problems),
                nameof(options));
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    private static void WritePrompt(ImageParameterMap map, string? prompt, Utf8JsonWriter writer, HashSet<string> written, List<string> problems)
    {
        if (prompt is null)
        {
            return;
        }

        if (map.Prompt is not { } parameter)
        {
            problems.Add("a prompt was given, but the model has no 'prompt' or 'text' string parameter.");
            return;
        }

        writer.WriteString(parameter.Name, prompt);
        written.Add(parameter.Name);
    }

    private static void WriteImages(ImageParameterMap map, IEnumerable<AIContent>? images, Utf8JsonWriter writer, HashSet<string> written, List<string> problems)
    {
        var urls = new List<string>();
        foreach (var content in images ?? [])
        {
            switch (content)
            {
                case DataContent data:
                    urls.Add(data.Uri);
                    break;
                case UriContent uri:
                    urls.Add(uri.Uri.OriginalString);
                    break;
                default:
                    problems.Add($"an input image of type {content.GetType().Name} is not supported; give a DataContent (bytes) or a UriContent (an https URL).");
                    break;
            }
        }

        if (urls.Count == 0)
        {
            return;
        }

        if (map.ImageParameters.Count == 0)
        {
            problems.Add($"{urls.Count} input image(s) were given, but the model takes no image input.");
            return;
        }

        // An array parameter takes every image; otherwise single-image parameters take one each, in schema order.
        if (map.ImageParameters.FirstOrDefault(p => p.Type == "array") is { } array)
        {
            writer.WriteStartArray(array.Name);
            urls.ForEach(writer.WriteStringValue);
            writer.WriteEndArray();
            written.Add(array.Name);
            return;
        }

        if (urls.Count > map.ImageParameters.Count)
        {
            problems.Add($"{urls.Count} input images were given, but the model takes at most {map.ImageParameters.Count} ({string.Join(", ", map.ImageParameters.Select(p => p.Name))}).");
            return;
        }

        for (var i = 0; i < urls.Count; i++)
        {
            writer.WriteString(map.ImageParameters[i].Name, urls[i]);
            written.Add(map.ImageParameters[i].Name);
        }
    }

    private static void WriteCount(ImageParameterMap map, int? count, Utf8JsonWriter writer, HashSet<string> written, List<string> problems)
    {
        if (count is not int n)
        {
            return;
        }

        if (map.Count is { } parameter)
        {
            writer.WriteNumber(parameter.Name, n);
            written.Add(parameter.Name);
        }
        else if (n != 1)
        {
            problems.Add($"Count = {n}, but the model has no image-count parameter (num_images, max_images, n, ...).");
        }
    }

    private static void WriteSize(ImageParameterMap map, System.Drawing.Size? size, Utf8JsonWriter writer, HashSet<string> written, List<string> problems)
    {
        if (size is not { } wanted)
        {
            return;
        }

        if (wanted.Width <= 0 || wanted.Height <= 0)
        {
            problems.Add($"ImageSize {wanted.Width}x{wanted.Height} is not a size; both sides must be positive.");
            return;
        }

        if (map.Width is { } width && map.Height is { } height)
        {
            writer.WriteNumber(width.Name, wanted.Width);
            writer.WriteNumber(height.Name, wanted.Height);
            written.Add(width.Name);
            written.Add(height.Name);
            return;
        }

        var mapped = false;
        if (map.Size is { EnumJson: { } sizes } sizeParameter && ImageSizeMatcher.ClosestSize(sizes, wanted.Width, wanted.Height) is { } sizeValue)
        {
            writer.WritePropertyName(sizeParameter.Name);
            writer.WriteRawValue(sizeValue);
            written.Add(sizeParameter.Name);
            mapped = true;
        }

        if (map.AspectRatio is { EnumJson: { } ratios } ratioParameter && ImageSizeMatcher.ClosestAspectRatio(ratios, wanted.Width, wanted.Height) is { } ratioValue)
        {
            writer.WritePropertyName(ratioParameter.Name);
            writer.WriteRawValue(ratioValue);
            written.Add(ratioParameter.Name);
            mapped = true;
        }

        if (!mapped)
        {
            problems.Add($"ImageSize {wanted.Width}x{wanted.Height} was given, but the model has no size parameter (width/height, image_size, size, resolution or aspect_ratio with sizes it can read).");
        }
    }

    private static void WriteFormat(ImageParameterMap map, string? mediaType, Utf8JsonWriter writer, HashSet<string> written, List<string> problems)
    {
        if (mediaType is null)
        {
            return;
        }

        string[] names = mediaType.ToLowerInvariant() switch
        {
            "image/png" => ["png"],
            "image/jpeg" or "image/jpg" => ["jpeg", "jpg"],
            "image/webp" => ["webp"],
            _ => [],
        };
        var value = map.OutputFormat?.EnumJson?.FirstOrDefault(json =>
            ImageSizeMatcher.EnumText(json) is string text && names.Contains(text, StringComparer.OrdinalIgnoreCase));
        if (map.OutputFormat is not { } parameter || value is null)
        {
            var offered = map.OutputFormat?.EnumJson is { } values ? $"its '{map.OutputFormat.Name}' allows {string.Join(", ", values)}" : "it has no output_format parameter";
            problems.Add($"MediaType '{mediaType}' was asked for, but {offered}.");
            return;
        }

        writer.WritePropertyName(parameter.Name);
        writer.WriteRawValue(value);
        written.Add(parameter.Name);
    }

    private static void CheckUnsupported(ImageGenerationOptions options, List<string> problems)
    {
        if (options.ResponseFormat == ImageGenerationResponseFormat.Data)
        {
            problems.Add("ResponseFormat.Data is not supported: RunComfy returns output URLs (ResponseFormat.Uri or Hosted).");
        }

        if (options.StreamingCount is > 0)
        {
            problems.Add("StreamingCount is not supported: RunComfy returns finished images only.");
        }
    }

    /// <summary>Additional properties are the model's own parameters by JSON name: the escape hatch for seed, quality and the like.</summary>
    private static void WriteAdditional(ImageParameterMap map, AdditionalPropertiesDictionary? properties, Utf8JsonWriter writer, HashSet<string> written, List<string> problems)
    {
        foreach (var (name, value) in properties ?? [])
        {
            if (map.Model.Parameters.All(p => p.Name != name))
            {
                problems.Add($"AdditionalProperties['{name}'] is not a parameter of the model; it has {string.Join(", ", map.Model.Parameters.Select(p => p.Name))}.");
                continue;
            }

            if (!written.Add(name))
            {
                problems.Add($"AdditionalProperties['{name}'] sets a parameter the request or options already set.");
                continue;
            }

            writer.WritePropertyName(name);
            if (!TryWriteValue(writer, value))
            {
                problems.Add($"AdditionalProperties['{name}'] holds a {value?.GetType().Name ?? "null"}; give a string, number, bool, JsonElement or JsonNode.");
                writer.WriteNullValue();
            }
        }
    }

    private static bool TryWriteValue(Utf8JsonWriter writer, object? value)
    {
        switch (value)
        {
            case string s: writer.WriteStringValue(s); return true;
            case bool b: writer.WriteBooleanValue(b); return true;
            case int i: writer.WriteNumberValue(i); return true;
            case long l: writer.WriteNumberValue(l); return true;
            case double d when double.IsFinite(d): writer.WriteNumberValue(d); return true;
            case float f when float.IsFinite(f): writer.WriteNumberValue(f); return true;
            case decimal m: writer.WriteNumberValue(m); return true;
            case JsonElement element: element.WriteTo(writer); return true;
            case JsonNode node: node.WriteTo(writer); return true;
            case IEnumerable<string> strings:
                writer.WriteStartArray();
                foreach (var s in strings)
                {
                    writer.WriteStringValue(s);
                }

                writer.WriteEndArray();
                return true;
            default:
                return false;
        }
    }
}
