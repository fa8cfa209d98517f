namespace NanoBanana.Sdk;

/// <summary>
/// Generates and edits images with a Nano Banana model through one vendor. Every provider supports every
/// method: what a vendor lacks natively is emulated, and <see cref="Capabilities"/> says what is native.
/// </summary>
public interface IImageGenerationClient
{
    /// <summary>The provider's name, for example <c>NanaNanoBanana</c>.</summary>
    string ProviderName { get; }

    /// <summary>What this provider supports and which modes are native.</summary>
    ImageGenerationCapabilities Capabilities { get; }

    /// <summary>Runs the whole job and returns its final result.</summary>
    /// <param name="request">What to generate.</param>
    /// <param name="cancellationToken">Cancels the call; a job the vendor already accepted keeps running there.</param>
    /// <returns>The generated images.</returns>
    /// <exception cref="ArgumentException">The request is invalid; nothing was sent.</exception>
    /// <exception cref="NotSupportedException">The request asks for something this provider cannot do; nothing was sent.</exception>
    /// <exception cref="NanoBananaException">The vendor or the transport failed.</exception>
    Task<ImageGenerationResult> GenerateAsync(ImageGenerationRequest request, CancellationToken cancellationToken = default);

    /// <summary>
    /// Runs the job and reports progress as it goes. The last update is always exactly one
    /// <see cref="ImageGenerationCompletedUpdate"/>; a failure throws the same exceptions as <see cref="GenerateAsync"/>.
    /// </summary>
    /// <param name="request">What to generate.</param>
    /// <param name="cancellationToken">Cancels the enumeration.</param>
    /// <returns>Progress updates, then the completed update.</returns>
    IAsyncEnumerable<ImageGenerationUpdate> GenerateStreamingAsync(ImageGenerationRequest request, CancellationToken cancellationToken = default);

    /// <summary>Submits the job and returns as soon as the vendor accepted it.</summary>
    /// <param name="request">What to generate.</param>
    /// <param name="cancellationToken">Cancels the submit.</param>
    /// <returns>An operation to poll or wait on; its <see cref="ImageGenerationOperation.Id"/> resumes it elsewhere.</returns>
    Task<ImageGenerationOperation> StartGenerationAsync(ImageGenerationRequest request, CancellationToken cancellationToken = default);

    /// <summary>Resumes an operation from its id, reading its current state from the vendor.</summary>
    /// <param name="operationId">The id of an operation started earlier, possibly by another process.</param>
    /// <param name="cancellationToken">Cancels the status read.</param>
    /// <returns>The operation at its current state.</returns>
    Task<ImageGenerationOperation> GetGenerationAsync(string operationId, CancellationToken cancellationToken = default);

    /// <summary>Returns a service the client holds, such as the provider's typed client for vendor-only features.</summary>
    /// <param name="serviceType">The type of service wanted.</param>
    /// <param name="serviceKey">An optional key for the service.</param>
    /// <returns>The service, or <see langword="null"/> when the client has none of that type.</returns>
    object? GetService(Type serviceType, object? serviceKey = null);
}
