using NanoBanana.Sdk.DependencyInjection;
using NanoBanana.Sdk.Testing;

namespace NanoBanana.Sdk.Tests.Faults;

/// <summary>
/// One row of the provider table the fault matrix runs over: how to build the client against an address, which requests
/// of the vendor's protocol are the paid submit, the status read and the native stream, and which entry points it serves.
/// </summary>
/// <param name="Name">The provider name the client reports, also the row's name in test output.</param>
public sealed record FaultProvider(string Name)
{
    /// <summary>Builds the client: its base address, API key and clock.</summary>
    public required Func<Uri, string, TimeProvider, IImageGenerationClient> Create { get; init; }

    /// <summary>Registers the provider with dependency injection: its base address and API key.</summary>
    public required Action<NanoBananaBuilder, Uri, string> Register { get; init; }

    /// <summary>The provider's API root inside an emulator.</summary>
    public required Func<NanoBananaEmulator, Uri> BaseAddressOf { get; init; }

    /// <summary>A regular expression for the path of the paid submit (always a POST).</summary>
    public required string SubmitPath { get; init; }

    /// <summary>A regular expression for the path of the job status read; null when the vendor keeps no job.</summary>
    public string? StatusPath { get; init; }

    /// <summary>The HTTP method of the status read.</summary>
    public string StatusMethod { get; init; } = "GET";

    /// <summary>A regular expression for the path of the native server-sent event stream; null when streaming is emulated from polls.</summary>
    public string? StreamPath { get; init; }

    /// <summary>Whether <see cref="IImageGenerationClient.GenerateAsync"/> is one sync call (otherwise the submit is <see cref="IImageGenerationClient.StartGenerationAsync"/>).</summary>
    public bool SyncGenerate { get; init; }

    /// <summary>A client against <paramref name="emulator"/> on <paramref name="time"/>.</summary>
    /// <param name="emulator">The emulator.</param>
    /// <param name="time">The clock.</param>
    /// <returns>The client.</returns>
    public IImageGenerationClient CreateFor(NanoBananaEmulator emulator, TimeProvider time) => Create(BaseAddressOf(emulator), emulator.ApiKey, time);

    /// <inheritdoc/>
    public override string ToString() => Name;
}
