using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using NanoBanana.Sdk.DependencyInjection;
using NanoBanana.Sdk.Testing;

namespace NanoBanana.Sdk.Tests.Telemetry;

/// <summary>
/// The spans of the <c>NanoBanana.Sdk</c> activity source, through the emulator: one per public call with the GenAI
/// attributes, a child per HTTP attempt (retries included), one per poll, and an error status on failure.
/// </summary>
public sealed class TelemetrySpanTests(EmulatorFixture fixture) : IClassFixture<EmulatorFixture>
{
    private readonly NanoBananaEmulator _emulator = fixture.Fresh();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_generate_call_is_one_client_span_with_the_gen_ai_attributes()
    {
        using var telemetry = new TelemetryCapture();
        using var client = TelemetryClients.NanaNanoBanana(_emulator);

        var result = await client.GenerateAsync(TestClients.Request(), Ct);

        var span = Assert.Single(telemetry.Calls("generate_content"));
        Assert.Equal(telemetry.Root.SpanId, span.ParentSpanId);
        Assert.Equal(ActivityKind.Client, span.Kind);
        Assert.Equal(ActivityStatusCode.Unset, span.Status);
        Assert.Equal("NanaNanoBanana", span.GetTagItem("gen_ai.provider.name"));
        Assert.Equal("GenerateAsync", span.GetTagItem("nanobanana.method"));
        Assert.Equal("image", span.GetTagItem("gen_ai.output.type"));
        Assert.Equal(result.OperationId, span.GetTagItem("gen_ai.response.id"));
        Assert.Equal(result.OperationId, span.GetTagItem("nanobanana.operation.id"));
        Assert.Equal(1, span.GetTagItem("nanobanana.response.image_count"));
    }

    [Fact]
    public async Task A_span_names_the_model_asked_for()
    {
        using var telemetry = new TelemetryCapture();
        using var client = TelemetryClients.Gemini(_emulator);

        await client.GenerateAsync(TestClients.Request() with { Model = NanoBananaModel.NanoBananaPro }, Ct);

        var span = Assert.Single(telemetry.Calls("generate_content"));
        Assert.Equal(NanoBananaModel.NanoBananaPro.Value, span.GetTagItem("gen_ai.request.model"));
        Assert.Equal($"generate_content {NanoBananaModel.NanoBananaPro.Value}", span.DisplayName);
        Assert.NotNull(span.GetTagItem("gen_ai.response.model"));
    }

    [Fact]
    public async Task Each_HTTP_attempt_is_a_child_span_and_a_retry_carries_its_resend_count()
    {
        var time = new ManualTimeProvider();
        using var telemetry = new TelemetryCapture();
        using var client = TelemetryClients.NanaNanoBanana(_emulator, time);
        _emulator.Scenario.EnqueueFault(new EmulatorFault(503) { PathSuffix = "/generate", Method = "POST" });

        await time.RunAsync(client.GenerateAsync(TestClients.Request(), Ct));

        var call = Assert.Single(telemetry.Calls("generate_content"));
        var attempts = telemetry.AttemptsUnder(call);
        Assert.Equal(2, attempts.Count);
        Assert.All(attempts, a => Assert.Equal("POST", a.GetTagItem("http.request.method")));
        Assert.Equal(503, attempts[0].GetTagItem("http.response.status_code"));
        Assert.Equal("503", attempts[0].GetTagItem("error.type"));
        Assert.Equal(ActivityStatusCode.Error, attempts[0].Status);
        Assert.Null(attempts[0].GetTagItem("http.request.resend_count"));
        Assert.Equal(200, attempts[1].GetTagItem("http.response.status_code"));
        Assert.Equal(1, attempts[1].GetTagItem("http.request.resend_count"));
        Assert.Equal(ActivityStatusCode.Unset, attempts[1].Status);
    }

    [Fact]
    public async Task An_attempt_span_names_the_server_and_the_url_without_its_query_string()
    {
        var time = new ManualTimeProvider();
        using var telemetry = new TelemetryCapture();
        using var client = TelemetryClients.Apixo(_emulator, time);
        var operation = await client.StartGenerationAsync(TestClients.Request(), Ct);

        await operation.UpdateStatusAsync(Ct);

        var poll = Assert.Single(telemetry.Calls("poll_generation"));
        var attempt = Assert.Single(telemetry.AttemptsUnder(poll));
        Assert.Equal("GET", attempt.GetTagItem("http.request.method"));
        Assert.Equal("127.0.0.1", attempt.GetTagItem("server.address"));
        Assert.Equal(_emulator.BaseAddress.Port, attempt.GetTagItem("server.port"));
        Assert.Equal(new Uri(_emulator.ApixoBaseAddress, "statusTask/nano-banana").AbsoluteUri, attempt.GetTagItem("url.full"));
    }

    [Fact]
    public async Task UpdateStatusAsync_is_a_poll_span_naming_the_job_and_its_state()
    {
        using var telemetry = new TelemetryCapture();
        using var client = TelemetryClients.NanaNanoBanana(_emulator);
        var operation = await client.StartGenerationAsync(TestClients.Request(), Ct);

        await operation.UpdateStatusAsync(Ct);

        var poll = Assert.Single(telemetry.Calls("poll_generation"));
        Assert.Equal(telemetry.Root.SpanId, poll.ParentSpanId);
        Assert.Equal("UpdateStatusAsync", poll.GetTagItem("nanobanana.method"));
        Assert.Equal(operation.Id, poll.GetTagItem("nanobanana.operation.id"));
        Assert.Equal("succeeded", poll.GetTagItem("nanobanana.job.status"));
    }

