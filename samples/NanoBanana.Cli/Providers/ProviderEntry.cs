using NanoBanana.Sdk;
using NanoBanana.Sdk.DependencyInjection;
using NanoBanana.Sdk.Testing;

namespace NanoBanana.Cli.Providers;

/// <summary>Everything the CLI needs to know about one vendor; adding a vendor means adding one of these to <see cref="ProviderCatalog"/>.</summary>
internal sealed record ProviderEntry
{
    /// <summary>The <c>--provider</c> value, also used as the SDK registration name.</summary>
    public required string Name { get; init; }

    /// <summary>The environment variables the SDK reads the key from, in order.</summary>
    public required IReadOnlyList<string> ApiKeyEnvironmentVariables { get; init; }

    /// <summary>The vendor's documented polling cadence (the SDK client's default).</summary>
    public required PollingStrategy DocumentedPolling { get; init; }

    /// <summary>Where this vendor's protocol lives on the built-in emulator.</summary>
    public required Func<NanoBananaEmulator, Uri> EmulatorBaseAddress { get; init; }

    /// <summary>Adds the provider to the SDK under <see cref="Name"/>.</summary>
    public required Func<NanoBananaBuilder, ProviderConnection, NanoBananaProviderBuilder> Register { get; init; }

    /// <summary>Lists the vendor's models; null when the vendor has no such call.</summary>
    public Func<IServiceProvider, CancellationToken, Task<IReadOnlyList<ModelDescription>>>? ListModels { get; init; }

    /// <summary>Reads the account balance; null when the vendor has no such call.</summary>
    public Func<IServiceProvider, CancellationToken, Task<decimal>>? ReadCredits { get; init; }

    /// <summary>The API key found in the environment, if any.</summary>
    public string? ApiKeyFromEnvironment() => ApiKeyEnvironmentVariables
        .Select(Environment.GetEnvironmentVariable)
        .FirstOrDefault(value => !string.IsNullOrWhiteSpace(value));
}
