using System.Collections.Frozen;
using System.Diagnostics.CodeAnalysis;
using System.Text.Json;

namespace NanoBanana.Sdk.Testing.Modules.DreamToJobs;

/// <summary>
/// The body of <c>POST /v1/jobs</c>: <c>{model, input: {prompt, reference_image_urls?, image_size?, aspect_ratio?,
/// mime_type?, response_modalities?, seed?, callback_url?}}</c>. The vendor lists no allowed values; the emulator
/// accepts the assumed ones (see docs/providers/dreamto.md) and answers anything else with a 400. Unknown input fields
/// are ignored; JSON null counts as absent.
/// </summary>
internal sealed record JobRequest(
    string Model, string Prompt, IReadOnlyList<Uri> ReferenceImageUrls, int LongSide, (int Width, int Height) Ratio, string MimeType, Uri? CallbackUrl)
{
    /// <summary>The one model the vendor documents.</summary>
    public const string NanoBananaPro = "nano-banana-pro";

    private static readonly FrozenDictionary<string, int> Sizes =
        new Dictionary<string, int>(StringComparer.Ordinal) { ["1K"] = 1024, ["2K"] = 2048, ["4K"] = 4096 }.ToFrozenDictionary(StringComparer.Ordinal);

    private static readonly FrozenDictionary<string, (int Width, int Height)> Ratios =
        new Dictionary<string, (int Width, int Height)>(StringComparer.Ordinal)
        {
            ["1:1"] = (1, 1), ["2:3"] = (2, 3), ["3:2"] = (3, 2), ["3:4"] = (3, 4), ["4:3"] = (4, 3),
            ["4:5"] = (4, 5), ["5:4"] = (5, 4), ["9:16"] = (9, 16), ["16:9"] = (16, 9), ["21:9"] = (21, 9),
            ["1:4"] = (1, 4), ["4:1"] = (4, 1), ["1:8"] = (1, 8), ["8:1"] = (8, 1),
        }.ToFrozenDictionary(StringComparer.Ordinal);

    private static readonly string[] MimeTypes = ["image/png", "image/jpeg"];
    private static readonly string[] Modalities = ["TEXT", "IMAGE"];

    /// <summary>Reads and checks the body; on failure <paramref name="error"/> is the 400 message.</summary>
    public static bool TryParse(ReadOnlyMemory<byte> body, [NotNullWhen(true)] out JobRequest? request, [NotNullWhen(false)] out string? error)
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

            if (Field(root, "model") is not { ValueKind: JsonValueKind.String } modelField)
            {
                error = "model is required.";
                return false;
            }

            if (modelField.GetString() != NanoBananaPro)
            {
                error = $"Unknown model: {modelField.GetString()}.";
                return false;
            }

            if (Field(root, "input") is not { ValueKind: JsonValueKind.Object } input)
            {
                error = "input is required.";
                return false;
            }

            if (Field(input, "prompt") is not { ValueKind: JsonValueKind.String } promptField || string.IsNullOrWhiteSpace(promptField.GetString()))
            {
                error = "input.prompt is required.";
                return false;
            }

            if (!TryReadUrls(Field(input, "reference_image_urls"), out var references, out error)
                || !TryReadChoice(Field(input, "image_size"), "image_size", Sizes, "1K", out var longSide, out error)
                || !TryReadChoice(Field(input, "aspect_ratio"), "aspect_ratio", Ratios, "1:1", out var ratio, out error)
                || !TryReadMimeType(Field(input, "mime_type"), out var mimeType, out error)
                || !TryReadModalities(Field(input, "response_modalities"), out error)
                || !TryReadSeed(Field(input, "seed"), out error)
                || !TryReadCallback(Field(input, "callback_url"), out var callback, out error))
            {
                return false;
            }

            request = new JobRequest(NanoBananaPro, promptField.GetString()!, references, longSide, ratio, mimeType, callback);
            return true;
        }
    }

    private static JsonElement? Field(JsonElement parent, string name) =>
        parent.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null ? value : null;

    private static bool TryReadUrls(JsonElement? field, out IReadOnlyList<Uri> urls, [NotNullWhen(false)] out string? error)
    {
        error = null;
        urls = [];
        if (field is not JsonElement element)
        {
            return true;
        }

        if (element.ValueKind != JsonValueKind.Array)
        {
            error = "input.reference_image_urls must be an array of URLs.";
            return false;
        }

        var list = new List<Uri>(element.GetArrayLength());
        foreach (var item in element.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.String || !TryHttpUrl(item.GetString(), out var url))
            {
                error = $"input.reference_image_urls contains an invalid URL: {item.GetRawText()}.";
                return false;
            }

            list.Add(url);
        }

        urls = list;
        return true;
    }

    private static bool TryReadChoice<T>(
        JsonElement? field, string name, FrozenDictionary<string, T> allowed, string fallback, out T value, [NotNullWhen(false)] out string? error)
    {
        error = null;
        var text = field is JsonElement { ValueKind: JsonValueKind.String } element ? element.GetString()! : field is null ? fallback : null;
        if (text is not null && allowed.TryGetValue(text, out value!))
        {
            return true;
        }

        value = default!;
        error = $"Invalid input.{name}: {field?.GetRawText()}. Allowed: {string.Join(", ", allowed.Keys)}.";
        return false;
    }

    private static bool TryReadMimeType(JsonElement? field, out string mimeType, [NotNullWhen(false)] out string? error)
    {
        error = null;
        mimeType = MimeTypes[0];
        if (field is not JsonElement element)
        {
            return true;
        }

        if (element.ValueKind == JsonValueKind.String && MimeTypes.Contains(element.GetString(), StringComparer.Ordinal))
        {
            mimeType = element.GetString()!;
            return true;
        }

        error = $"Invalid input.mime_type: {element.GetRawText()}. Allowed: {string.Join(", ", MimeTypes)}.";
        return false;
    }

    private static bool TryReadModalities(JsonElement? field, [NotNullWhen(false)] out string? error)
    {
        error = null;
        if (field is not JsonElement element)
        {
            return true;
        }

        if (element.ValueKind == JsonValueKind.Array
            && element.EnumerateArray().All(item => item.ValueKind == JsonValueKind.String && Modalities.Contains(item.GetString(), StringComparer.Ordinal)))
        {
            return true;
        }

        error = $"Invalid input.response_modalities: {element.GetRawText()}. Allowed items: {string.Join(", ", Modalities)}.";
        return false;
    }

    private static bool TryReadSeed(JsonElement? field, [NotNullWhen(false)] out string? error)
    {
        error = field is JsonElement element && (element.ValueKind != JsonValueKind.Number || !element.TryGetInt64(out _))
            ? $"Invalid input.seed: {element.GetRawText()}; it must be an integer."
            : null;
        return error is null;
    }

    private static bool TryReadCallback(JsonElement? field, out Uri? callback, [NotNullWhen(false)] out string? error)
    {
        error = null;
        callback = null;
        if (field is not JsonElement element)
        {
            return true;
        }

        if (element.ValueKind == JsonValueKind.String && TryHttpUrl(element.GetString(), out var url))
        {
            callback = url;
            return true;
        }

        error = $"Invalid input.callback_url: {element.GetRawText()}; it must be an absolute http(s) URL.";
        return false;
    }

    private static bool TryHttpUrl(string? text, [NotNullWhen(true)] out Uri? url) =>
        Uri.TryCreate(text, UriKind.Absolute, out url) && url.Scheme is "http" or "https";
}
