using NanoBanana.Sdk.Http;
using NanoBanana.Sdk.Providers.DreamToJobs;
using NanoBanana.Sdk.Providers.Gemini;
using NanoBanana.Sdk.Providers.NanaNanoBanana;
using NanoBanana.Sdk.Testing;
using NanoBanana.Sdk.Tests.Faults;

namespace NanoBanana.Sdk.Tests.Failover;

/// <summary>
/// <see cref="FailoverImageGenerationClient"/> over real providers against the emulator: nananobanana first, Gemini second.
/// It moves on only when the first provably took no job, and the second then runs it exactly once.
/// </summary>
public sealed class FailoverImageGenerationClientTests(EmulatorFixture fixture) : IClassFixture<EmulatorFixture>, IDisposable
{
    private const string FirstSubmit = "/nananobanana/api/v1/generate";
    private const string SecondSubmit = ":generateContent";

    private readonly NanoBananaEmulator _emulator = fixture.Fresh();
    private readonly ManualTimeProvider _time = new();
    private readonly List<IDisposable> _clients = [];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static ImageGenerationRequest Request => new() { Prompt = "a red fox in snow" };

    [Fact]
    public async Task It_moves_on_when_the_first_provider_rejects_the_key()
    {
        var client = Failover(first: NanaNanoBanana(key: "nb_wrong_key_000000"));

        var result = await _time.RunAsync(client.GenerateAsync(Request, Ct));

        Assert.Equal(GeminiImageClient.ProviderId, result.Provider);
        AssertEachRanOnce();
    }

    [Theory]
    [InlineData(402)]
    [InlineData(403)]
    public async Task It_moves_on_when_the_first_provider_refuses_the_account(int status)
    {
        _emulator.Scenario.EnqueueFault(new EmulatorFault(status) { PathSuffix = FirstSubmit });

        var result = await _time.RunAsync(Failover().GenerateAsync(Request, Ct));

        Assert.Equal(GeminiImageClient.ProviderId, result.Provider);
        AssertEachRanOnce();
    }

    [Theory]
    [InlineData(429)]
    [InlineData(503)]
    public async Task It_moves_on_when_the_first_provider_is_rate_limited_or_busy_past_its_budget(int status)
    {
        _emulator.Scenario.EnqueueFault(new EmulatorFault(status) { PathSuffix = FirstSubmit, RetryAfter = TimeSpan.FromHours(1) });

        var result = await _time.RunAsync(Failover().GenerateAsync(Request, Ct));

        Assert.Equal(GeminiImageClient.ProviderId, result.Provider);
        AssertEachRanOnce();
    }

    [Fact]
    public async Task It_moves_on_when_the_first_provider_cannot_be_reached()
    {
        var client = Failover(first: NanaNanoBanana(address: ClosedPort.On(_emulator.NanaNanoBananaBaseAddress)));

        var result = await _time.RunAsync(client.GenerateAsync(Request, Ct));

        Assert.Equal(GeminiImageClient.ProviderId, result.Provider);
        Assert.Empty(_emulator.RequestsTo(FirstSubmit));
        Assert.Single(_emulator.HandledRequests, r => r.Path.EndsWith(SecondSubmit, StringComparison.Ordinal));
    }

    [Fact]
    public async Task It_moves_on_when_the_first_provider_redirects()
    {
        _emulator.Scenario.EnqueueFault(new EmulatorFault(301) { Kind = EmulatorFaultKind.Redirect, PathSuffix = FirstSubmit, RedirectTo = new Uri("http://127.0.0.1:9/") });

        var result = await _time.RunAsync(Failover().GenerateAsync(Request, Ct));

        Assert.Equal(GeminiImageClient.ProviderId, result.Provider);
    }

    [Fact]
    public async Task It_does_not_move_on_after_a_server_error()
    {
        _emulator.Scenario.EnqueueFault(new EmulatorFault(500) { PathSuffix = FirstSubmit });

        var e = await Assert.ThrowsAsync<NanoBananaException>(() => _time.RunAsync(Failover().GenerateAsync(Request, Ct)));

        Assert.Equal(NanaNanoBananaImageClient.ProviderId, e.Provider);
        AssertSecondNeverAsked();
    }

