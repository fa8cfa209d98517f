using Microsoft.Extensions.DependencyInjection;
using NanoBanana.Sdk.Providers.AceData;

namespace NanoBanana.Cli.Providers;

/// <summary>
/// Ace Data Cloud: every command goes through the common contract. The vendor documents no model list and no balance
/// call, so <c>models</c> and <c>credits</c> report that they are not available for this provider.
/// </summary>
internal static class AceDataProvider
{
    public const string Name = AceDataServiceCollectionExtensions.DefaultName;

    public static ProviderEntry Entry { get; } = new()
    {
        Name = Name,
        ApiKeyEnvironmentVariables = AceDataImageClientOptions.ApiKeyEnvironmentVariables,
        DocumentedPolling = new AceDataImageClientOptions().PollingStrategy,
        EmulatorBaseAddress = emulator => emulator.AceDataBaseAddress,
        Register = (builder, connection) => builder.AddAceData(Name, options =>
        {
            // Left unset, the SDK falls back to the environment variables and the documented base URL.
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
