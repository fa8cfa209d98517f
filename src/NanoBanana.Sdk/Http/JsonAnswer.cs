namespace NanoBanana.Sdk.Http;

/// <summary>A parsed JSON answer with the wait the vendor asked for before the next call, if any.</summary>
/// <param name="Value">The parsed body.</param>
/// <param name="RetryAfter">The answer's <c>Retry-After</c>.</param>
internal readonly record struct JsonAnswer<T>(T Value, TimeSpan? RetryAfter);
