namespace NanoBanana.Sdk.Http;

/// <summary><see cref="IImageGenerationClient.GetService"/> as every provider client answers it.</summary>
internal static class ProviderClientService
{
    /// <summary>
    /// The client itself when asked without a key for a type it is, else <see langword="null"/>: vendor-only features are
    /// methods of the typed client, so there is nothing else to hand out.
    /// </summary>
    public static object? Self(IImageGenerationClient client, Type serviceType, object? serviceKey)
    {
        ArgumentNullException.ThrowIfNull(serviceType);
        return serviceKey is null && serviceType.IsInstanceOfType(client) ? client : null;
    }
}
