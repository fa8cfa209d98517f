using System.Text.Json;

namespace NanoBanana.Sdk.Providers.Gemini;

/// <summary>A common request, checked and mapped, waiting only for its oversized references to be uploaded.</summary>
internal sealed record GeminiRequestPlan(
    string Model,
    string Prompt,
    IReadOnlyList<GeminiReference> References,
    GeminiGenerationConfig GenerationConfig,
    IReadOnlyDictionary<string, JsonElement>? AdditionalProperties)
{
    /// <summary>The wire request: the prompt, then each reference inline, as an upload's URI, or as its URL.</summary>
    /// <param name="uploaded">The Files API URI of every reference with <see cref="GeminiReference.Upload"/> set.</param>
    public GeminiGenerateContentRequest ToRequest(IReadOnlyDictionary<GeminiReference, Uri> uploaded)
    {
        var parts = new List<GeminiPart>(References.Count + 1) { new() { Text = Prompt } };
        foreach (var reference in References)
        {
            var input = reference.Input;
            parts.Add(input.Kind switch
            {
                ImageInputKind.Uri => new GeminiPart { FileData = new GeminiFileData { MimeType = reference.MediaType, FileUri = input.Uri! } },
                _ when reference.Upload => new GeminiPart { FileData = new GeminiFileData { MimeType = reference.MediaType, FileUri = uploaded[reference] } },
                ImageInputKind.File => new GeminiPart { InlineData = new GeminiInlineData { MimeType = reference.MediaType, FilePath = input.FilePath } },
                _ => new GeminiPart { InlineData = new GeminiInlineData { MimeType = reference.MediaType, Data = input.Data } },
            });
        }

        return new GeminiGenerateContentRequest
        {
            Contents = [new GeminiContent { Role = "user", Parts = parts }],
            GenerationConfig = GenerationConfig,
            AdditionalProperties = AdditionalProperties?.ToDictionary(),
        };
    }
}
