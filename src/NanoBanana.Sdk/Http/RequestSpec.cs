namespace NanoBanana.Sdk.Http;

/// <summary>How one call is sent: its kind (for retries), its time budget, and what to say when it fails.</summary>
/// <param name="Kind">Submit or read.</param>
/// <param name="Budget">The whole call's time, retries included.</param>
/// <param name="Description">What the call does, for messages, for example "the generate request".</param>
/// <param name="ApiKey">The key sent, so it can be scrubbed from any echoed text.</param>
/// <param name="OperationId">The job the call is about, when known.</param>
internal readonly record struct RequestSpec(HttpRequestKind Kind, TimeSpan Budget, string Description, string? ApiKey = null, string? OperationId = null);
