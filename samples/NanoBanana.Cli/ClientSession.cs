using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using NanoBanana.Cli.Providers;
using NanoBanana.Sdk;
using NanoBanana.Sdk.Testing;

namespace NanoBanana.Cli;

/// <summary>
/// The SDK client for one command run, built with dependency injection as an app would. With no API key anywhere,
/// it starts the in-process emulator and points the provider at it, so the CLI works offline out of the box.
/// </summary>
internal sealed class ClientSession : IAsyncDisposable
{
    // The emulator finishes jobs in milliseconds; the vendor's 5 s / 3 s cadence would only make the demo slow.
    private static readonly PollingStrategy EmulatorPolling = PollingStrategy.Fixed(TimeSpan.FromMilliseconds(200));

    // Two "processing" answers before "completed", so the demo shows what polling looks like.
    private const int EmulatorPollsPerJob = 3;

    // Five status events include the heartbeat the emulator interleaves, so the demo shows it too.
    private const int EmulatorStreamEvents = 5;

    private readonly ServiceProvider _services;
    private readonly NanoBananaEmulator? _emulator;

    private ClientSession(ProviderEntry provider, ServiceProvider services, NanoBananaEmulator? emulator)
    {
        Provider = provider;
        _services = services;
        _emulator = emulator;
        Client = services.GetRequiredService<IImageGenerationClient>();
        DefaultPolling = emulator is null ? provider.DocumentedPolling : EmulatorPolling;
    }

    public ProviderEntry Provider { get; }

    public IImageGenerationClient Client { get; }

    public IServiceProvider Services => _services;

    public bool UsesEmulator => _emulator is not null;

    public PollingStrategy DefaultPolling { get; }

    /// <summary>The job this run is working on, so an interruption can say how to resume it.</summary>
    public string? CurrentOperationId { get; set; }

    /// <summary>Builds the client for the chosen vendor: the real one when a key is found, otherwise the emulator.</summary>
    /// <param name="settings">The vendor and how to reach it.</param>
    /// <param name="notices">Where the one-line emulator notice goes (stderr, so stdout stays the result).</param>
    /// <param name="cancellationToken">Cancels starting the emulator.</param>
    public static async Task<ClientSession> OpenAsync(SessionSettings settings, TextWriter notices, CancellationToken cancellationToken)
    {
        var provider = ProviderCatalog.Get(settings.Provider);
        var hasKey = settings.ApiKey is not null || provider.ApiKeyFromEnvironment() is not null;

        // An explicit --base-url means a real server was meant, so falling back to the emulator would hide the mistake.
        if (!hasKey && settings.BaseUrl is not null)
        {
            throw new ArgumentException(
                $"--base-url needs an API key: pass --api-key or set {string.Join(" / ", provider.ApiKeyEnvironmentVariables)}.");
        }

        var emulator = hasKey ? null : await StartEmulatorAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var services = new ServiceCollection();
            services.AddLogging(logging => ConfigureLogging(logging, settings.Verbose));
            var connection = emulator is null
                ? new ProviderConnection(settings.ApiKey, settings.BaseUrl)
                : new ProviderConnection(emulator.ApiKey, provider.EmulatorBaseAddress(emulator), EmulatorPolling);
            var registration = provider.Register(services.AddNanoBanana(), connection);
            if (emulator is not null)
            {
                var notice = EmulatorNotice(provider, emulator);
                var shown = 0;
                registration.HttpClientBuilder.AddHttpMessageHandler(() => new EmulatorNoticeHandler(() =>
                {
                    if (Interlocked.Exchange(ref shown, 1) == 0)
                    {
                        notices.WriteLine(notice);
                    }
                }));
            }

            return new ClientSession(provider, services.BuildServiceProvider(), emulator);
        }
        catch
        {
            if (emulator is not null)
            {
                await emulator.DisposeAsync().ConfigureAwait(false);
            }

            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        // Disposing the container flushes the console logger before the emulator goes away.
        await _services.DisposeAsync().ConfigureAwait(false);
        if (_emulator is not null)
        {
            await _emulator.DisposeAsync().ConfigureAwait(false);
        }
    }

    private static async Task<NanoBananaEmulator> StartEmulatorAsync(CancellationToken cancellationToken)
    {
        var emulator = await NanoBananaEmulator.StartAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        emulator.Scenario.CompleteAfterPolls = EmulatorPollsPerJob;
        emulator.Scenario.StreamStatusEvents = EmulatorStreamEvents;
        return emulator;
    }

    private static string EmulatorNotice(ProviderEntry provider, NanoBananaEmulator emulator) =>
        $"No API key found ({string.Join(" / ", provider.ApiKeyEnvironmentVariables)}): using the built-in emulator at {emulator.BaseAddress} — images are synthetic.";

    private static void ConfigureLogging(ILoggingBuilder logging, bool verbose)
    {
        // Without --verbose no provider is added, so the SDK stays silent.
        if (verbose)
        {
            logging.AddConsole(console => console.LogToStandardErrorThreshold = LogLevel.Trace)
                .SetMinimumLevel(LogLevel.Warning)
                .AddFilter("NanoBanana", LogLevel.Debug);
        }
    }
}
