using System.Text.Json.Serialization;

namespace NanoBanana.Sdk.Benchmarks.Contenders;

/// <summary>A nananobanana poll answer as a raw client types it: every field the SDK's record reads, so both do the same work.</summary>
internal sealed record RawPollEnvelope
{
    public RawGeneration? Data { get; init; }
}

internal sealed record RawGeneration
{
    public string? Id { get; init; }

    public string? Prompt { get; init; }

    public List<string>? OutputImageUrls { get; init; }

    public string? ModelUsed { get; init; }

    public string? ProcessingStatus { get; init; }

    public string? ErrorMessage { get; init; }

    public decimal? CreditsUsed { get; init; }

    public DateTimeOffset? CreatedAt { get; init; }
}

/// <summary>A nananobanana stream event as a raw client types it.</summary>
internal sealed record RawStreamEvent(string? Type, string? Message, double? Progress);

/// <summary>A Gemini stream chunk as a raw client types it, the image as <see cref="byte"/>[] (System.Text.Json decodes the base64).</summary>
internal sealed record RawGeminiChunk(List<RawGeminiCandidate>? Candidates);

internal sealed record RawGeminiCandidate(RawGeminiContent? Content, string? FinishReason);

internal sealed record RawGeminiContent(List<RawGeminiPart>? Parts);

internal sealed record RawGeminiPart(string? Text, RawGeminiInlineData? InlineData);

internal sealed record RawGeminiInlineData(string? MimeType, byte[]? Data);

/// <summary>Source-generated metadata for the raw baselines (camelCase, as both vendors answer).</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(RawPollEnvelope))]
[JsonSerializable(typeof(RawStreamEvent))]
[JsonSerializable(typeof(RawGeminiChunk))]
internal sealed partial class RawJson : JsonSerializerContext;
