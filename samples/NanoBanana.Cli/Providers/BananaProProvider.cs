using Microsoft.Extensions.DependencyInjection;
using NanoBanana.Sdk.Providers.BananaPro;

namespace NanoBanana.Cli.Providers;

/// <summary>
/// The BananaPro gateway: submit only, so every generate mode submits and polls the SDK's assumed status path (a CLI
/// run hosts no webhook endpoint). <c>credits</c> shows the API wallet; the vendor documents no model listing.
/// </summary>
internal static class BananaProProvider
{
    public const string Name = BananaProServiceCollectionExtensions.DefaultName;

    public static ProviderEntry Entry { get; } = new()
    {
        Name = Name,
        ApiKeyEnvironmentVariables = BananaProImageClientOptions.ApiKeyEnvironmentVariables,
        DocumentedPolling = new BananaProImageClientOptions().PollingStrategy,
        EmulatorBaseAddress = emulator => emulator.BananaProBaseAddress,
        Register = (builder, connection) => builder.AddBananaPro(Name, options =>
        {
            // Left unset, the SDK falls back to BANANAPRO_API_KEY and the documented gateway.
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
        ReadCredits = async (services, cancellationToken) =>
            (await services.GetRequiredKeyedService<BananaProImageClient>(Name).GetBalancesAsync(cancellationToken).ConfigureAwait(false)).ApiCredits,
    };
}
