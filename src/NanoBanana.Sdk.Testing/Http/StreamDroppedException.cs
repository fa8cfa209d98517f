namespace NanoBanana.Sdk.Testing.Http;

/// <summary>
/// Thrown on purpose to cut a streamed response. Kestrel answers an application error after the response
/// started by closing the connection once everything written so far is sent, without the chunked terminator.
/// </summary>
internal sealed class StreamDroppedException : Exception
{
    public StreamDroppedException()
        : base("The emulator dropped the stream on purpose (EmulatorScenario.DropStreamAfterEvents).")
    {
    }
}
