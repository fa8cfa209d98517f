using System.Globalization;
using Microsoft.AspNetCore.Http;
using NanoBanana.Sdk.Testing.Hosting;

namespace NanoBanana.Sdk.Testing.Modules.BananaPro;

/// <summary>
/// The gateway's daily request limit (10,000 a day by default, protocols/bananapro.md P2), at
/// <see cref="EmulatorScenario.DailyRequestLimit"/>: authenticated API requests past it in one UTC day answer 429 with
/// <see cref="Code"/>. The vendor documents the limit but not its refusal, so the code, the message and the reset at
/// midnight UTC (sent as <c>Retry-After</c>) are assumptions the SDK shares.
/// </summary>
internal sealed class DailyRequestLimit(EmulatorState state)
{
    /// <summary>The assumed <c>error.code</c> of the refusal.</summary>
    public const string Code = "daily_limit_exceeded";

    /// <summary>Runs <paramref name="endpoint"/> for a request within the day's limit; answers the refusal for one past it.</summary>
    public RequestDelegate Guard(RequestDelegate endpoint) => async context =>
    {
        var now = state.Time.GetUtcNow().UtcDateTime;
        var today = DateOnly.FromDateTime(now);
        if (BananaProAuth.IsAuthorized(context, state.ApiKey) && !state.Scenario.TryCountDailyRequest(today))
        {
            var untilReset = today.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc) - now;
            context.Response.Headers.RetryAfter = ((long)Math.Ceiling(untilReset.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
            await BananaProErrors.WriteAsync(
                context,
                StatusCodes.Status429TooManyRequests,
                Code,
                $"Daily request limit of {state.Scenario.DailyRequestLimit?.ToString("N0", CultureInfo.InvariantCulture)} requests reached; it resets at 00:00 UTC").ConfigureAwait(false);
            return;
        }

        await endpoint(context).ConfigureAwait(false);
    };
}
