using NanoBanana.Sdk.Testing;

namespace NanoBanana.Cli.Tests.Support;

/// <summary>
/// An emulator the test owns, reached with <c>--api-key</c> and <c>--base-url</c> as a real vendor would be, so a job
/// outlives one CLI run (for <c>poll</c>) and the test can set the scenario (faults, failed jobs).
/// </summary>
public sealed class VendorEmulator : IAsyncLifetime
{
    private NanoBananaEmulator? _emulator;

    /// <summary>The running emulator.</summary>
    public NanoBananaEmulator Emulator => _emulator ?? throw new InvalidOperationException("The emulator has not started.");

    /// <summary>Resets the scenario left by an earlier test.</summary>
    /// <returns>The emulator.</returns>
    public NanoBananaEmulator Fresh()
    {
        Emulator.Scenario.Reset();
        return Emulator;
    }

    /// <summary>The global options that point the CLI at this emulator's protocol for <paramref name="provider"/>.</summary>
    /// <param name="provider">The <c>--provider</c> name.</param>
    /// <returns>The arguments.</returns>
    public string[] Connect(string provider) =>
        ["--provider", provider, "--api-key", Emulator.ApiKey, "--base-url", ProviderCatalog.Get(provider).EmulatorBaseAddress(Emulator).ToString()];

    /// <inheritdoc/>
    public async ValueTask InitializeAsync() => _emulator = await NanoBananaEmulator.StartAsync();

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        if (_emulator is not null)
        {
            await _emulator.DisposeAsync();
        }
    }
}
