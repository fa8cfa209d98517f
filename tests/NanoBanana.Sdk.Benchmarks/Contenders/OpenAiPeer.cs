using System.ClientModel;
using OpenAI;
using OpenAI.Images;

namespace NanoBanana.Sdk.Benchmarks.Contenders;

/// <summary>
/// The OpenAI .NET SDK's <see cref="ImageClient"/> pointed at the local server, which answers in the OpenAI images shape
/// (<c>b64_json</c>). One client per endpoint; they all send through OpenAI's default shared transport, as apps do.
/// </summary>
internal sealed class OpenAiPeer(Uri endpoint)
{
    private static readonly ImageGenerationOptions Options = new() { ResponseFormat = GeneratedImageFormat.Bytes };

    private readonly ImageClient _client = new("gpt-image-1", new ApiKeyCredential("x"), new OpenAIClientOptions { Endpoint = endpoint });

    public async Task<ReadOnlyMemory<byte>> GenerateAsync(CancellationToken cancellationToken)
    {
        var result = await _client.GenerateImageAsync(GeminiRequestBody.Prompt, Options, cancellationToken);
        return result.Value.ImageBytes.ToMemory();
    }
}
