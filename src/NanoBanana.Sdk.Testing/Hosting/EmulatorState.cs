using NanoBanana.Sdk.Testing.Billing;
using NanoBanana.Sdk.Testing.Callbacks;
using NanoBanana.Sdk.Testing.Images;
using NanoBanana.Sdk.Testing.Jobs;
using NanoBanana.Sdk.Testing.Recording;

namespace NanoBanana.Sdk.Testing.Hosting;

/// <summary>The vendor-neutral services one emulator instance shares between its modules.</summary>
internal sealed class EmulatorState(string apiKey, int initialCredits)
{
    private Uri? _baseAddress;

    public string ApiKey { get; } = apiKey;

    public EmulatorScenario Scenario { get; } = new();

    public RequestRecorder Recorder { get; } = new();

    public CreditAccount Credits { get; } = new(initialCredits);

    public JobStore Jobs { get; } = new();

    public ImageFileStore Images { get; } = new();

    public TimeProvider Time { get; } = TimeProvider.System;

    public CallbackSender Callbacks { get; } = new();

    /// <summary>The server's root URL, known only once Kestrel has bound its port.</summary>
    public Uri BaseAddress
    {
        get => _baseAddress ?? throw new InvalidOperationException("The emulator has not started yet.");
        set => _baseAddress = value;
    }

    /// <summary>Hosts an image under <paramref name="fileName"/> and returns its download URL.</summary>
    public Uri PublishImage(string fileName, ImageSpec spec)
    {
        Images.Add(fileName, spec);
        return new Uri(BaseAddress, ImageFileEndpoint.PathSegment + Uri.EscapeDataString(fileName));
    }
}
