using System.Collections.Frozen;
using System.Text.Json;

namespace NanoBanana.Sdk.Testing.Modules.Gemini;

/// <summary>
/// The parts of <c>generationConfig</c> the emulator acts on: <c>responseModalities</c> (default TEXT and IMAGE),
/// <c>imageConfig</c>, <c>thinkingConfig.includeThoughts</c> and <c>candidateCount</c>. Every other GenerationConfig
/// field is accepted; an unknown one is a 400. <c>imageConfig</c> takes only <c>aspectRatio</c> and <c>imageSize</c>:
/// the Vertex-only image fields do not exist on the Gemini API.
/// </summary>
internal sealed record GenerationSettings
{
    private static readonly FrozenSet<string> ConfigFields = ProtoJson.Names(
        "stopSequences", "responseMimeType", "responseSchema", "responseJsonSchema", "responseModalities", "candidateCount",
        "maxOutputTokens", "temperature", "topP", "topK", "seed", "presencePenalty", "frequencyPenalty", "responseLogprobs",
        "logprobs", "enableEnhancedCivicAnswers", "speechConfig", "thinkingConfig", "imageConfig", "mediaResolution");

    private static readonly FrozenSet<string> ImageConfigFields = ProtoJson.Names("aspectRatio", "imageSize");
    private static readonly FrozenSet<string> ThinkingConfigFields = ProtoJson.Names("includeThoughts", "thinkingBudget", "thinkingLevel");

    private static readonly FrozenSet<string> Modalities =
        FrozenSet.ToFrozenSet(["TEXT", "IMAGE", "AUDIO"], StringComparer.OrdinalIgnoreCase);

    private static readonly FrozenSet<string> ThinkingLevels =
        FrozenSet.ToFrozenSet(["THINKING_LEVEL_UNSPECIFIED", "MINIMAL", "LOW", "MEDIUM", "HIGH"], StringComparer.OrdinalIgnoreCase);

    /// <summary>Whether the answer may hold text parts.</summary>
    public bool WantsText { get; init; } = true;

    /// <summary>Whether the answer may hold image parts.</summary>
    public bool WantsImage { get; init; } = true;

    /// <summary>Whether audio output was asked for, which no image model produces.</summary>
    public bool WantsAudio { get; init; }

    /// <summary>The requested <c>imageConfig.aspectRatio</c>, unchecked against the model yet.</summary>
    public string? AspectRatio { get; init; }

    /// <summary>The requested <c>imageConfig.imageSize</c>, unchecked against the model yet.</summary>
    public string? ImageSize { get; init; }

    /// <summary><c>thinkingConfig.includeThoughts</c>.</summary>
    public bool IncludeThoughts { get; init; }

    /// <summary><c>candidateCount</c>; 0 when unset.</summary>
    public int CandidateCount { get; init; }

    public static GenerationSettings Read(JsonElement? configField)
    {
        if (configField is not JsonElement config)
        {
            return new GenerationSettings();
        }

        const string Path = "generation_config";
        ProtoJson.Object(config, Path);
        ProtoJson.RejectUnknownFields(config, Path, ConfigFields);
        var modalities = ReadModalities(ProtoJson.Field(config, "responseModalities"), ProtoJson.Path(Path, "responseModalities"));
        var (aspectRatio, imageSize) = ReadImageConfig(ProtoJson.Field(config, "imageConfig"), ProtoJson.Path(Path, "imageConfig"));
        return new GenerationSettings
        {
            WantsText = modalities is null || modalities.Contains("TEXT"),
            WantsImage = modalities is null || modalities.Contains("IMAGE"),
            WantsAudio = modalities?.Contains("AUDIO") == true,
            AspectRatio = aspectRatio,
            ImageSize = imageSize,
            IncludeThoughts = ReadIncludeThoughts(ProtoJson.Field(config, "thinkingConfig"), ProtoJson.Path(Path, "thinkingConfig")),
            CandidateCount = ProtoJson.Field(config, "candidateCount") is JsonElement count
                ? ProtoJson.Int32(count, ProtoJson.Path(Path, "candidateCount"))
                : 0,
        };
    }

    // Enum values are matched case-insensitively: Google's own early samples sent "Text" and "Image".
    private static HashSet<string>? ReadModalities(JsonElement? field, string path)
    {
        if (field is not JsonElement array || ProtoJson.Array(array, path).GetArrayLength() == 0)
        {
            return null;
        }

        var modalities = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var index = 0;
        foreach (var item in array.EnumerateArray())
        {
            var itemPath = ProtoJson.Path(path, index++);
            if (item.ValueKind != JsonValueKind.String || !Modalities.Contains(item.GetString()!))
            {
                throw ProtoJson.InvalidValue(itemPath, "type.googleapis.com/google.ai.generativelanguage.v1beta.GenerationConfig.Modality", item);
            }

            modalities.Add(item.GetString()!);
        }

        return modalities;
    }

    private static (string? AspectRatio, string? ImageSize) ReadImageConfig(JsonElement? field, string path)
    {
        if (field is not JsonElement imageConfig)
        {
            return (null, null);
        }

        ProtoJson.Object(imageConfig, path);
        ProtoJson.RejectUnknownFields(imageConfig, path, ImageConfigFields);
        var aspectRatio = ProtoJson.Field(imageConfig, "aspectRatio") is JsonElement ratio
            ? ProtoJson.String(ratio, ProtoJson.Path(path, "aspectRatio"))
            : null;
        var imageSize = ProtoJson.Field(imageConfig, "imageSize") is JsonElement size
            ? ProtoJson.String(size, ProtoJson.Path(path, "imageSize"))
            : null;

        // proto3 treats an empty string as unset.
        return (aspectRatio is { Length: > 0 } ? aspectRatio : null, imageSize is { Length: > 0 } ? imageSize : null);
    }

    private static bool ReadIncludeThoughts(JsonElement? field, string path)
    {
        if (field is not JsonElement thinkingConfig)
        {
            return false;
        }

        ProtoJson.Object(thinkingConfig, path);
        ProtoJson.RejectUnknownFields(thinkingConfig, path, ThinkingConfigFields);
        if (ProtoJson.Field(thinkingConfig, "thinkingBudget") is JsonElement budget)
        {
            ProtoJson.Int32(budget, ProtoJson.Path(path, "thinkingBudget"));
        }

        if (ProtoJson.Field(thinkingConfig, "thinkingLevel") is JsonElement level
            && (level.ValueKind != JsonValueKind.String || !ThinkingLevels.Contains(level.GetString()!)))
        {
            throw ProtoJson.InvalidValue(ProtoJson.Path(path, "thinkingLevel"), "type.googleapis.com/google.ai.generativelanguage.v1beta.ThinkingConfig.ThinkingLevel", level);
        }

        return ProtoJson.Field(thinkingConfig, "includeThoughts") is JsonElement include
            && ProtoJson.Boolean(include, ProtoJson.Path(path, "includeThoughts"));
    }
}
