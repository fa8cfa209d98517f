using NanoBanana.Sdk.Testing;

namespace NanoBanana.Sdk.Tests.Faults;

/// <summary>
/// Two emulators for a matrix class: the vendor, and another host that redirects point to, so a test can prove that
/// nothing (and no key) ever reaches it. Each test resets both first.
/// </summary>
public sealed class FaultMatrixFixture : IAsyncLifetime
{
    private NanoBananaEmulator? _emulator;
    private NanoBananaEmulator? _otherHost;

    /// <summary>The vendor.</summary>
    public NanoBananaEmulator Emulator => _emulator ?? throw new InvalidOperationException("The emulator has not started.");

    /// <summary>Another host on its own port, which redirects point to.</summary>
    public NanoBananaEmulator OtherHost => _otherHost ?? throw new InvalidOperationException("The emulator has not started.");

    /// <summary>Resets both emulators' scenarios and request logs.</summary>
    /// <returns>The vendor emulator.</returns>
    public NanoBananaEmulator Fresh()
    {
        foreach (var emulator in new[] { Emulator, OtherHost })
        {
            emulator.Scenario.Reset();
            emulator.ClearRequests();
        }

        return Emulator;
    }

    /// <inheritdoc/>
    public async ValueTask InitializeAsync()
    {
        _emulator = await NanoBananaEmulator.StartAsync();
        _otherHost = await NanoBananaEmulator.StartAsync();
    }

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        if (_emulator is not null)
        {
            await _emulator.DisposeAsync();
        }

        if (_otherHost is not null)
        {
            await _otherHost.DisposeAsync();
        }
    }
}