    [Fact]
    public async Task Each_poll_of_a_wait_is_a_span_under_the_wait_span()
    {
        var time = new ManualTimeProvider();
        _emulator.Scenario.CompleteAfterPolls = 3;
        using var telemetry = new TelemetryCapture();
        using var client = TelemetryClients.Apixo(_emulator, time);
        var operation = await client.StartGenerationAsync(TestClients.Request(), Ct);

        await time.RunAsync(operation.WaitForCompletionAsync(Ct));

        var wait = Assert.Single(telemetry.Calls("wait_generation"));
        Assert.Equal(ActivityKind.Internal, wait.Kind);
        Assert.Equal(operation.Id, wait.GetTagItem("nanobanana.operation.id"));
        Assert.Equal(3L, wait.GetTagItem("nanobanana.job.polls"));
        var polls = telemetry.ChildrenOf(wait);
        Assert.Equal(3, polls.Count);
        Assert.All(polls, p => Assert.Equal("poll_generation", p.GetTagItem("gen_ai.operation.name")));
        Assert.All(polls, p => Assert.Single(telemetry.AttemptsUnder(p)));
        Assert.Equal(["queued", "running", "succeeded"], polls.Select(p => p.GetTagItem("nanobanana.job.status")));
    }

    [Fact]
    public async Task A_streaming_call_keeps_its_polls_under_its_span_while_the_caller_enumerates()
    {
        var time = new ManualTimeProvider();
        _emulator.Scenario.CompleteAfterPolls = 2;
        using var telemetry = new TelemetryCapture();
        using var client = TelemetryClients.Apixo(_emulator, time);

        await time.RunAsync(client.GenerateStreamingAsync(TestClients.Request(), Ct).ToListAsync());

        var stream = Assert.Single(telemetry.Calls("generate_content"));
        Assert.Equal("GenerateStreamingAsync", stream.GetTagItem("nanobanana.method"));
        Assert.Equal(ActivityStatusCode.Unset, stream.Status);
        var children = telemetry.ChildrenOf(stream).Select(c => c.GetTagItem("gen_ai.operation.name"));
        Assert.Equal(["start_generation", "poll_generation", "poll_generation"], children);
    }

    [Fact]
    public async Task GetGenerationAsync_is_a_span_naming_the_job_it_resumes()
    {
        using var telemetry = new TelemetryCapture();
        using var client = TelemetryClients.NanaNanoBanana(_emulator);
        var started = await client.StartGenerationAsync(TestClients.Request(), Ct);

        await client.GetGenerationAsync(started.Id, Ct);

        var get = Assert.Single(telemetry.Calls("get_generation"));
        Assert.Equal(started.Id, get.GetTagItem("nanobanana.operation.id"));
        Assert.Equal("GetGenerationAsync", get.GetTagItem("nanobanana.method"));
        Assert.Single(telemetry.AttemptsUnder(get));
    }

    [Fact]
    public async Task A_failed_call_has_an_error_status_and_the_exception_type_as_error_type()
    {
        using var telemetry = new TelemetryCapture();
        using var client = TelemetryClients.NanaNanoBanana(_emulator, apiKey: "nb_wrong_key_for_telemetry");

        await Assert.ThrowsAsync<NanoBananaAuthenticationException>(() => client.GenerateAsync(TestClients.Request(), Ct));

        var span = Assert.Single(telemetry.Calls("generate_content"));
        Assert.Equal(ActivityStatusCode.Error, span.Status);
        Assert.Equal(typeof(NanoBananaAuthenticationException).FullName, span.GetTagItem("error.type"));
        var attempt = Assert.Single(telemetry.AttemptsUnder(span));
        Assert.Equal(401, attempt.GetTagItem("http.response.status_code"));
        Assert.Equal("401", attempt.GetTagItem("error.type"));
    }

    [Fact]
    public async Task Account_calls_are_spans_of_their_own()
    {
        using var telemetry = new TelemetryCapture();
        using var client = TelemetryClients.NanaNanoBanana(_emulator);

        await client.GetModelsAsync(Ct);
        await client.GetCreditsAsync(Ct);

        Assert.Single(telemetry.AttemptsUnder(Assert.Single(telemetry.Calls("list_models"))));
        Assert.Single(telemetry.AttemptsUnder(Assert.Single(telemetry.Calls("get_credits"))));
    }

    [Fact]
    public async Task A_client_from_dependency_injection_has_a_span_per_attempt_too()
    {
        var services = new ServiceCollection();
        services.AddNanoBanana().AddNanaNanoBanana(o =>
        {
            o.ApiKey = _emulator.ApiKey;
            o.BaseAddress = _emulator.NanaNanoBananaBaseAddress;
        });
        await using var provider = services.BuildServiceProvider();
        using var telemetry = new TelemetryCapture();

        await provider.GetRequiredService<IImageGenerationClient>().GenerateAsync(TestClients.Request(), Ct);

        var call = Assert.Single(telemetry.Calls("generate_content"));
        Assert.Equal("POST", Assert.Single(telemetry.AttemptsUnder(call)).GetTagItem("http.request.method"));
    }
}
