using NanoBanana.Sdk.Providers.NanaNanoBanana;
using NanoBanana.Sdk.Testing;
using NanoBanana.Sdk.Tests.Providers.DreamToJobs;

namespace NanoBanana.Sdk.Tests.Telemetry;

/// <summary>
/// The instruments of the <c>NanoBanana.Sdk</c> meter, through the emulator: call durations, a job's generation time,
/// polls and images once per job, tokens and credits where the vendor reports them.
/// </summary>
public sealed class TelemetryMetricTests(EmulatorFixture fixture) : IClassFixture<EmulatorFixture>
{
    private readonly NanoBananaEmulator _emulator = fixture.Fresh();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_polled_job_records_its_generation_time_from_the_submit_and_its_polls_once()
    {
        var time = new ManualTimeProvider();
        _emulator.Scenario.CompleteAfterPolls = 2;
        using var telemetry = new TelemetryCapture();
        using var client = TelemetryClients.Apixo(_emulator, time);

        await time.RunAsync(client.GenerateAsync(TestClients.Request(), Ct));

        // Polled at 5 s and 10 s after the submit; GenerateAsync and the operation both see the end, one records it.
        var duration = Assert.Single(telemetry.Measurements("nanobanana.client.generation.duration"));
        Assert.Equal(10, duration.Value);
        Assert.Equal("Apixo", duration.Tag("gen_ai.provider.name"));
        Assert.Null(duration.Tag("error.type"));
        Assert.Equal(2, Assert.Single(telemetry.Measurements("nanobanana.client.generation.polls")).Value);
        Assert.Equal(1, Assert.Single(telemetry.Measurements("nanobanana.client.images")).Value);
        Assert.Equal(2, telemetry.Measurements("nanobanana.client.polls").Count);
    }

    [Fact]
    public async Task A_job_that_ends_failed_records_its_end_with_the_error_type()
    {
        var time = new ManualTimeProvider();
        _emulator.Scenario.FailJobsWith = "the model fell over";
        using var telemetry = new TelemetryCapture();
        using var client = TelemetryClients.Apixo(_emulator, time);

        var failure = await Assert.ThrowsAnyAsync<NanoBananaException>(() => time.RunAsync(client.GenerateAsync(TestClients.Request(), Ct)));

        var duration = Assert.Single(telemetry.Measurements("nanobanana.client.generation.duration"));
        Assert.Equal(failure.GetType().FullName, duration.Tag("error.type"));
        Assert.Empty(telemetry.Measurements("nanobanana.client.images"));
    }

    [Fact]
    public async Task A_job_its_submit_already_finished_records_its_generation_time_once()
    {
        var time = new ManualTimeProvider();
        var stub = new StubHandler(time).On(HttpMethod.Post, "/v1/jobs", Reply.Json(DreamToJobsWireFixtures.SucceededWithUrl));
        using var telemetry = new TelemetryCapture();
        using var client = DreamToJobsTestClients.Direct(stub, time);

        var operation = await client.StartGenerationAsync(TestClients.Request(), Ct);

        Assert.True(operation.HasCompleted);
        var duration = Assert.Single(telemetry.Measurements("nanobanana.client.generation.duration"));
        Assert.Equal("DreamToJobs", duration.Tag("gen_ai.provider.name"));
        Assert.Equal(1, Assert.Single(telemetry.Measurements("nanobanana.client.images")).Value);
    }

    [Fact]
    public async Task A_sync_generation_records_its_call_time_as_the_generation_time()
    {
        using var telemetry = new TelemetryCapture();
        using var client = TelemetryClients.NanaNanoBanana(_emulator);

        await client.GenerateAsync(TestClients.Request(), Ct);

        var duration = Assert.Single(telemetry.Measurements("nanobanana.client.generation.duration"));
        Assert.True(duration.Value > 0);
        Assert.Empty(telemetry.Measurements("nanobanana.client.generation.polls"));
        Assert.Equal(1, Assert.Single(telemetry.Measurements("nanobanana.client.images")).Value);
    }

    [Fact]
    public async Task Every_public_call_records_its_operation_duration()
    {
        using var telemetry = new TelemetryCapture();
        using var client = TelemetryClients.NanaNanoBanana(_emulator);

        var operation = await client.StartGenerationAsync(TestClients.Request(), Ct);
        await operation.UpdateStatusAsync(Ct);

        var durations = telemetry.Measurements("gen_ai.client.operation.duration");
        Assert.Equal(["start_generation", "poll_generation"], durations.Select(d => d.Tag("gen_ai.operation.name")));
        Assert.All(durations, d => Assert.Equal("NanaNanoBanana", d.Tag("gen_ai.provider.name")));
        Assert.All(durations, d => Assert.True(d.Value >= 0));
    }

