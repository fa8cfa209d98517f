using Microsoft.Extensions.DependencyInjection;
using NanoBanana.Sdk.Providers.Apixo;

namespace NanoBanana.Cli.Providers;

/// <summary>APIXO (api.apixo.ai): async tasks only, so every generate mode submits and polls. It documents no model or balance call.</summary>
internal static class ApixoProvider
{
    public const string Name = ApixoServiceCollectionExtensions.DefaultName;

    public static ProviderEntry Entry { get; } = new()
    {
        Name = Name,
        ApiKeyEnvironmentVariables = ApixoImageClientOptions.ApiKeyEnvironmentVariables,
        DocumentedPolling = new ApixoImageClientOptions().PollingStrategy,
        EmulatorBaseAddress = emulator => emulator.ApixoBaseAddress,
        Register = (builder, connection) => builder.AddApixo(Name, options =>
        {
            // Left unset, the SDK falls back to APIXO_API_KEY and the documented base URL.
            if (connection.ApiKey is { } apiKey)
            {
                options.ApiKey = apiKey;
            }

            if (connection.BaseAddress is { } baseAddress)
            {
                options.BaseAddress = baseAddress;
            }

            if (connection.Polling is { } polling)
            {
                options.PollingStrategy = polling;
            }
        }),
    };
}
