using NanoBanana.Sdk.Providers.BananaPro;
using NanoBanana.Sdk.Providers.NanaNanoBanana;
using NanoBanana.Sdk.Testing;

namespace NanoBanana.Sdk.Tests.Limits;

/// <summary>
/// BananaPro's daily request limit (10,000 a day): the gateway's refusal does not pass within a call, so it is a
/// <see cref="NanoBananaQuotaExceededException"/> that is never retried, carries the task id once a task exists, and
/// lets a failover move on to the next provider.
/// </summary>
public sealed class BananaProDailyLimitTests(EmulatorFixture fixture) : IClassFixture<EmulatorFixture>
{
    private readonly NanoBananaEmulator _emulator = fixture.Fresh();
    private readonly ManualTimeProvider _time = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_submit_past_the_daily_limit_is_a_quota_exception_sent_once_and_not_retried()
    {
        _emulator.Scenario.DailyRequestLimit = 0;
        using var client = BananaPro();

        var e = await Assert.ThrowsAsync<NanoBananaQuotaExceededException>(() => _time.RunAsync(client.StartGenerationAsync(TestClients.Request(), Ct)));

        Assert.Equal(BananaProImageClient.ProviderId, e.Provider);
        Assert.Equal(429, e.StatusCode);
        Assert.Equal("daily_limit_exceeded", e.ErrorCode);
        Assert.False(e.IsTransient);
        Assert.True(e.RetryAfter > TimeSpan.Zero);
        Assert.Null(e.OperationId);
        Assert.Contains("daily request limit", e.Message, StringComparison.OrdinalIgnoreCase);
        Assert.Single(_emulator.Requests);
        Assert.Equal(TimeSpan.Zero, _time.Elapsed);
    }

    [Fact]
    public async Task A_status_read_past_the_daily_limit_is_reported_with_the_task_id()
    {
        _emulator.Scenario.DailyRequestLimit = 1;
        using var client = BananaPro();
        var operation = await _time.RunAsync(client.StartGenerationAsync(TestClients.Request(), Ct));

        var e = await Assert.ThrowsAsync<NanoBananaQuotaExceededException>(() => _time.RunAsync(operation.WaitForCompletionAsync(Ct)));

        Assert.Equal(operation.Id, e.OperationId);
        Assert.Equal(2, _emulator.Requests.Count);
    }

    [Fact]
    public async Task A_failover_moves_on_when_bananapro_reached_its_daily_limit()
    {
        _emulator.Scenario.DailyRequestLimit = 0;
        using var bananaPro = BananaPro();
        using var next = new NanaNanoBananaImageClient(
            new NanaNanoBananaImageClientOptions { ApiKey = _emulator.ApiKey, BaseAddress = _emulator.NanaNanoBananaBaseAddress }, _time);
        var failover = new FailoverImageGenerationClient([bananaPro, next]);

        var result = await _time.RunAsync(failover.GenerateAsync(TestClients.Request(), Ct));

        Assert.NotEmpty(result.Images);
        Assert.Single(_emulator.RequestsTo("/api/v1/images/generate"));
    }

    [Fact]
    public async Task The_emulator_starts_the_days_count_again_when_the_limit_is_set()
    {
        using var client = BananaPro();
        _emulator.Scenario.DailyRequestLimit = 1;
        await _time.RunAsync(client.StartGenerationAsync(TestClients.Request(), Ct));

        _emulator.Scenario.DailyRequestLimit = 1;
        var second = await _time.RunAsync(client.StartGenerationAsync(TestClients.Request(), Ct));

        Assert.False(string.IsNullOrEmpty(second.Id));
    }

    [Theory]
    [InlineData(429, "daily_limit_exceeded", null, true)]
    [InlineData(429, "rate_limit_exceeded", "Daily request limit reached", true)]
    [InlineData(429, null, "You have used your 10,000 requests per day", true)]
    [InlineData(429, "rate_limit_exceeded", "Too many requests, please back off", false)]
    [InlineData(400, "daily_limit_exceeded", null, false)]
    public void The_daily_limit_is_told_from_other_refusals_by_its_code_or_message(int status, string? code, string? message, bool daily) =>
        Assert.Equal(daily, BananaProDailyLimit.IsDailyLimit(status, code, message));

    [Fact]
    public void An_ordinary_429_stays_a_rate_limit_for_the_parser() =>
        Assert.Null(BananaProErrorParser.Instance.Parse(429, """{"success": false, "error": {"code": "rate_limit_exceeded", "message": "Too many requests"}}"""u8)!.Kind);

    private BananaProImageClient BananaPro() => new(
        new BananaProImageClientOptions { ApiKey = _emulator.ApiKey, BaseAddress = _emulator.BananaProBaseAddress }, _time);
}
