using System.Net.Http.Json;

namespace NanoBanana.Sdk.Benchmarks.Contenders;

/// <summary>
/// The Gemini client most apps write by hand: <see cref="HttpClient"/>, <c>ReadFromJsonAsync</c> with
/// source-generated System.Text.Json metadata, and <see cref="Convert.FromBase64String"/> on the image's string.
/// </summary>
internal sealed class HandWrittenGeminiClient(HttpClient http)
{
    public async Task<ReadOnlyMemory<byte>> GenerateAsync(Uri endpoint, CancellationToken cancellationToken)
    {
        using var content = GeminiRequestBody.Create();
        using var response = await http.PostAsync(endpoint, content, cancellationToken);
        response.EnsureSuccessStatusCode();
        var answer = await response.Content.ReadFromJsonAsync(HandWrittenGeminiJson.Default.HandWrittenAnswer, cancellationToken);
        var image = answer?.Candidates?[0].Content?.Parts?.LastOrDefault(part => part.InlineData?.Data is not null)?.InlineData
            ?? throw new InvalidOperationException("The answer carried no image.");
        return Convert.FromBase64String(image.Data!);
    }
}
