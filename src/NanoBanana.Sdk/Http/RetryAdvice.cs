namespace NanoBanana.Sdk.Http;

/// <summary>What an error response says about trying the call again.</summary>
/// <param name="Wait">The wait it asks for, from its <c>Retry-After</c> header or its body; null when it asks for none.</param>
/// <param name="QuotaUsedUp">Whether it says a quota (such as a daily request limit) is used up, so no retry within the call can succeed.</param>
internal readonly record struct RetryAdvice(TimeSpan? Wait, bool QuotaUsedUp);
