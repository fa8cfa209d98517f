namespace NanoBanana.Sdk;

/// <summary>Resolves registered providers by name.</summary>
public interface IImageGenerationClientFactory
{
    /// <summary>The registered names, in registration order.</summary>
    IReadOnlyList<string> Names { get; }

    /// <summary>Returns the provider registered under a name.</summary>
    /// <param name="name">The registration name, for example <c>nananobanana</c>.</param>
    /// <returns>The client.</returns>
    /// <exception cref="InvalidOperationException">No provider has that name.</exception>
    IImageGenerationClient GetClient(string name);
}
