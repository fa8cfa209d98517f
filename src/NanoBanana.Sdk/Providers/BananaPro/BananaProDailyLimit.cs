namespace NanoBanana.Sdk.Providers.BananaPro;

/// <summary>
/// Recognises the gateway's refusal for its daily request limit (10,000 a day by default, protocols/bananapro.md P2). The
/// vendor documents the limit but not the refusal's code or text, so the SDK assumes a 429 whose code or message speaks of
/// a day (the emulator sends <c>daily_limit_exceeded</c>). Such a refusal does not pass within a call, so it is a quota,
/// not a rate limit: it is not retried.
/// </summary>
internal static class BananaProDailyLimit
{
    private static readonly string[] DayWords = ["daily", "per day", "/day", "a day", "24 hours"];

    /// <summary>Whether an error with this status, code and message is the daily limit.</summary>
    public static bool IsDailyLimit(int statusCode, string? code, string? message) =>
        statusCode == 429 && (SpeaksOfADay(code) || SpeaksOfADay(message));

    private static bool SpeaksOfADay(string? text) =>
        text is not null && DayWords.Any(word => text.Contains(word, StringComparison.OrdinalIgnoreCase));
}