    [Fact]
    public async Task It_does_not_move_on_after_the_connection_broke_once_the_submit_was_sent()
    {
        _emulator.Scenario.EnqueueFault(new EmulatorFault(200) { Kind = EmulatorFaultKind.ResetBeforeHeaders, PathSuffix = FirstSubmit });

        var e = await Assert.ThrowsAsync<NanoBananaException>(() => _time.RunAsync(Failover().GenerateAsync(Request, Ct)));

        Assert.Equal(NanaNanoBananaImageClient.ProviderId, e.Provider);
        Assert.Single(_emulator.HandledRequests, r => r.Path.EndsWith(FirstSubmit, StringComparison.Ordinal));
        AssertSecondNeverAsked();
    }

    [Fact]
    public async Task It_does_not_move_on_after_the_answer_outlived_its_budget()
    {
        _emulator.Scenario.EnqueueFault(new EmulatorFault(200) { Kind = EmulatorFaultKind.Stall, PathSuffix = FirstSubmit });
        var call = Failover().GenerateAsync(Request, Ct);
        await UntilHandledAsync(FirstSubmit);

        _time.Advance(TimeSpan.FromHours(1));

        var e = await Assert.ThrowsAsync<NanoBananaTimeoutException>(() => _time.RunAsync(call));
        Assert.Equal(NanaNanoBananaImageClient.ProviderId, e.Provider);
        AssertSecondNeverAsked();
    }

    [Fact]
    public async Task It_does_not_move_on_after_a_content_refusal()
    {
        _emulator.Scenario.ContentWarning = true;

        await Assert.ThrowsAsync<NanoBananaContentFilteredException>(() => _time.RunAsync(Failover().GenerateAsync(Request, Ct)));

        AssertSecondNeverAsked();
    }

    [Fact]
    public async Task It_does_not_move_on_once_a_job_was_accepted()
    {
        _emulator.Scenario.FailJobsWith = "upstream model crashed";
        var client = new FailoverImageGenerationClient([DreamToJobs(), Gemini()]);

        var e = await Assert.ThrowsAsync<NanoBananaGenerationFailedException>(() => _time.RunAsync(client.GenerateAsync(Request, Ct)));

        Assert.NotNull(e.OperationId);
        AssertSecondNeverAsked();
    }

    [Fact]
    public async Task It_throws_the_last_refusal_when_every_provider_refuses()
    {
        var client = Failover(first: NanaNanoBanana(key: "nb_wrong_key_000000"), second: Gemini(key: "wrong_gemini_key_000"));

        var e = await Assert.ThrowsAsync<NanoBananaAuthenticationException>(() => _time.RunAsync(client.GenerateAsync(Request, Ct)));

        Assert.Equal(GeminiImageClient.ProviderId, e.Provider);
    }

    [Fact]
    public async Task It_refuses_a_request_one_provider_cannot_run_before_asking_any()
    {
        var request = Request with { InputImages = [ImageInput.FromBytes(Png.Tiny, "image/png")] };

        await Assert.ThrowsAsync<NotSupportedException>(() => _time.RunAsync(Failover().GenerateAsync(request, Ct)));

        Assert.Empty(_emulator.Requests);
    }

    [Fact]
    public async Task A_stream_moves_on_when_refused_before_its_first_update()
    {
        _emulator.Scenario.EnqueueFault(new EmulatorFault(402) { PathSuffix = FirstSubmit });

        var updates = await _time.RunAsync(Failover().GenerateStreamingAsync(Request, Ct).ToListAsync());

        Assert.Equal(GeminiImageClient.ProviderId, Assert.IsType<ImageGenerationCompletedUpdate>(updates[^1]).Result.Provider);
    }

    [Fact]
    public async Task A_stream_that_broke_after_an_update_is_not_run_elsewhere()
    {
        _emulator.Scenario.EnqueueFault(new EmulatorFault(200) { Kind = EmulatorFaultKind.TruncateStream, AfterEvents = 1, PathSuffix = FirstSubmit });

        var e = await Assert.ThrowsAsync<NanoBananaException>(() => _time.RunAsync(Failover().GenerateStreamingAsync(Request, Ct).ToListAsync()));

        Assert.Equal("stream_interrupted", e.ErrorCode);
        AssertSecondNeverAsked();
    }

    [Fact]
    public async Task Start_returns_the_operation_of_the_provider_that_took_the_job()
    {
        var client = new FailoverImageGenerationClient([NanaNanoBanana(key: "nb_wrong_key_000000"), DreamToJobs()]);

        var operation = await _time.RunAsync(client.StartGenerationAsync(Request, Ct));

        Assert.Equal(DreamToJobsImageClient.ProviderId, operation.Provider);
    }

