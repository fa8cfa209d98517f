namespace NanoBanana.Sdk.Http;

/// <summary>Reads <c>Retry-After</c> as a delay, whether it is given in seconds or as an HTTP date.</summary>
internal static class RetryAfterHeader
{
    public static TimeSpan? Read(HttpResponseMessage? response, TimeProvider timeProvider)
    {
        var header = response?.Headers.RetryAfter;
        if (header?.Delta is { } delta)
        {
            return delta;
        }

        if (header?.Date is { } date)
        {
            var wait = date - timeProvider.GetUtcNow();
            return wait > TimeSpan.Zero ? wait : TimeSpan.Zero;
        }

        return null;
    }
}
