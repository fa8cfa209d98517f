using System.Net;
using NanoBanana.Sdk.Testing;

namespace NanoBanana.Sdk.Tests.Faults;

/// <summary>The emulator's fault machinery on the wire, with a plain <see cref="HttpClient"/>: targeting, accounting, headers, bodies.</summary>
public sealed class EmulatorFaultTests(EmulatorFixture fixture) : IClassFixture<EmulatorFixture>, IDisposable
{
    private readonly NanoBananaEmulator _emulator = fixture.Fresh();
    private readonly HttpClient _http = new(new SocketsHttpHandler { AllowAutoRedirect = false }) { Timeout = TimeSpan.FromSeconds(10) };

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private Uri Models => new(_emulator.NanaNanoBananaBaseAddress, "models");

    [Fact]
    public async Task A_path_pattern_fault_hits_only_the_requests_it_matches()
    {
        _emulator.Scenario.EnqueueFault(new EmulatorFault(503) { PathPattern = "/credits$" });

        using var models = await _http.GetAsync(Models, Ct);
        using var credits = await _http.GetAsync(new Uri(_emulator.NanaNanoBananaBaseAddress, "credits"), Ct);

        Assert.Equal(HttpStatusCode.OK, models.StatusCode);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, credits.StatusCode);
    }

    [Fact]
    public async Task Handled_requests_leave_out_those_a_fault_answered_and_keep_those_it_spoiled()
    {
        _emulator.Scenario.EnqueueFault(new EmulatorFault(500) { PathSuffix = "/models" });
        _emulator.Scenario.EnqueueFault(new EmulatorFault(200) { PathSuffix = "/models", Kind = EmulatorFaultKind.ResetBeforeHeaders });

        using (await _http.GetAsync(Models, Ct))
        {
        }

        await Assert.ThrowsAsync<HttpRequestException>(() => _http.GetAsync(Models, Ct));

        Assert.Equal(2, _emulator.Requests.Count);
        var handled = Assert.Single(_emulator.HandledRequests);
        Assert.Same(_emulator.Requests[1], handled);
    }

    [Fact]
    public async Task Retry_after_as_a_date_is_sent_as_an_http_date()
    {
        var at = new DateTimeOffset(2031, 5, 4, 3, 2, 1, TimeSpan.Zero);
        _emulator.Scenario.EnqueueFault(new EmulatorFault(429) { PathSuffix = "/models", RetryAfterDate = at });

        using var response = await _http.GetAsync(Models, Ct);

        Assert.Equal(at, response.Headers.RetryAfter?.Date);
        Assert.Equal("Sun, 04 May 2031 03:02:01 GMT", response.Headers.GetValues("Retry-After").Single());
    }

    [Fact]
    public async Task A_redirect_fault_answers_with_its_location_and_an_empty_body()
    {
        var target = new Uri("http://127.0.0.1:9/moved");
        _emulator.Scenario.EnqueueFault(new EmulatorFault(308) { Kind = EmulatorFaultKind.Redirect, PathSuffix = "/models", RedirectTo = target });

        using var response = await _http.GetAsync(Models, Ct);

        Assert.Equal(HttpStatusCode.PermanentRedirect, response.StatusCode);
        Assert.Equal(target, response.Headers.Location);
        Assert.Empty(await response.Content.ReadAsByteArrayAsync(Ct));
    }

    [Fact]
    public async Task An_oversized_body_has_the_requested_length_and_no_declared_length()
    {
        _emulator.Scenario.EnqueueFault(new EmulatorFault(200) { Kind = EmulatorFaultKind.Oversized, PathSuffix = "/models", BodyLength = 200_000 });

        using var response = await _http.GetAsync(Models, HttpCompletionOption.ResponseHeadersRead, Ct);
        var body = await response.Content.ReadAsByteArrayAsync(Ct);

        Assert.True(response.Headers.TransferEncodingChunked);
        Assert.Equal(200_000, body.Length);
        Assert.Equal("{\"padding\":\"aaa"u8.ToArray(), body[..15]);
    }

    [Fact]
    public async Task A_finite_slow_fault_runs_the_request_after_its_delay()
    {
        _emulator.Scenario.EnqueueFault(new EmulatorFault(200) { Kind = EmulatorFaultKind.Slow, PathSuffix = "/models", StallFor = TimeSpan.FromMilliseconds(10) });

        using var response = await _http.GetAsync(Models, Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Single(_emulator.HandledRequests);
    }

    [Fact]
    public void A_redirect_fault_without_a_3xx_status_or_a_target_is_rejected()
    {
        Assert.Throws<ArgumentException>(() => _emulator.Scenario.EnqueueFault(new EmulatorFault(200) { Kind = EmulatorFaultKind.Redirect, RedirectTo = new Uri("http://127.0.0.1/") }));
        Assert.Throws<ArgumentException>(() => _emulator.Scenario.EnqueueFault(new EmulatorFault(302) { Kind = EmulatorFaultKind.Redirect }));
    }

    [Fact]
    public void An_invalid_path_pattern_is_rejected_when_queued() =>
        Assert.Throws<ArgumentException>(() => _emulator.Scenario.EnqueueFault(new EmulatorFault(500) { PathPattern = "/jobs/(" }));

    /// <inheritdoc/>
    public void Dispose() => _http.Dispose();
}
