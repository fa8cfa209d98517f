using Microsoft.Extensions.Logging;
using NanoBanana.Sdk.Providers.Apixo;
using NanoBanana.Sdk.Providers.Gemini;
using NanoBanana.Sdk.Providers.NanaNanoBanana;
using NanoBanana.Sdk.Testing;

namespace NanoBanana.Sdk.Tests.Telemetry;

/// <summary>Clients pointed at the emulator, built without DI, so each owns the SDK's HTTP pipeline (retries, then a span per attempt).</summary>
public static class TelemetryClients
{
    /// <summary>A cadence of 5 s between polls: with a <see cref="ManualTimeProvider"/> the job's times are exact.</summary>
    public static readonly PollingStrategy FiveSeconds = PollingStrategy.Fixed(TimeSpan.FromSeconds(5));

    /// <summary>A nananobanana client (sync, stream, async + poll, credits).</summary>
    /// <param name="emulator">The emulator.</param>
    /// <param name="time">The clock; null for the system clock.</param>
    /// <param name="apiKey">The key; null for the emulator's.</param>
    /// <param name="loggerFactory">Where the client logs.</param>
    /// <returns>The client.</returns>
    public static NanaNanoBananaImageClient NanaNanoBanana(
        NanoBananaEmulator emulator, TimeProvider? time = null, string? apiKey = null, ILoggerFactory? loggerFactory = null) =>
        new(
            new NanaNanoBananaImageClientOptions
            {
                ApiKey = apiKey ?? emulator.ApiKey,
                BaseAddress = emulator.NanaNanoBananaBaseAddress,
                PollingStrategy = FiveSeconds,
            },
            time,
            loggerFactory);

    /// <summary>An APIXO client (async + poll only, the status read carries the task id in its query string).</summary>
    /// <param name="emulator">The emulator.</param>
    /// <param name="time">The clock.</param>
    /// <returns>The client.</returns>
    public static ApixoImageClient Apixo(NanoBananaEmulator emulator, TimeProvider time) =>
        new(
            new ApixoImageClientOptions { ApiKey = emulator.ApiKey, BaseAddress = emulator.ApixoBaseAddress, PollingStrategy = FiveSeconds },
            time);

    /// <summary>A Gemini client (sync and stream, inline base64 images, token usage).</summary>
    /// <param name="emulator">The emulator.</param>
    /// <param name="loggerFactory">Where the client logs.</param>
    /// <returns>The client.</returns>
    public static GeminiImageClient Gemini(NanoBananaEmulator emulator, ILoggerFactory? loggerFactory = null) =>
        new(new GeminiImageClientOptions { ApiKey = emulator.ApiKey, BaseAddress = emulator.GeminiBaseAddress }, timeProvider: null, loggerFactory);
}
