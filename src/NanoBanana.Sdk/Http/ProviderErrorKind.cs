namespace NanoBanana.Sdk.Http;

/// <summary>What an error response means to the caller; decides the exception type.</summary>
internal enum ProviderErrorKind
{
    /// <summary>The request was wrong (HTTP 400-class by default).</summary>
    InvalidRequest,

    /// <summary>The key is missing, wrong or not allowed (401/403 by default).</summary>
    Authentication,

    /// <summary>Not enough credits (402 by default).</summary>
    QuotaExceeded,

    /// <summary>Too many requests, or busy (429/503 by default).</summary>
    RateLimited,

    /// <summary>The vendor's safety checks refused the request.</summary>
    ContentFiltered,

    /// <summary>The vendor failed (5xx by default).</summary>
    ServerError,
}
