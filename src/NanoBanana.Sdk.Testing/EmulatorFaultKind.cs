namespace NanoBanana.Sdk.Testing;

/// <summary>
/// What an <see cref="EmulatorFault"/> does to the request it matches. Faults that answer in the vendor's place leave the
/// request unrun; <see cref="ResetBeforeHeaders"/>, <see cref="ResetMidBody"/>, <see cref="Stall"/> and
/// <see cref="TruncateStream"/> let the vendor run it (a job is created and charged) and then spoil the answer, as a
/// network failure after the vendor accepted the work would.
/// </summary>
public enum EmulatorFaultKind
{
    /// <summary>Answers <see cref="EmulatorFault.StatusCode"/> with the vendor's documented error body, or <see cref="EmulatorFault.Body"/>.</summary>
    Status,

    /// <summary>Runs the request, then closes the connection before any response byte is sent.</summary>
    ResetBeforeHeaders,

    /// <summary>Runs the request, sends the headers and the first half of the first body write, then cuts the connection.</summary>
    ResetMidBody,

    /// <summary>Answers <see cref="EmulatorFault.StatusCode"/> with an HTML error page, as a proxy or gateway in front of the vendor does.</summary>
    HtmlPage,

    /// <summary>Answers <see cref="EmulatorFault.StatusCode"/> as JSON with a zero-length body.</summary>
    EmptyBody,

    /// <summary>Answers <see cref="EmulatorFault.StatusCode"/> with a body that is not JSON, labelled <see cref="EmulatorFault.ContentType"/> (<c>text/plain</c> by default).</summary>
    WrongContentType,

    /// <summary>Answers <see cref="EmulatorFault.StatusCode"/> with complete but invalid JSON (or <see cref="EmulatorFault.Body"/>).</summary>
    Malformed,

    /// <summary>Answers <see cref="EmulatorFault.StatusCode"/> with a JSON document of <see cref="EmulatorFault.BodyLength"/> bytes, streamed without a declared length.</summary>
    Oversized,

    /// <summary>Answers <see cref="EmulatorFault.StatusCode"/> (a 3xx) with <c>Location: </c><see cref="EmulatorFault.RedirectTo"/>.</summary>
    Redirect,

    /// <summary>Waits <see cref="EmulatorFault.StallFor"/> before running the request.</summary>
    Slow,

    /// <summary>Runs the request and sends its answer up to <see cref="EmulatorFault.AfterEvents"/> server-sent events, then sends nothing for <see cref="EmulatorFault.StallFor"/>.</summary>
    Stall,

    /// <summary>Runs the request and sends its answer up to <see cref="EmulatorFault.AfterEvents"/> server-sent events, then cuts the connection.</summary>
    TruncateStream,
}
