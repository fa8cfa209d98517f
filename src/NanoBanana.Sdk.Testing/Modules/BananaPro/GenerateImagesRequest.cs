using System.Buffers.Text;
using System.Diagnostics.CodeAnalysis;
using System.Text.Json;

namespace NanoBanana.Sdk.Testing.Modules.BananaPro;

/// <summary>
/// The body of <c>POST /api/v1/images/generate</c>, checked the way the protocol file describes it. Where the docs
/// are silent the emulator assumes: <c>aspect_ratio</c> defaults to 1:1; <c>image-to-image</c> needs at least one image;
/// each <c>image_urls</c> entry is an http(s) URL, a <c>data:image/...;base64,</c> URI or raw base64; the deprecated
/// <c>input_image</c> stands for <c>image_urls[0]</c>. Property names are case-sensitive; JSON null counts as absent.
/// </summary>
internal sealed record GenerateImagesRequest(
    BananaProModel Model, string Prompt, int ImageCount, (int Width, int Height) AspectRatio, string? Resolution)
{
    private static readonly Dictionary<string, (int, int)> AspectRatios = new(StringComparer.Ordinal)
    {
        ["1:1"] = (1, 1),
        ["16:9"] = (16, 9),
        ["9:16"] = (9, 16),
        ["4:3"] = (4, 3),
        ["3:4"] = (3, 4),
    };

    private static readonly string[] Resolutions = ["1K", "2K", "4K"];

    /// <summary>Reads and checks the body; on failure <paramref name="error"/> is the 400 message.</summary>
    public static bool TryParse(ReadOnlyMemory<byte> body, [NotNullWhen(true)] out GenerateImagesRequest? request, [NotNullWhen(false)] out string? error)
    {
        request = null;
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body);
        }
        catch (JsonException)
        {
            error = "Invalid JSON body";
            return false;
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                error = "Invalid JSON body";
                return false;
            }

            error = TryRead(document.RootElement, out request);
            return request is not null;
        }
    }

    private static string? TryRead(JsonElement root, out GenerateImagesRequest? request)
    {
        request = null;
        if (Text(root, "model") is not { Length: > 0 } modelId)
        {
            return "model is required";
        }

        if (!BananaProModelCatalog.TryFind(modelId, out var model))
        {
            return "Unknown model: " + modelId;
        }

        if (Text(root, "prompt") is not { Length: > 0 } prompt)
        {
            return "prompt is required";
        }

        var type = Text(root, "type") ?? "text-to-image";
        if (type is not ("text-to-image" or "image-to-image"))
        {
            return "type must be text-to-image or image-to-image";
        }

        var ratioText = Text(root, "aspect_ratio") ?? "1:1";
        if (!AspectRatios.TryGetValue(ratioText, out var ratio))
        {
            return "Invalid aspect_ratio: " + ratioText + " (allowed: 1:1, 16:9, 9:16, 4:3, 3:4)";
        }

        if (ReadImages(root, out var images) is { } imageError)
        {
            return imageError;
        }

        if (type == "image-to-image" && images == 0)
        {
            return "image_urls is required for image-to-image";
        }

        if (Field(root, "num_images") is { } count && !(count.ValueKind == JsonValueKind.Number && count.TryGetInt32(out var n) && n == 1))
        {
            return "num_images must be 1";
        }

        var resolution = Text(root, "resolution");
        if (resolution is not null && !model.TakesResolution)
        {
            return "resolution is only supported by nano-banana-pro";
        }

        if (resolution is not null && !Resolutions.Contains(resolution, StringComparer.Ordinal))
        {
            return "Invalid resolution: " + resolution + " (allowed: 1K, 2K, 4K)";
        }

        request = new GenerateImagesRequest(model, prompt, images, ratio, resolution);
        return null;
    }

    private static string? ReadImages(JsonElement root, out int count)
    {
        count = 0;
        if (Field(root, "image_urls") is not { } urls)
        {
            if (Field(root, "input_image") is not { } single)
            {
                return null;
            }

            count = 1;
            return single.ValueKind == JsonValueKind.String && IsImageReference(single.GetString()!) ? null : "input_image is neither a URL nor base64";
        }

        if (urls.ValueKind != JsonValueKind.Array)
        {
            return "image_urls must be an array of strings";
        }

        foreach (var item in urls.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.String || !IsImageReference(item.GetString()!))
            {
                return $"image_urls[{count}] is neither a URL nor base64";
            }

            count++;
        }

        return null;
    }

    private static bool IsImageReference(string value)
    {
        if (Uri.TryCreate(value, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https")
        {
            return true;
        }

        const string Marker = ";base64,";
        var data = value;
        if (value.StartsWith("data:image/", StringComparison.Ordinal))
        {
            var marker = value.IndexOf(Marker, StringComparison.Ordinal);
            if (marker < 0)
            {
                return false;
            }

            data = value[(marker + Marker.Length)..];
        }

        return data.Length > 0 && Base64.IsValid(data);
    }

    private static JsonElement? Field(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null ? value : null;

    private static string? Text(JsonElement root, string name) =>
        Field(root, name) is { ValueKind: JsonValueKind.String } value ? value.GetString() : null;
}
