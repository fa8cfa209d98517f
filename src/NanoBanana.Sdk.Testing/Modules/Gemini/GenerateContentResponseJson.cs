using System.Text.Json;
using NanoBanana.Sdk.Testing.Http;
using NanoBanana.Sdk.Testing.Images;

namespace NanoBanana.Sdk.Testing.Modules.Gemini;

/// <summary>
/// Writes <c>GenerateContentResponse</c> JSON (lowerCamelCase, zero counts omitted as proto3 JSON does): the whole
/// answer for <c>:generateContent</c>, or the chunks of <c>:streamGenerateContent</c>. Images are encoded as PNGs
/// and written with <see cref="Utf8JsonWriter.WriteBase64String(string, ReadOnlySpan{byte})"/>, which emits
/// <c>+</c> and <c>/</c> unescaped.
/// </summary>
internal static class GenerateContentResponseJson
{
    private const string PngMediaType = "image/png";

    /// <summary>The whole answer in one body.</summary>
    public static ReadOnlyMemory<byte> Complete(GeminiGeneration generation) =>
        Build(generation, generation.Parts, finished: true);

    /// <summary>
    /// The stream: one chunk per part (text first, then each image), then a last chunk with the finish reason and
    /// usage. A blocked prompt is a single chunk. Chunks are built lazily, so an image is encoded just before it is sent.
    /// </summary>
    public static IEnumerable<ReadOnlyMemory<byte>> Chunks(GeminiGeneration generation)
    {
        if (generation.BlockReason is not null)
        {
            yield return Complete(generation);
            yield break;
        }

        foreach (var part in generation.Parts)
        {
            yield return Build(generation, [part], finished: false);
        }

        yield return Build(generation, [], finished: true);
    }

    /// <summary>How many chunks <see cref="Chunks"/> yields, known before any is built.</summary>
    public static int ChunkCount(GeminiGeneration generation) =>
        generation.BlockReason is null ? generation.Parts.Count + 1 : 1;

    private static ReadOnlyMemory<byte> Build(GeminiGeneration generation, IReadOnlyList<OutputPart> parts, bool finished) =>
        JsonResponse.Build(writer =>
        {
            writer.WriteStartObject();
            if (generation.BlockReason is { } blockReason)
            {
                writer.WriteStartObject("promptFeedback");
                writer.WriteString("blockReason", blockReason);
                writer.WriteEndObject();
            }
            else
            {
                WriteCandidate(writer, generation, parts, finished);
            }

            if (finished)
            {
                WriteUsage(writer, generation.Usage, withDetails: generation.BlockReason is null);
            }

            writer.WriteString("modelVersion", generation.ModelVersion);
            writer.WriteString("responseId", generation.ResponseId);
            writer.WriteEndObject();
        });

    private static void WriteCandidate(Utf8JsonWriter writer, GeminiGeneration generation, IReadOnlyList<OutputPart> parts, bool finished)
    {
        writer.WriteStartArray("candidates");
        writer.WriteStartObject();
        if (parts.Count > 0)
        {
            writer.WriteStartObject("content");
            writer.WriteString("role", "model");
            writer.WriteStartArray("parts");
            foreach (var part in parts)
            {
                WritePart(writer, part);
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        if (finished)
        {
            writer.WriteString("finishReason", generation.FinishReason);
            if (generation.FinishMessage is { } message)
            {
                writer.WriteString("finishMessage", message);
            }
        }

        writer.WriteNumber("index", 0);
        writer.WriteEndObject();
        writer.WriteEndArray();
    }

    private static void WritePart(Utf8JsonWriter writer, OutputPart part)
    {
        writer.WriteStartObject();
        if (part.Image is ImageSpec image)
        {
            writer.WriteStartObject("inlineData");
            writer.WriteString("mimeType", PngMediaType);
            writer.WriteBase64String("data", PngEncoder.Encode(image));
            writer.WriteEndObject();
        }
        else
        {
            writer.WriteString("text", part.Text);
        }

        if (part.Thought)
        {
            writer.WriteBoolean("thought", true);
        }

        if (part.ThoughtSignature is { } signature)
        {
            writer.WriteString("thoughtSignature", signature);
        }

        writer.WriteEndObject();
    }

    private static void WriteUsage(Utf8JsonWriter writer, GeminiUsage usage, bool withDetails)
    {
        writer.WriteStartObject("usageMetadata");
        WriteCount(writer, "promptTokenCount", usage.PromptTokens);
        WriteCount(writer, "candidatesTokenCount", usage.CandidateTokens);
        WriteCount(writer, "totalTokenCount", usage.TotalTokens);
        if (withDetails)
        {
            WriteDetails(writer, "promptTokensDetails", usage.PromptText, usage.PromptImages);
            WriteDetails(writer, "candidatesTokensDetails", usage.CandidateText, usage.CandidateImages);
        }

        WriteCount(writer, "thoughtsTokenCount", usage.Thoughts);
        writer.WriteEndObject();
    }

    private static void WriteDetails(Utf8JsonWriter writer, string name, int textTokens, int imageTokens)
    {
        if (textTokens == 0 && imageTokens == 0)
        {
            return;
        }

        writer.WriteStartArray(name);
        WriteModality(writer, "TEXT", textTokens);
        WriteModality(writer, "IMAGE", imageTokens);
        writer.WriteEndArray();
    }

    private static void WriteModality(Utf8JsonWriter writer, string modality, int tokens)
    {
        if (tokens == 0)
        {
            return;
        }

        writer.WriteStartObject();
        writer.WriteString("modality", modality);
        writer.WriteNumber("tokenCount", tokens);
        writer.WriteEndObject();
    }

    private static void WriteCount(Utf8JsonWriter writer, string name, int value)
    {
        if (value != 0)
        {
            writer.WriteNumber(name, value);
        }
    }
}