    [Fact]
    public async Task A_failed_call_records_its_operation_duration_with_the_error_type()
    {
        using var telemetry = new TelemetryCapture();
        using var client = TelemetryClients.NanaNanoBanana(_emulator, apiKey: "nb_wrong_key_for_metrics");

        await Assert.ThrowsAsync<NanoBananaAuthenticationException>(() => client.GenerateAsync(TestClients.Request(), Ct));

        var duration = Assert.Single(telemetry.Measurements("gen_ai.client.operation.duration"));
        Assert.Equal(typeof(NanoBananaAuthenticationException).FullName, duration.Tag("error.type"));
    }

    [Fact]
    public async Task A_request_that_gets_no_answer_records_its_duration_with_the_error_type()
    {
        using var telemetry = new TelemetryCapture();
        using var client = new NanaNanoBananaImageClient(new NanaNanoBananaImageClientOptions
        {
            ApiKey = _emulator.ApiKey,
            BaseAddress = new Uri("http://127.0.0.1:1/api/v1/"),
            Resilience = new() { MaxRetryAttempts = 0 },
        });

        await Assert.ThrowsAnyAsync<NanoBananaException>(() => client.GenerateAsync(TestClients.Request(), Ct));

        var duration = Assert.Single(telemetry.Measurements("nanobanana.client.request.duration"));
        Assert.Equal(typeof(HttpRequestException).FullName, duration.Tag("error.type"));
        Assert.Null(duration.Tag("http.response.status_code"));
    }

    [Fact]
    public async Task Credits_the_vendor_reports_are_recorded_as_used_and_remaining()
    {
        using var telemetry = new TelemetryCapture();
        using var client = TelemetryClients.NanaNanoBanana(_emulator);

        var result = await client.GenerateAsync(TestClients.Request(), Ct);

        var usage = Assert.IsType<ImageGenerationUsage>(result.Usage);
        Assert.Equal((double)usage.CreditsUsed!.Value, Assert.Single(telemetry.Measurements("nanobanana.client.credits.used")).Value);
        Assert.Equal((double)usage.RemainingCredits!.Value, Assert.Single(telemetry.Measurements("nanobanana.client.credits.remaining")).Value);
        var span = Assert.Single(telemetry.Calls("generate_content"));
        Assert.Equal((double)usage.CreditsUsed.Value, span.GetTagItem("nanobanana.usage.credits_used"));
    }

    [Fact]
    public async Task A_balance_read_records_the_remaining_credits()
    {
        using var telemetry = new TelemetryCapture();
        using var client = TelemetryClients.NanaNanoBanana(_emulator);

        var credits = await client.GetCreditsAsync(Ct);

        var remaining = Assert.Single(telemetry.Measurements("nanobanana.client.credits.remaining"));
        Assert.Equal((double)credits.Credits, remaining.Value);
        Assert.Equal("NanaNanoBanana", remaining.Tag("gen_ai.provider.name"));
    }

    [Fact]
    public async Task Tokens_the_vendor_counts_are_recorded_by_type_and_tagged_on_the_span()
    {
        using var telemetry = new TelemetryCapture();
        using var client = TelemetryClients.Gemini(_emulator);

        var result = await client.GenerateAsync(TestClients.Request(), Ct);

        var usage = Assert.IsType<ImageGenerationUsage>(result.Usage);
        var tokens = telemetry.Measurements("gen_ai.client.token.usage");
        Assert.Equal(usage.InputTokens, (long)Assert.Single(tokens, t => Equals(t.Tag("gen_ai.token.type"), "input")).Value);
        Assert.Equal(usage.OutputTokens, (long)Assert.Single(tokens, t => Equals(t.Tag("gen_ai.token.type"), "output")).Value);
        var span = Assert.Single(telemetry.Calls("generate_content"));
        Assert.Equal(usage.InputTokens, span.GetTagItem("gen_ai.usage.input_tokens"));
        Assert.Equal(usage.OutputTokens, span.GetTagItem("gen_ai.usage.output_tokens"));
    }
}
