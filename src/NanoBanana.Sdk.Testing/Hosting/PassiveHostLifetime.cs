using Microsoft.Extensions.Hosting;

namespace NanoBanana.Sdk.Testing.Hosting;

/// <summary>
/// A host lifetime that listens to nothing: the default console lifetime would capture Ctrl+C and SIGTERM,
/// which belong to the app that embeds the emulator (a test runner or the CLI).
/// </summary>
internal sealed class PassiveHostLifetime : IHostLifetime
{
    public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
