using Microsoft.AspNetCore.Builder;
using NanoBanana.Sdk.Testing.Hosting;
using NanoBanana.Sdk.Testing.Modules.AceData;
using NanoBanana.Sdk.Testing.Modules.Apixo;
using NanoBanana.Sdk.Testing.Modules.BananaPro;
using NanoBanana.Sdk.Testing.Modules.DreamToJobs;
using NanoBanana.Sdk.Testing.Modules.Gemini;
using NanoBanana.Sdk.Testing.Modules.NanaNanoBanana;

namespace NanoBanana.Sdk.Testing;

/// <summary>
/// An in-process HTTP server on 127.0.0.1 that speaks the vendors' wire protocols, for tests and offline
/// demos. It keeps jobs and credits in memory, hosts real PNG result images, records every request and
/// takes scenario controls through <see cref="Scenario"/>.
/// </summary>
/// <example>
/// <code>
/// await using var emulator = await NanoBananaEmulator.StartAsync();
/// var baseUrl = emulator.NanaNanoBananaBaseAddress; // append "generate", "models" or "credits"
/// </code>
/// </example>
public sealed class NanoBananaEmulator : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly EmulatorState _state;
    private int _disposed;

    private NanoBananaEmulator(WebApplication app, EmulatorState state)
    {
        _app = app;
        _state = state;
        NanaNanoBananaBaseAddress = new Uri(state.BaseAddress, NanaNanoBananaModule.RelativeBasePath);
        BananaProBaseAddress = new Uri(state.BaseAddress, BananaProModule.RelativeBasePath);
        AceDataBaseAddress = new Uri(state.BaseAddress, AceDataModule.RelativeBasePath);
        DreamToBaseAddress = new Uri(state.BaseAddress, DreamToJobsModule.RelativeBasePath);
        GeminiBaseAddress = new Uri(state.BaseAddress, GeminiModule.RelativeBasePath);
        ApixoBaseAddress = new Uri(state.BaseAddress, ApixoModule.RelativeBasePath);
    }

    /// <summary>The server's root URL, e.g. <c>http://127.0.0.1:41234/</c>.</summary>
    public Uri BaseAddress => _state.BaseAddress;

    /// <summary>The nananobanana API base URL, <see cref="BaseAddress"/> + <c>nananobanana/api/v1/</c>, ending in a slash.</summary>
    public Uri NanaNanoBananaBaseAddress { get; }

    /// <summary>
    /// The BananaPro gateway root, <see cref="BaseAddress"/> + <c>bananapro/</c>, ending in a slash: its API is under
    /// <c>api/v1/</c>, as on <c>https://gateway.bananapro.site/</c>.
    /// </summary>
    public Uri BananaProBaseAddress { get; }

    /// <summary>The Ace Data API base URL, <see cref="BaseAddress"/> + <c>acedata/</c>, ending in a slash (append <c>nano-banana/images</c> or <c>nano-banana/tasks</c>).</summary>
    public Uri AceDataBaseAddress { get; }

    /// <summary>
    /// The DreamTo origin, <see cref="BaseAddress"/> + <c>dreamto/</c>, ending in a slash: its job API is under
    /// <c>v1/jobs</c> and <c>v1/files/upload</c>, as on the vendor's host.
    /// </summary>
    public Uri DreamToBaseAddress { get; }

    /// <summary>
    /// The Gemini API root, <see cref="BaseAddress"/> + <c>gemini/</c>, ending in a slash: append
    /// <c>v1beta/models/...</c>, <c>v1beta/files/...</c> or <c>upload/v1beta/files</c>, as after
    /// <c>https://generativelanguage.googleapis.com/</c>.
    /// </summary>
    public Uri GeminiBaseAddress { get; }

    /// <summary>The APIXO API base URL, <see cref="BaseAddress"/> + <c>apixo/api/v1/</c>, ending in a slash.</summary>
    public Uri ApixoBaseAddress { get; }

    /// <summary>The API key the emulator accepts.</summary>
    public string ApiKey => _state.ApiKey;

    /// <summary>The mutable, thread-safe controls that shape the emulator's answers.</summary>
    public EmulatorScenario Scenario => _state.Scenario;

    /// <summary>A snapshot of every request received so far, in arrival order, image downloads included.</summary>
    public IReadOnlyList<RecordedRequest> Requests => _state.Recorder.Snapshot();

    /// <summary>
    /// A snapshot of the requests the vendor endpoints ran, in arrival order: requests a fault answered in the vendor's place
    /// (a status, a page, a redirect, a slow request the client gave up on) are left out, requests whose answer a fault spoiled
    /// after running them (a reset, a stall) are in. A submit listed twice for the same job is a job paid twice.
    /// </summary>
    public IReadOnlyList<RecordedRequest> HandledRequests => _state.Recorder.HandledSnapshot();

    /// <summary>A snapshot of every callback attempt the emulator made to the app, in order, retries included.</summary>
    public IReadOnlyList<DeliveredCallback> Callbacks => _state.Callbacks.Delivered;

    /// <summary>Waits until the emulator has attempted a callback that matches (one already made counts).</summary>
    /// <param name="match">Which attempt to wait for; <see langword="null"/> for any.</param>
    /// <param name="cancellationToken">Cancels the wait; give it a timeout.</param>
    /// <returns>The attempt.</returns>
    public Task<DeliveredCallback> WaitForCallbackAsync(Func<DeliveredCallback, bool>? match = null, CancellationToken cancellationToken = default) =>
        _state.Callbacks.WaitAsync(match ?? (_ => true), cancellationToken);

    /// <summary>Starts an emulator on a free loopback port.</summary>
    /// <param name="options">The API key and starting credits; defaults apply when null.</param>
    /// <param name="cancellationToken">Cancels the start-up.</param>
    /// <returns>The running emulator; dispose it to stop the server.</returns>
    public static async Task<NanoBananaEmulator> StartAsync(
        NanoBananaEmulatorOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new NanoBananaEmulatorOptions();
        ArgumentException.ThrowIfNullOrWhiteSpace(options.ApiKey, nameof(options));
        ArgumentOutOfRangeException.ThrowIfNegative(options.InitialCredits, nameof(options));

        var state = new EmulatorState(options.ApiKey, options.InitialCredits);
        var app = EmulatorHost.Build(state, EmulatorModules.Create(state));
        try
        {
            await app.StartAsync(cancellationToken).ConfigureAwait(false);
            state.BaseAddress = EmulatorHost.GetBaseAddress(app);
        }
        catch
        {
            await app.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        return new NanoBananaEmulator(app, state);
    }

    /// <summary>The recorded requests whose path ends with <paramref name="pathSuffix"/>, e.g. <c>/generate</c>.</summary>
    /// <param name="pathSuffix">The end of the path to match, compared ordinally; the query string is not part of the path.</param>
    /// <returns>The matching requests in arrival order.</returns>
    public IReadOnlyList<RecordedRequest> RequestsTo(string pathSuffix)
    {
        ArgumentNullException.ThrowIfNull(pathSuffix);
        return Array.FindAll(_state.Recorder.Snapshot(), request => request.Path.EndsWith(pathSuffix, StringComparison.Ordinal));
    }

    /// <summary>Forgets every recorded request, handled ones included.</summary>
    public void ClearRequests() => _state.Recorder.Clear();

    /// <summary>Stops the server; open connections are aborted after a short grace period.</summary>
    /// <returns>A task that completes when the server has stopped.</returns>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        await _state.Callbacks.DisposeAsync().ConfigureAwait(false);
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }
}
