using System.Collections.Frozen;
using System.Text.Json;

namespace NanoBanana.Sdk.Testing.Modules.Gemini;

/// <summary>
/// Checks <c>safetySettings[]</c> against the Gemini API's enums. The <c>HARM_CATEGORY_IMAGE_*</c> categories exist
/// only on Vertex AI, so they are refused here as Google refuses them. The emulator does not act on thresholds.
/// </summary>
internal static class SafetySettingsReader
{
    private static readonly FrozenSet<string> SettingFields = ProtoJson.Names("category", "threshold");

    private static readonly FrozenSet<string> Categories = FrozenSet.ToFrozenSet(
    [
        "HARM_CATEGORY_UNSPECIFIED", "HARM_CATEGORY_HARASSMENT", "HARM_CATEGORY_HATE_SPEECH",
        "HARM_CATEGORY_SEXUALLY_EXPLICIT", "HARM_CATEGORY_DANGEROUS_CONTENT", "HARM_CATEGORY_CIVIC_INTEGRITY",
    ], StringComparer.Ordinal);

    private static readonly FrozenSet<string> Thresholds = FrozenSet.ToFrozenSet(
    [
        "HARM_BLOCK_THRESHOLD_UNSPECIFIED", "BLOCK_LOW_AND_ABOVE", "BLOCK_MEDIUM_AND_ABOVE", "BLOCK_ONLY_HIGH",
        "BLOCK_NONE", "OFF",
    ], StringComparer.Ordinal);

    public static void Read(JsonElement? field)
    {
        if (field is not JsonElement settings)
        {
            return;
        }

        const string Path = "safety_settings";
        ProtoJson.Array(settings, Path);
        var index = 0;
        foreach (var setting in settings.EnumerateArray())
        {
            var path = ProtoJson.Path(Path, index++);
            ProtoJson.Object(setting, path);
            ProtoJson.RejectUnknownFields(setting, path, SettingFields);
            CheckEnum(setting, path, "category", Categories, "HarmCategory");
            CheckEnum(setting, path, "threshold", Thresholds, "SafetySetting.HarmBlockThreshold");
        }
    }

    private static void CheckEnum(JsonElement setting, string path, string field, FrozenSet<string> values, string enumName)
    {
        if (ProtoJson.Field(setting, field) is JsonElement value
            && (value.ValueKind != JsonValueKind.String || !values.Contains(value.GetString()!)))
        {
            throw ProtoJson.InvalidValue(
                ProtoJson.Path(path, field), "type.googleapis.com/google.ai.generativelanguage.v1beta." + enumName, value);
        }
    }
}
