using Microsoft.Extensions.DependencyInjection;
using NanoBanana.Sdk.Providers.DreamToJobs;

namespace NanoBanana.Cli.Providers;

/// <summary>
/// DreamTo's job API: async jobs only, so every generate mode submits and polls. It documents no model or balance call,
/// and no public base URL, so against the real vendor <c>--base-url</c> is required.
/// </summary>
internal static class DreamToJobsProvider
{
    public const string Name = DreamToJobsServiceCollectionExtensions.DefaultName;

    public static ProviderEntry Entry { get; } = new()
    {
        Name = Name,
        ApiKeyEnvironmentVariables = DreamToJobsImageClientOptions.ApiKeyEnvironmentVariables,
        DocumentedPolling = new DreamToJobsImageClientOptions().PollingStrategy,
        EmulatorBaseAddress = emulator => emulator.DreamToBaseAddress,
        Register = (builder, connection) => builder.AddDreamToJobs(Name, options =>
        {
            // Left unset, the SDK falls back to DREAMTO_API_KEY; the base address has no default, so validation names it.
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
