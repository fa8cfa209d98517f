using Microsoft.Extensions.Configuration;
using NanoBanana.Sdk.Providers.Gemini;
using NanoBanana.Sdk.Providers.NanaNanoBanana;
using NanoBanana.Sdk.Testing;

namespace NanoBanana.HostedApp;

/// <summary>
/// With no API key for either provider, starts the in-process emulator and layers its addresses and key over the
/// providers' sections, so the app's registrations stay exactly as they are with real keys.
/// </summary>
internal static class OfflineEmulator
{
    public static async Task<NanoBananaEmulator?> StartIfNoKeysAsync(IConfigurationManager configuration)
    {
        if (HasKey(configuration.GetSection("NanoBanana:NanaNanoBanana"), NanaNanoBananaImageClientOptions.ApiKeyEnvironmentVariables)
            || HasKey(configuration.GetSection("NanoBanana:Gemini"), GeminiImageClientOptions.ApiKeyEnvironmentVariables))
        {
            return null;
        }

        var emulator = await NanoBananaEmulator.StartAsync();
        configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["NanoBanana:NanaNanoBanana:BaseAddress"] = emulator.NanaNanoBananaBaseAddress.ToString(),
            ["NanoBanana:NanaNanoBanana:ApiKey"] = emulator.ApiKey,
            ["NanoBanana:Gemini:BaseAddress"] = emulator.GeminiBaseAddress.ToString(),
            ["NanoBanana:Gemini:ApiKey"] = emulator.ApiKey,
        });

        // The preferred provider refuses the job unrun, as an account out of credits does, so the failover moves on.
        if (configuration.GetValue<bool>("Emulator:FirstProviderOutOfCredits"))
        {
            emulator.Scenario.EnqueueFault(new EmulatorFault(402) { PathSuffix = "/nananobanana/api/v1/generate" });
        }

        Console.WriteLine(
            $"No API key for nananobanana ({string.Join(" / ", NanaNanoBananaImageClientOptions.ApiKeyEnvironmentVariables)}) or Gemini " +
            $"({string.Join(" / ", GeminiImageClientOptions.ApiKeyEnvironmentVariables)}): using the built-in emulator at {emulator.BaseAddress}; images are synthetic.");
        return emulator;
    }

    private static bool HasKey(IConfigurationSection section, IReadOnlyList<string> environmentVariables) =>
        !string.IsNullOrWhiteSpace(section["ApiKey"])
        || environmentVariables.Any(name => !string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(name)));
}
