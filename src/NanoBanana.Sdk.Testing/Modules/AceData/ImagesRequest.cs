using System.Diagnostics.CodeAnalysis;
using System.Text.Json;

namespace NanoBanana.Sdk.Testing.Modules.AceData;

/// <summary>
/// The body of <c>POST /nano-banana/images</c>, checked as the docs describe: <c>action</c> and <c>prompt</c> required,
/// the documented enums, 1 to 16 <c>image_urls</c> for an edit, <c>count</c> 1 to 4. For an edit, <c>aspect_ratio</c>
/// and <c>resolution</c> are ignored (they come from the first image), as are <c>image_urls</c> on a generate.
/// Unknown fields are ignored; JSON null counts as absent.
/// </summary>
internal sealed record ImagesRequest(
    string Action, string Prompt, string Model, IReadOnlyList<ReferenceImage> Images, string AspectRatio, string Resolution, int Count, Uri? CallbackUrl, bool Async)
{
    public const string Generate = "generate";
    public const string Edit = "edit";
    private const int MaxImages = 16;
    private const int MaxCount = 4;

    public bool IsEdit => Action == Edit;

    public static bool TryParse(ReadOnlyMemory<byte> body, [NotNullWhen(true)] out ImagesRequest? request, [NotNullWhen(false)] out string? error)
    {
        request = null;
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body);
        }
        catch (JsonException)
        {
            error = "The request body is not valid JSON.";
            return false;
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                error = "The request body must be a JSON object.";
                return false;
            }

            var action = Text(root, "action");
            if (action is not (Generate or Edit))
            {
                error = "action is required and must be generate or edit.";
                return false;
            }

            if (Text(root, "prompt") is not { Length: > 0 } prompt)
            {
                error = "prompt is required.";
                return false;
            }

            var model = Text(root, "model") ?? AceDataCatalog.DefaultModel;
            if (!AceDataCatalog.Models.Contains(model))
            {
                error = $"model '{model}' is not supported.";
                return false;
            }

            if (!TryReadOptions(root, action, model, out var aspectRatio, out var resolution, out error)
                || !TryReadImages(root, action, out var images, out error)
                || !TryReadCount(root, out var count, out error)
                || !TryReadCallback(root, out var callback, out error))
            {
                return false;
            }

            request = new ImagesRequest(action, prompt, model, images, aspectRatio, resolution, count, callback, Field(root, "async")?.ValueKind == JsonValueKind.True);
            return true;
        }
    }

    private static bool TryReadOptions(
        JsonElement root, string action, string model, out string aspectRatio, out string resolution, [NotNullWhen(false)] out string? error)
    {
        aspectRatio = Text(root, "aspect_ratio") ?? AceDataCatalog.DefaultAspectRatio;
        resolution = Text(root, "resolution") ?? AceDataCatalog.DefaultResolution;
        error = null;
        if (action == Edit)
        {
            return true;
        }

        if (!AceDataCatalog.AspectRatios.ContainsKey(aspectRatio))
        {
            error = $"aspect_ratio '{aspectRatio}' is not supported.";
        }
        else if (!AceDataCatalog.Resolutions.ContainsKey(resolution))
        {
            error = $"resolution '{resolution}' is not supported.";
        }
        else if (AceDataCatalog.IsLite(model) && resolution != AceDataCatalog.DefaultResolution)
        {
            error = $"model '{model}' supports only 1K resolution.";
        }

        return error is null;
    }

    private static bool TryReadImages(JsonElement root, string action, out IReadOnlyList<ReferenceImage> images, [NotNullWhen(false)] out string? error)
    {
        images = [];
        error = null;
        var field = Field(root, "image_urls");
        if (action != Edit)
        {
            return true;
        }

        if (field is not { ValueKind: JsonValueKind.Array } array || array.GetArrayLength() is 0 or > MaxImages)
        {
            error = $"image_urls is required for edit: an array of 1 to {MaxImages} URLs.";
            return false;
        }

        var list = new List<ReferenceImage>();
        foreach (var item in array.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.String || !ReferenceImage.TryParse(item.GetString()!, out var image, out error))
            {
                error ??= "image_urls must contain strings.";
                return false;
            }

            list.Add(image);
        }

        images = list;
        return true;
    }

    private static bool TryReadCount(JsonElement root, out int count, [NotNullWhen(false)] out string? error)
    {
        count = 1;
        error = null;
        if (Field(root, "count") is not { } field)
        {
            return true;
        }

        if (field.ValueKind != JsonValueKind.Number || !field.TryGetInt32(out count) || count is < 1 or > MaxCount)
        {
            error = $"count must be an integer from 1 to {MaxCount}.";
            return false;
        }

        return true;
    }

    private static bool TryReadCallback(JsonElement root, out Uri? callback, [NotNullWhen(false)] out string? error)
    {
        callback = null;
        error = null;
        if (Text(root, "callback_url") is not { } text)
        {
            return true;
        }

        if (!Uri.TryCreate(text, UriKind.Absolute, out callback) || callback.Scheme is not ("http" or "https"))
        {
            callback = null;
            error = "callback_url must be an absolute http(s) URL.";
            return false;
        }

        return true;
    }

    private static JsonElement? Field(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null ? value : null;

    private static string? Text(JsonElement root, string name) =>
        Field(root, name) is { ValueKind: JsonValueKind.String } value ? value.GetString() : null;
}