    [Fact]
    public async Task Get_generation_asks_each_provider_until_one_knows_the_job()
    {
        var started = await _time.RunAsync(DreamToJobs().StartGenerationAsync(Request, Ct));
        var client = new FailoverImageGenerationClient([NanaNanoBanana(), Gemini(), DreamToJobs()]);

        var resumed = await _time.RunAsync(client.GetGenerationAsync(started.Id, Ct));

        Assert.Equal(DreamToJobsImageClient.ProviderId, resumed.Provider);
        Assert.Equal(started.Id, resumed.Id);
    }

    [Fact]
    public async Task Get_generation_of_an_id_no_provider_knows_throws_the_first_refusal()
    {
        var client = new FailoverImageGenerationClient([NanaNanoBanana(), Gemini()]);

        var e = await Assert.ThrowsAsync<NanoBananaException>(() => _time.RunAsync(client.GetGenerationAsync("no-such-job", Ct)));

        Assert.Equal(404, e.StatusCode);
        Assert.Equal(NanaNanoBananaImageClient.ProviderId, e.Provider);
    }

    [Fact]
    public void Capabilities_are_what_every_provider_supports()
    {
        var client = Failover();

        Assert.False(client.Capabilities.SupportsInputImageBytes);
        Assert.True(client.Capabilities.NativeStreaming);
        Assert.False(client.Capabilities.NativeAsync);
        Assert.Equal(
            NanaNanoBanana().Capabilities.Resolutions.Intersect(Gemini().Capabilities.Resolutions),
            client.Capabilities.Resolutions);
        Assert.Equal("Failover(NanaNanoBanana, Gemini)", client.ProviderName);
    }

    [Fact]
    public void Get_service_reaches_a_provider_typed_client()
    {
        var gemini = Gemini();
        var client = new FailoverImageGenerationClient([NanaNanoBanana(), gemini]);

        Assert.Same(client, client.GetService(typeof(FailoverImageGenerationClient)));
        Assert.Same(gemini, client.GetService(typeof(GeminiImageClient)));
        Assert.Null(client.GetService(typeof(string)));
    }

    [Fact]
    public void It_needs_at_least_one_provider() =>
        Assert.Throws<ArgumentException>(() => new FailoverImageGenerationClient([]));

    private FailoverImageGenerationClient Failover(IImageGenerationClient? first = null, IImageGenerationClient? second = null) =>
        new([first ?? NanaNanoBanana(), second ?? Gemini()]);

    /// <inheritdoc/>
    public void Dispose() => _clients.ForEach(c => c.Dispose());

    private NanaNanoBananaImageClient NanaNanoBanana(string? key = null, Uri? address = null) => Owned(new NanaNanoBananaImageClient(
        new NanaNanoBananaImageClientOptions
        {
            ApiKey = key ?? _emulator.ApiKey,
            BaseAddress = address ?? _emulator.NanaNanoBananaBaseAddress,
            Resilience = new NanoBananaResilienceOptions(),
        },
        _time));

    private GeminiImageClient Gemini(string? key = null) =>
        Owned(new GeminiImageClient(new GeminiImageClientOptions { ApiKey = key ?? _emulator.ApiKey, BaseAddress = _emulator.GeminiBaseAddress }, _time));

    private DreamToJobsImageClient DreamToJobs() => Owned(new DreamToJobsImageClient(
        new DreamToJobsImageClientOptions { ApiKey = _emulator.ApiKey, BaseAddress = _emulator.DreamToBaseAddress, PollingStrategy = FaultProviders.Polling },
        _time));

    private T Owned<T>(T client)
        where T : IDisposable
    {
        _clients.Add(client);
        return client;
    }

    private void AssertEachRanOnce()
    {
        Assert.Single(_emulator.Requests, r => r.Path.EndsWith(FirstSubmit, StringComparison.Ordinal));
        Assert.Single(_emulator.HandledRequests, r => r.Path.EndsWith(SecondSubmit, StringComparison.Ordinal));
    }

    private void AssertSecondNeverAsked() => Assert.Empty(_emulator.RequestsTo(SecondSubmit));

    private async Task UntilHandledAsync(string pathSuffix)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        while (!_emulator.HandledRequests.Any(r => r.Path.EndsWith(pathSuffix, StringComparison.Ordinal)))
        {
            Assert.True(DateTime.UtcNow < deadline, "The request never reached the emulator.");
            await Task.Delay(TimeSpan.FromMilliseconds(5), Ct);
        }
    }
}
