namespace NanoBanana.Cli;

/// <summary>
/// Runs a callback when the first request goes out, so the emulator notice appears only when the emulator is
/// actually used: input the SDK rejects before sending stays a single error line.
/// </summary>
internal sealed class EmulatorNoticeHandler(Action onRequest) : DelegatingHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        onRequest();
        return base.SendAsync(request, cancellationToken);
    }
}
