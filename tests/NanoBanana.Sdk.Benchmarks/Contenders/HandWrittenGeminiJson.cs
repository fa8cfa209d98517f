using System.Text.Json.Serialization;

namespace NanoBanana.Sdk.Benchmarks.Contenders;

/// <summary>The Gemini answer as a hand-written client types it: the base64 as a <see cref="string"/>.</summary>
internal sealed record HandWrittenAnswer(List<HandWrittenCandidate>? Candidates);

internal sealed record HandWrittenCandidate(HandWrittenContent? Content, string? FinishReason);

internal sealed record HandWrittenContent(List<HandWrittenPart>? Parts);

internal sealed record HandWrittenPart(string? Text, HandWrittenInlineData? InlineData);

internal sealed record HandWrittenInlineData(string? MimeType, string? Data);

/// <summary>Source-generated metadata for the hand-written client (camelCase, as Gemini answers).</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(HandWrittenAnswer))]
internal sealed partial class HandWrittenGeminiJson : JsonSerializerContext;
