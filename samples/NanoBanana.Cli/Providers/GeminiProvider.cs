using Microsoft.Extensions.DependencyInjection;
using NanoBanana.Sdk;
using NanoBanana.Sdk.Providers.Gemini;

namespace NanoBanana.Cli.Providers;

/// <summary>
/// Google's Gemini API: models come from its typed client, everything else from the common contract. Google bills
/// per token and has no balance call, so <c>credits</c> reports that it is not available for this provider. The key
/// goes in <c>x-goog-api-key</c>; a gateway that wants <c>Authorization: Bearer</c> needs the SDK's AuthScheme option.
/// </summary>
internal static class GeminiProvider
{
    public const string Name = GeminiServiceCollectionExtensions.DefaultName;

    public static ProviderEntry Entry { get; } = new()
    {
        Name = Name,
        ApiKeyEnvironmentVariables = GeminiImageClientOptions.ApiKeyEnvironmentVariables,

        // Gemini keeps no jobs: an operation has already ended when it is returned, so it is never polled.
        DocumentedPolling = PollingStrategy.Default,
        EmulatorBaseAddress = emulator => emulator.GeminiBaseAddress,
        Register = (builder, connection) => builder.AddGemini(Name, options =>
        {
            // Left unset, the SDK falls back to the environment variables and Google's base URL.
            if (connection.ApiKey is { } apiKey)
            {
                options.ApiKey = apiKey;
            }

            if (connection.BaseAddress is { } baseAddress)
            {
                options.BaseAddress = baseAddress;
            }
        }),
        ListModels = ListModelsAsync,
    };

    private static async Task<IReadOnlyList<ModelDescription>> ListModelsAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var models = await services.GetRequiredKeyedService<GeminiImageClient>(Name).GetModelsAsync(cancellationToken).ConfigureAwait(false);
        return [.. models.Select(model => new ModelDescription(model.Id, model.DisplayName, null, model.SupportedGenerationMethods))];
    }
}
