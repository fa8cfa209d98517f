using Microsoft.Extensions.DependencyInjection;
using NanoBanana.Sdk.Providers.NanaNanoBanana;

namespace NanoBanana.Cli.Providers;

/// <summary>nananobanana.com: models and credits come from its typed client, everything else from the common contract.</summary>
internal static class NanaNanoBananaProvider
{
    public const string Name = "nananobanana";

    public static ProviderEntry Entry { get; } = new()
    {
        Name = Name,
        ApiKeyEnvironmentVariables = NanaNanoBananaImageClientOptions.ApiKeyEnvironmentVariables,
        DocumentedPolling = new NanaNanoBananaImageClientOptions().PollingStrategy,
        EmulatorBaseAddress = emulator => emulator.NanaNanoBananaBaseAddress,
        Register = (builder, connection) => builder.AddNanaNanoBanana(Name, options =>
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
        ListModels = ListModelsAsync,
        ReadCredits = async (services, cancellationToken) =>
            (await Client(services).GetCreditsAsync(cancellationToken).ConfigureAwait(false)).Credits,
    };

    private static NanaNanoBananaImageClient Client(IServiceProvider services) =>
        services.GetRequiredKeyedService<NanaNanoBananaImageClient>(Name);

    private static async Task<IReadOnlyList<ModelDescription>> ListModelsAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var models = await Client(services).GetModelsAsync(cancellationToken).ConfigureAwait(false);
        return [.. models.Select(model => new ModelDescription(model.Name, model.DisplayName, model.CreditsCost, Traits(model)))];
    }

    private static List<string> Traits(NanaNanoBananaModelInfo model)
    {
        var traits = new List<string>();
        if (model.SupportsImageInput == true)
        {
            traits.Add("reference images");
        }

        if (model.SupportsAspectRatio == true)
        {
            traits.Add("aspect ratio");
        }

        if (model.RequiresPro == true)
        {
            traits.Add("Pro account");
        }

        return traits;
    }
}
