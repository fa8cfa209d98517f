using System.Diagnostics.CodeAnalysis;
using System.Text.Json;

namespace NanoBanana.Sdk.Testing.Modules.NanaNanoBanana;

/// <summary>
/// The body of <c>POST /generate</c>: <c>{prompt, selectedModel?, referenceImageUrls?, aspectRatio?, mode?}</c>.
/// Property names are case-sensitive, as in the vendor's JavaScript server; JSON null counts as absent.
/// </summary>
internal sealed record GenerateRequest(
    string Prompt, string SelectedModel, IReadOnlyList<string> ReferenceImageUrls, string AspectRatio, GenerationMode Mode)
{
    // Assumed messages: the docs name these 400 cases but show no body.
    private const string InvalidJson = "Invalid JSON body";
    private const string PromptRequired = "prompt is required";
    private const string InvalidReferenceImages = "referenceImageUrls must be an array of strings";

    /// <summary>Reads and checks the body; on failure <paramref name="error"/> is the 400 message.</summary>
    public static bool TryParse(
        ReadOnlyMemory<byte> body, [NotNullWhen(true)] out GenerateRequest? request, [NotNullWhen(false)] out string? error)
    {
        request = null;
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body);
        }
        catch (JsonException)
        {
            error = InvalidJson;
            return false;
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                error = InvalidJson;
                return false;
            }

            if (Field(root, "prompt") is not { ValueKind: JsonValueKind.String } promptField
                || promptField.GetString() is not { Length: > 0 } prompt)
            {
                error = PromptRequired;
                return false;
            }

            if (!TryReadMode(Field(root, "mode"), out var mode, out error)
                || !TryReadString(Field(root, "selectedModel"), NanaNanoBananaModelCatalog.DefaultModel, "Unknown model: ", out var model, out error)
                || !TryReadString(Field(root, "aspectRatio"), NanaNanoBananaAspectRatios.Default, "Invalid aspectRatio: ", out var aspectRatio, out error)
                || !TryReadUrls(Field(root, "referenceImageUrls"), out var referenceImageUrls, out error))
            {
                return false;
            }

            request = new GenerateRequest(prompt, model, referenceImageUrls, aspectRatio, mode);
            return true;
        }
    }

    private static JsonElement? Field(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null ? value : null;

    private static bool TryReadMode(JsonElement? field, out GenerationMode mode, [NotNullWhen(false)] out string? error)
    {
        error = null;
        mode = GenerationMode.Sync;
        if (field is not JsonElement value)
        {
            return true;
        }

        switch (value.ValueKind == JsonValueKind.String ? value.GetString() : null)
        {
            case "sync":
                return true;
            case "stream":
                mode = GenerationMode.Stream;
                return true;
            case "async":
                mode = GenerationMode.Async;
                return true;
            default:
                error = "Invalid mode: " + Describe(value);
                return false;
        }
    }

    private static bool TryReadString(
        JsonElement? field, string fallback, string errorPrefix, out string value, [NotNullWhen(false)] out string? error)
    {
        error = null;
        value = fallback;
        if (field is not JsonElement element)
        {
            return true;
        }

        if (element.ValueKind != JsonValueKind.String)
        {
            error = errorPrefix + element.GetRawText();
            return false;
        }

        value = element.GetString()!;
        return true;
    }

    private static bool TryReadUrls(JsonElement? field, out IReadOnlyList<string> urls, [NotNullWhen(false)] out string? error)
    {
        error = null;
        urls = [];
        if (field is not JsonElement element)
        {
            return true;
        }

        if (element.ValueKind != JsonValueKind.Array)
        {
            error = InvalidReferenceImages;
            return false;
        }

        var list = new List<string>(element.GetArrayLength());
        foreach (var item in element.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.String)
            {
                error = InvalidReferenceImages;
                return false;
            }

            list.Add(item.GetString()!);
        }

        urls = list;
        return true;
    }

    private static string Describe(JsonElement value) =>
        value.ValueKind == JsonValueKind.String ? value.GetString()! : value.GetRawText();
}
