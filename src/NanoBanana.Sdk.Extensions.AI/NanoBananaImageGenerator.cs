using Microsoft.Extensions.AI;
using MeaiImageGenerationRequest = Microsoft.Extensions.AI.ImageGenerationRequest;

namespace NanoBanana.Sdk.Extensions.AI;

/// <summary>An <see cref="IImageGenerator"/> over one <see cref="IImageGenerationClient"/>.</summary>
internal sealed class NanoBananaImageGenerator : IImageGenerator
{
    private readonly IImageGenerationClient _client;
    private readonly string? _defaultModelId;
    private readonly ImageGeneratorMetadata _metadata;

    public NanoBananaImageGenerator(IImageGenerationClient client, string? defaultModelId)
    {
        _client = client;
        _defaultModelId = string.IsNullOrWhiteSpace(defaultModelId) ? null : defaultModelId;
        // The SDK's clients do not publish their base address, so the metadata names the provider and model only.
        _metadata = new ImageGeneratorMetadata(client.ProviderName, providerUri: null, _defaultModelId);
    }

    public async Task<ImageGenerationResponse> GenerateAsync(
        MeaiImageGenerationRequest request, ImageGenerationOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var sdkRequest = ImageGenerationRequestMapper.ToSdkRequest(request, options, _client.Capabilities, _defaultModelId, this);
        var result = await _client.GenerateAsync(sdkRequest, cancellationToken).ConfigureAwait(false);
        return await ImageGenerationResponseMapper.ToResponseAsync(result, options?.ResponseFormat, cancellationToken).ConfigureAwait(false);
    }

    public object? GetService(Type serviceType, object? serviceKey = null)
    {
        ArgumentNullException.ThrowIfNull(serviceType);
        if (serviceKey is null)
        {
            if (serviceType == typeof(ImageGeneratorMetadata))
            {
                return _metadata;
            }

            if (serviceType.IsInstanceOfType(this))
            {
                return this;
            }

            if (serviceType.IsInstanceOfType(_client))
            {
                return _client;
            }
        }

        // The provider's typed client (vendor-only operations) and anything it holds.
        return _client.GetService(serviceType, serviceKey);
    }

    /// <summary>Does nothing: the client belongs to whoever created it, usually the DI container.</summary>
    public void Dispose()
    {
    }
}
