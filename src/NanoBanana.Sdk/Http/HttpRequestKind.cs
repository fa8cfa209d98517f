namespace NanoBanana.Sdk.Http;

/// <summary>What a request does, which decides whether a retry is safe: a submit is paid, a read is free.</summary>
internal enum HttpRequestKind
{
    /// <summary>Reads state (poll, status, models, credits, downloads): retried on transient failures.</summary>
    Read,

    /// <summary>Creates a paid job: retried only when the vendor provably did not run it.</summary>
    Submit,

    /// <summary>A submit whose vendor honours an idempotency key: retried like a read.</summary>
    IdempotentSubmit,
}
