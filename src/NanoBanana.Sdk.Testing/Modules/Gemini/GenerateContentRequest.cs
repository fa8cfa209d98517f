using System.Collections.Frozen;
using System.Text.Json;

namespace NanoBanana.Sdk.Testing.Modules.Gemini;

/// <summary>
/// What the emulator needs from a <c>GenerateContentRequest</c> (protocols/gemini-official.md), read and checked as
/// Google's parser would: unknown fields, wrong types and bad enum values are 400s. Fields the emulator does not act
/// on (safety thresholds, tools, sampling) are accepted when well-formed.
/// </summary>
internal sealed record GenerateContentRequest
{
    private static readonly FrozenSet<string> RequestFields = ProtoJson.Names(
        "contents", "generationConfig", "safetySettings", "tools", "toolConfig", "systemInstruction", "cachedContent", "model");

    /// <summary>The text of the last user turn: what the picture is of, and the seed that makes it repeatable.</summary>
    public required string Prompt { get; init; }

    /// <summary>How many characters of text the whole conversation holds, for the prompt token count.</summary>
    public required int PromptCharacters { get; init; }

    /// <summary>Images in user turns: the references the model works from.</summary>
    public required IReadOnlyList<ReferenceImage> ReferenceImages { get; init; }

    /// <summary>Images in model turns: earlier outputs echoed back as history in a multi-turn edit.</summary>
    public required int HistoryImages { get; init; }

    /// <summary>The generation settings; defaults when the request has no <c>generationConfig</c>.</summary>
    public required GenerationSettings Settings { get; init; }

    /// <summary>Reads the body; throws <see cref="GeminiInvalidArgumentException"/> where Google would answer 400.</summary>
    public static GenerateContentRequest Parse(ReadOnlyMemory<byte> body)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body);
        }
        catch (JsonException e)
        {
            throw new GeminiInvalidArgumentException("Invalid JSON payload received. " + e.Message);
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw new GeminiInvalidArgumentException("Invalid JSON payload received. Expected an object.");
            }

            ProtoJson.RejectUnknownFields(root, string.Empty, RequestFields);
            var contents = ContentsReader.Read(ProtoJson.Field(root, "contents"));
            SafetySettingsReader.Read(ProtoJson.Field(root, "safetySettings"));
            return new GenerateContentRequest
            {
                Prompt = contents.Prompt,
                PromptCharacters = contents.TextCharacters,
                ReferenceImages = contents.ReferenceImages,
                HistoryImages = contents.HistoryImages,
                Settings = GenerationSettings.Read(ProtoJson.Field(root, "generationConfig")),
            };
        }
    }
}
