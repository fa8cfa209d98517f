using NanoBanana.Sdk;
using NanoBanana.Sdk.Extensions.AI;

namespace Microsoft.Extensions.AI;

/// <summary>Exposes a NanoBanana.Sdk client as a Microsoft.Extensions.AI <see cref="IImageGenerator"/>.</summary>
public static class NanoBananaImageGenerationClientExtensions
{
    /// <summary>
    /// Wraps <paramref name="client"/> in an <see cref="IImageGenerator"/>, so code written against Microsoft.Extensions.AI
    /// (and its middleware) generates and edits images through any NanoBanana.Sdk provider.
    /// </summary>
    /// <param name="client">The provider client; the generator does not dispose it.</param>
    /// <param name="defaultModelId">
    /// The model used when <see cref="ImageGenerationOptions.ModelId"/> is not set; <see langword="null"/> uses the provider's default.
    /// </param>
    /// <returns>The generator.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="client"/> is <see langword="null"/>.</exception>
    /// <remarks>
    /// The prompt and the original images (<see cref="DataContent"/> bytes or <see cref="UriContent"/> URLs) become the
    /// request; <see cref="ImageGenerationOptions.ImageSize"/> picks the closest aspect ratio and the smallest resolution
    /// tier that covers it among those the provider supports. Results are <see cref="DataContent"/> for bytes (with the media
    /// type read from the image itself) and <see cref="UriContent"/> for URLs, unless
    /// <see cref="ImageGenerationOptions.ResponseFormat"/> asks for <see cref="ImageGenerationResponseFormat.Data"/>, which
    /// downloads them. Failures are the SDK's own exceptions, and the caller's cancellation token reaches every request.
    /// </remarks>
    public static IImageGenerator AsIImageGenerator(this IImageGenerationClient client, string? defaultModelId = null)
    {
        ArgumentNullException.ThrowIfNull(client);
        return new NanoBananaImageGenerator(client, defaultModelId);
    }
}
