// IImageGenerator is [Experimental("MEAI001")] in Microsoft.Extensions.AI.Abstractions; these tests exercise it on purpose.
#pragma warning disable MEAI001

using Microsoft.Extensions.AI;

namespace NanoBanana.Sdk.Tests.ExtensionsAI;

/// <summary>What <see cref="IImageGenerator.GetService"/> hands out: metadata, the generator, the client and what the client holds.</summary>
public sealed class ImageGeneratorServiceTests
{
    [Fact]
    public void Metadata_names_the_provider_and_the_default_model()
    {
        using var generator = new RecordingImageGenerationClient { ProviderName = "Gemini" }.AsIImageGenerator("gemini-3-pro-image-preview");

        var metadata = generator.GetService<ImageGeneratorMetadata>()!;

        Assert.Equal("Gemini", metadata.ProviderName);
        Assert.Equal("gemini-3-pro-image-preview", metadata.DefaultModelId);
    }

    [Fact]
    public void Metadata_has_no_default_model_when_none_was_given()
    {
        using var generator = new RecordingImageGenerationClient().AsIImageGenerator();

        Assert.Null(generator.GetService<ImageGeneratorMetadata>()!.DefaultModelId);
    }

    [Fact]
    public void The_underlying_client_is_returned_as_the_sdk_interface()
    {
        var client = new RecordingImageGenerationClient();
        using var generator = client.AsIImageGenerator();

        Assert.Same(client, generator.GetService<IImageGenerationClient>());
    }

    [Fact]
    public void The_providers_typed_client_comes_from_the_underlying_client()
    {
        var typed = new Uri("https://127.0.0.1/stands-in-for-a-typed-client");
        using var generator = new RecordingImageGenerationClient { TypedService = typed }.AsIImageGenerator();

        Assert.Same(typed, generator.GetService<Uri>());
    }

    [Fact]
    public void A_keyed_request_is_answered_by_the_underlying_client()
    {
        var typed = new Uri("https://127.0.0.1/keyed");
        using var generator = new RecordingImageGenerationClient { TypedService = typed, TypedServiceKey = "eu" }.AsIImageGenerator();

        Assert.Same(typed, generator.GetService<Uri>("eu"));
        Assert.Null(generator.GetService<Uri>());
        Assert.Null(generator.GetService<ImageGeneratorMetadata>("eu"));
    }

    [Fact]
    public void The_generator_returns_itself_for_its_own_interface()
    {
        using var generator = new RecordingImageGenerationClient().AsIImageGenerator();

        Assert.Same(generator, generator.GetService<IImageGenerator>());
    }

    [Fact]
    public void An_unknown_service_is_null()
    {
        using var generator = new RecordingImageGenerationClient().AsIImageGenerator();

        Assert.Null(generator.GetService<IServiceProvider>());
    }

    [Fact]
    public void A_null_service_type_is_rejected()
    {
        using var generator = new RecordingImageGenerationClient().AsIImageGenerator();

        Assert.Throws<ArgumentNullException>(() => generator.GetService(null!));
    }

    [Fact]
    public void Disposing_the_generator_leaves_the_client_usable()
    {
        var client = new DisposeCountingClient();
        var generator = client.AsIImageGenerator();

        generator.Dispose();

        Assert.Equal(0, client.Disposals);
    }

    [Fact]
    public void A_null_client_is_rejected()
    {
        Assert.Throws<ArgumentNullException>(() => ((IImageGenerationClient)null!).AsIImageGenerator());
    }

    private sealed class DisposeCountingClient : IImageGenerationClient, IDisposable
    {
        private readonly RecordingImageGenerationClient _inner = new();

        public int Disposals { get; private set; }

        public string ProviderName => _inner.ProviderName;

        public ImageGenerationCapabilities Capabilities => _inner.Capabilities;

        public Task<ImageGenerationResult> GenerateAsync(ImageGenerationRequest request, CancellationToken cancellationToken = default) =>
            _inner.GenerateAsync(request, cancellationToken);

        public IAsyncEnumerable<ImageGenerationUpdate> GenerateStreamingAsync(ImageGenerationRequest request, CancellationToken cancellationToken = default) =>
            _inner.GenerateStreamingAsync(request, cancellationToken);

        public Task<ImageGenerationOperation> StartGenerationAsync(ImageGenerationRequest request, CancellationToken cancellationToken = default) =>
            _inner.StartGenerationAsync(request, cancellationToken);

        public Task<ImageGenerationOperation> GetGenerationAsync(string operationId, CancellationToken cancellationToken = default) =>
            _inner.GetGenerationAsync(operationId, cancellationToken);

        public object? GetService(Type serviceType, object? serviceKey = null) => _inner.GetService(serviceType, serviceKey);

        public void Dispose() => Disposals++;
    }
}
