using System.Diagnostics.CodeAnalysis;
using System.Text.Json;

namespace NanoBanana.Sdk.Testing.Modules.Apixo;

/// <summary>
/// The body of <c>POST /generateTask/{model}</c>, checked against the model's documented limits. Property names are
/// case-sensitive; JSON null counts as absent. On failure the error is the <c>data.error</c> text of the 400 answer,
/// worded like the documented example ("Missing required field: input.prompt").
/// </summary>
internal sealed record ApixoTaskRequest(
    string RequestType,
    Uri? CallbackUrl,
    string RoutingStrategy,
    string Mode,
    string Prompt,
    IReadOnlyList<string> ImageUrls,
    string AspectRatio,
    string Resolution,
    string OutputFormat)
{
    public const string Async = "async";
    public const string Callback = "callback";

    private const string TextToImage = "text-to-image";
    private const string ImageToImage = "image-to-image";

    public static bool TryParse(
        ReadOnlyMemory<byte> body, ApixoModel model, [NotNullWhen(true)] out ApixoTaskRequest? request, [NotNullWhen(false)] out string? error)
    {
        request = null;
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body);
        }
        catch (JsonException)
        {
            error = "Request body is not valid JSON";
            return false;
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                error = "Request body must be a JSON object";
                return false;
            }

            return TryRead(document.RootElement, model, out request, out error);
        }
    }

    private static bool TryRead(JsonElement root, ApixoModel model, [NotNullWhen(true)] out ApixoTaskRequest? request, [NotNullWhen(false)] out string? error)
    {
        request = null;
        if (!TryChoice(root, "request_type", "request_type", [Async, Callback], Async, out var requestType, out error)
            || !TryCallbackUrl(root, requestType, out var callbackUrl, out error)
            || !TryChoice(root, "provider", "provider", ["auto", "value", "official"], "auto", out var routing, out error))
        {
            return false;
        }

        if (Field(root, "input") is not { ValueKind: JsonValueKind.Object } input)
        {
            error = "Missing required field: input";
            return false;
        }

        if (!TryChoice(input, "mode", "input.mode", [TextToImage, ImageToImage], null, out var mode, out error)
            || !TryPrompt(input, model, out var prompt, out error)
            || !TryImageUrls(input, model, mode, out var imageUrls, out error)
            || !TryChoice(input, "aspect_ratio", "input.aspect_ratio", model.AspectRatios.Keys, "1:1", out var aspectRatio, out error)
            || !TryResolution(input, model, out var resolution, out error)
            || !TryChoice(input, "output_format", "input.output_format", ["png", "jpeg"], "png", out var outputFormat, out error))
        {
            return false;
        }

        request = new ApixoTaskRequest(requestType, callbackUrl, routing, mode, prompt, imageUrls, aspectRatio, resolution, outputFormat);
        return true;
    }

    private static JsonElement? Field(JsonElement parent, string name) =>
        parent.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null ? value : null;

    /// <summary>Reads a string that must be one of <paramref name="allowed"/>; absent means <paramref name="fallback"/>, or an error when that is null.</summary>
    private static bool TryChoice(
        JsonElement parent, string name, string path, IEnumerable<string> allowed, string? fallback,
        [NotNullWhen(true)] out string? value, [NotNullWhen(false)] out string? error)
    {
        error = null;
        value = fallback;
        if (Field(parent, name) is not { } field)
        {
            error = fallback is null ? "Missing required field: " + path : null;
            return fallback is not null;
        }

        if (field.ValueKind == JsonValueKind.String && allowed.Contains(field.GetString()!, StringComparer.Ordinal))
        {
            value = field.GetString()!;
            return true;
        }

        error = $"Invalid value for {path}: {field.GetRawText()} (allowed: {string.Join(", ", allowed)})";
        return false;
    }

    private static bool TryCallbackUrl(JsonElement root, string requestType, out Uri? callbackUrl, [NotNullWhen(false)] out string? error)
    {
        error = null;
        callbackUrl = null;
        var field = Field(root, "callback_url");
        if (requestType != Callback)
        {
            return true;
        }

        if (field is not { ValueKind: JsonValueKind.String } text)
        {
            error = "Missing required field: callback_url (required when request_type is callback)";
            return false;
        }

        // The vendor wants public HTTPS; the emulator also takes plain http because tests receive callbacks on loopback.
        if (!Uri.TryCreate(text.GetString(), UriKind.Absolute, out callbackUrl) || callbackUrl.Scheme is not ("http" or "https"))
        {
            error = "Invalid value for callback_url: must be an absolute https URL";
            return false;
        }

        return true;
    }

    private static bool TryPrompt(JsonElement input, ApixoModel model, [NotNullWhen(true)] out string? prompt, [NotNullWhen(false)] out string? error)
    {
        error = null;
        prompt = Field(input, "prompt") is { ValueKind: JsonValueKind.String } field ? field.GetString() : null;
        if (string.IsNullOrEmpty(prompt))
        {
            error = "Missing required field: input.prompt";
            return false;
        }

        if (prompt.Length > model.MaxPromptLength)
        {
            error = $"input.prompt exceeds {model.MaxPromptLength} characters";
            return false;
        }

        return true;
    }

    private static bool TryImageUrls(
        JsonElement input, ApixoModel model, string mode, out IReadOnlyList<string> urls, [NotNullWhen(false)] out string? error)
    {
        error = null;
        urls = [];
        var field = Field(input, "image_urls");
        if (mode == TextToImage)
        {
            error = field is null ? null : "input.image_urls is only accepted with mode image-to-image";
            return field is null;
        }

        if (field is not { ValueKind: JsonValueKind.Array } array || array.GetArrayLength() == 0)
        {
            error = "Missing required field: input.image_urls (required for image-to-image)";
            return false;
        }

        if (array.GetArrayLength() > model.MaxImageUrls)
        {
            error = $"input.image_urls accepts at most {model.MaxImageUrls} URLs for {model.Name}";
            return false;
        }

        var list = new List<string>(array.GetArrayLength());
        foreach (var item in array.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.String)
            {
                error = "input.image_urls must be an array of strings";
                return false;
            }

            list.Add(item.GetString()!);
        }

        urls = list;
        return true;
    }

    private static bool TryResolution(JsonElement input, ApixoModel model, out string resolution, [NotNullWhen(false)] out string? error)
    {
        error = null;
        resolution = "1K";
        if (Field(input, "resolution") is not { } field)
        {
            return true;
        }

        if (!model.TakesResolution)
        {
            error = $"input.resolution is not supported by {model.Name}";
            return false;
        }

        // The protocol writes 1K/2K/4K; one vendor page writes 2k, so case is ignored.
        var value = field.ValueKind == JsonValueKind.String ? field.GetString()!.ToUpperInvariant() : null;
        if (value is "1K" or "2K" or "4K")
        {
            resolution = value;
            return true;
        }

        error = $"Invalid value for input.resolution: {field.GetRawText()} (allowed: 1K, 2K, 4K)";
        return false;
    }
}
