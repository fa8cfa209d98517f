using NanoBanana.Sdk.Testing;

namespace NanoBanana.Sdk.Tests.Support;

/// <summary>One emulator shared by the tests of a class; each test resets the scenario and the request log first.</summary>
public sealed class EmulatorFixture : IAsyncLifetime
{
    private NanoBananaEmulator? _emulator;

    /// <summary>The running emulator.</summary>
    public NanoBananaEmulator Emulator => _emulator ?? throw new InvalidOperationException("The emulator has not started.");

    /// <summary>Resets the scenario and forgets recorded requests.</summary>
    /// <returns>The emulator.</returns>
    public NanoBananaEmulator Fresh()
    {
        Emulator.Scenario.Reset();
        Emulator.ClearRequests();
        return Emulator;
    }

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
