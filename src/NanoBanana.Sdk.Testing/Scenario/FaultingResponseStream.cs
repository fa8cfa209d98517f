using Microsoft.AspNetCore.Http;
using NanoBanana.Sdk.Testing.Http;

namespace NanoBanana.Sdk.Testing.Scenario;

/// <summary>
/// Stands in for the response body while a fault that lets the request run spoils its answer: it resets the connection
/// before any byte, cuts the first write in half, or counts server-sent events (a blank line ends one, whether lines end
/// in LF or CRLF) and stalls or cuts the stream after <see cref="EmulatorFault.AfterEvents"/>. It works on any endpoint,
/// because it sees only the bytes the endpoint writes.
/// </summary>
internal sealed class FaultingResponseStream(Stream inner, HttpContext context, EmulatorFault fault) : Stream
{
    private int _events;
    private bool _atLineStart;
    private bool _stalled;
    private bool _aborted;

    public override bool CanRead => false;
    public override bool CanSeek => false;
    public override bool CanWrite => true;
    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (_aborted)
        {
            return;
        }

        switch (fault.Kind)
        {
            case EmulatorFaultKind.ResetBeforeHeaders:
                Abort();
                return;
            case EmulatorFaultKind.ResetMidBody:
                await inner.WriteAsync(buffer[..(buffer.Length / 2)], cancellationToken).ConfigureAwait(false);
                await DropAsync(cancellationToken).ConfigureAwait(false);
                return;
            case EmulatorFaultKind.Stall when !_stalled && _events >= fault.AfterEvents:
                _stalled = true;
                await Task.Delay(fault.StallFor ?? Timeout.InfiniteTimeSpan, context.RequestAborted).ConfigureAwait(false);
                break;
            case EmulatorFaultKind.TruncateStream when _events >= fault.AfterEvents:
                await DropAsync(cancellationToken).ConfigureAwait(false);
                return;
        }

        CountEvents(buffer.Span);
        await inner.WriteAsync(buffer, cancellationToken).ConfigureAwait(false);
    }

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override Task FlushAsync(CancellationToken cancellationToken)
    {
        if (fault.Kind == EmulatorFaultKind.ResetBeforeHeaders)
        {
            Abort();
        }

        return _aborted ? Task.CompletedTask : inner.FlushAsync(cancellationToken);
    }

    // Kestrel forbids synchronous I/O, so the endpoints only ever write asynchronously.
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException("The emulator writes responses asynchronously only.");

    public override void Flush() => throw new NotSupportedException("The emulator writes responses asynchronously only.");

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    /// <summary>Closes the connection at once; the endpoint's further writes go nowhere.</summary>
    private void Abort()
    {
        _aborted = true;
        context.Abort();
    }

    /// <summary>Sends what was written (the headers at least), then cuts the connection without ending the body.</summary>
    private async Task DropAsync(CancellationToken cancellationToken)
    {
        await inner.FlushAsync(cancellationToken).ConfigureAwait(false);
        ServerSentEventStream.Drop();
    }

    private void CountEvents(ReadOnlySpan<byte> bytes)
    {
        foreach (var b in bytes)
        {
            if (b == (byte)'\n')
            {
                // A line feed at the start of a line is the blank line that ends an event.
                _events += _atLineStart ? 1 : 0;
                _atLineStart = true;
            }
            else if (b != (byte)'\r')
            {
                _atLineStart = false;
            }
        }
    }
}
