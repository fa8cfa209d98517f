using NanoBanana.Sdk.Testing;

namespace NanoBanana.Sdk.Tests.Contract;

/// <summary>How a contract test wants its client built.</summary>
public sealed record ContractClientSettings
{
    /// <summary>The key to send; null for the emulator's key.</summary>
    public string? ApiKey { get; init; }

    /// <summary>The clock; null for the system clock.</summary>
    public TimeProvider? TimeProvider { get; init; }

    /// <summary>Retries after the first attempt.</summary>
    public int MaxRetryAttempts { get; init; } = 3;
}

/// <summary>
/// The common contract (DESIGN.md sections 3, 5, 6 and 13), run against every provider through the emulator: the same
/// behaviour behind one interface. A provider adds a concrete subclass that builds its client.
/// </summary>
public abstract class ImageGenerationClientContractTests(EmulatorFixture fixture) : IClassFixture<EmulatorFixture>
{
    /// <summary>Fast polling (real time, at most 10 ms per wait) for emulator-backed waits.</summary>
    protected static readonly PollingStrategy FastPolling = PollingStrategy.Fixed(TimeSpan.FromMilliseconds(10), maxWait: TimeSpan.FromSeconds(30));

    /// <summary>Which of the common entry points a test goes through.</summary>
    public enum EntryPoint
    {
        Generate,
        Stream,
        Start,
    }

    /// <summary>The shared emulator, reset for this test.</summary>
    protected NanoBananaEmulator Emulator { get; } = fixture.Fresh();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Builds the provider's client pointed at <paramref name="emulator"/>.</summary>
    /// <param name="emulator">The emulator.</param>
    /// <param name="settings">What the test needs.</param>
    /// <returns>The client; disposed by the test when disposable.</returns>
    protected abstract IImageGenerationClient CreateClient(NanoBananaEmulator emulator, ContractClientSettings settings);

    /// <summary>The provider's API requests recorded by the emulator (image downloads excluded).</summary>
    /// <param name="emulator">The emulator.</param>
    /// <returns>The requests.</returns>
    protected abstract IReadOnlyList<RecordedRequest> ApiRequests(NanoBananaEmulator emulator);

    /// <summary>The path suffix of the provider's status read, for fault injection; null when the vendor has no status read.</summary>
    protected abstract string? StatusPathSuffix { get; }

    /// <summary>The HTTP method of the provider's status read.</summary>
    protected virtual string StatusMethod => "GET";

    /// <summary>The path suffix of the provider's submit, for fault injection.</summary>
    protected abstract string SubmitPathSuffix { get; }

    private IImageGenerationClient Client(ContractClientSettings? settings = null) => CreateClient(Emulator, settings ?? new ContractClientSettings());

    /// <summary>The provider's capabilities, read from a throw-away client.</summary>
    private ImageGenerationCapabilities Capabilities()
    {
        var client = Client();
        try
        {
            return client.Capabilities;
        }
        finally
        {
            (client as IDisposable)?.Dispose();
        }
    }

    /// <summary>Skips a scenario that needs the vendor's own job status (sync-only vendors keep results only in process).</summary>
    private void RequireNativeAsync() =>
        Assert.SkipUnless(Capabilities().NativeAsync, "the vendor has no job status: operations are completed sync calls");

    private static async Task Invoke(IImageGenerationClient client, EntryPoint entry, ImageGenerationRequest request, CancellationToken cancellationToken)
    {
        switch (entry)
        {
            case EntryPoint.Generate:
                await client.GenerateAsync(request, cancellationToken);
                break;
            case EntryPoint.Stream:
                await client.GenerateStreamingAsync(request, cancellationToken).ToListAsync();
                break;
            default:
                await client.StartGenerationAsync(request, cancellationToken);
                break;
        }
    }

    private async Task AssertRejectedWithoutRequests<TException>(EntryPoint entry, ImageGenerationRequest request)
        where TException : Exception
    {
        var client = Client();
        try
        {
            await Assert.ThrowsAsync<TException>(() => Invoke(client, entry, request, Ct));
            Assert.Empty(Emulator.Requests);
        }
        finally
        {
            (client as IDisposable)?.Dispose();
        }
    }

    [Theory]
    [InlineData("16:9")]
    [InlineData("2:3")]
    [InlineData("1:1")]
    public async Task Generate_returns_a_decodable_png_of_the_requested_aspect_ratio(string ratio)
    {
        var aspect = new AspectRatio(ratio);
        Assert.SkipUnless(Capabilities().AspectRatios.Contains(aspect), $"the vendor does not offer {ratio}");
        var client = Client();
        aspect.TryGetTerms(out var w, out var h);

        var result = await client.GenerateAsync(new ImageGenerationRequest { Prompt = "a red fox in snow", AspectRatio = aspect }, Ct);

        var image = Assert.Single(result.Images);
        var bytes = await image.GetBytesAsync(Ct);
        Assert.True(Png.HasSignature(bytes.Span), "the image is not a PNG");
        var (width, height) = Png.ReadSize(bytes.Span);
        Assert.InRange((double)width / height, (double)w / h * 0.99, (double)w / h * 1.01);
        Assert.Equal(client.ProviderName, result.Provider);
        Assert.False(string.IsNullOrEmpty(result.OperationId));
        (client as IDisposable)?.Dispose();
    }

    [Fact]
    public async Task Generated_image_saves_to_a_file_with_the_downloaded_bytes()
    {
        var client = Client();
        var result = await client.GenerateAsync(new ImageGenerationRequest { Prompt = "a lighthouse", AspectRatio = AspectRatio.Landscape4x3 }, Ct);
        var image = Assert.Single(result.Images);
        var path = Path.Combine(Path.GetTempPath(), "nanobanana-tests", Guid.NewGuid().ToString("N"), "out.png");

        try
        {
            await image.SaveAsync(path, Ct);
            var saved = await File.ReadAllBytesAsync(path, Ct);
            var downloaded = await image.GetBytesAsync(Ct);
            Assert.Equal(downloaded.ToArray(), saved);
            Assert.Equal((4, 3), Reduce(Png.ReadSize(saved)));
        }
        finally
        {
            Directory.Delete(Path.GetDirectoryName(path)!, recursive: true);
            (client as IDisposable)?.Dispose();
        }
    }

    [Fact]
    public async Task Streaming_ends_with_exactly_one_completed_update_last()
    {
        var client = Client();

        var updates = await client.GenerateStreamingAsync(TestClients.Request(), Ct).ToListAsync();

        Assert.Single(updates.OfType<ImageGenerationCompletedUpdate>());
        var completed = Assert.IsType<ImageGenerationCompletedUpdate>(updates[^1]);
        Assert.NotEmpty(completed.Result.Images);
        Assert.True(updates.Count > 1, "no progress was reported before the result");
        (client as IDisposable)?.Dispose();
    }

    [Fact]
    public async Task Streaming_progress_never_decreases()
    {
        Emulator.Scenario.StreamStatusEvents = 6;
        var client = Client();

        var updates = await client.GenerateStreamingAsync(TestClients.Request(), Ct).ToListAsync();

        var percents = updates.OfType<ImageGenerationProgressUpdate>().Select(u => u.Percent ?? 0).ToList();
        Assert.Equal(percents.Order(), percents);
        (client as IDisposable)?.Dispose();
    }

    [Fact]
    public async Task Start_then_wait_for_completion_returns_the_result()
    {
        Emulator.Scenario.CompleteAfterPolls = 3;
        var client = Client();

        var operation = await client.StartGenerationAsync(TestClients.Request(), Ct);
        var result = await operation.WaitForCompletionAsync(FastPolling, Ct);

        Assert.Equal(operation.Id, result.OperationId);
        Assert.True(operation.HasCompleted);
        Assert.Equal(ImageGenerationStatus.Succeeded, operation.Status);
        Assert.True(Png.HasSignature((await Assert.Single(result.Images).GetBytesAsync(Ct)).Span));
        (client as IDisposable)?.Dispose();
    }

    [Fact]
    public async Task An_operation_resumes_by_id_from_a_second_client()
    {
        RequireNativeAsync();
        Emulator.Scenario.CompleteAfterPolls = 2;
        var first = Client();
        var second = Client();

        var started = await first.StartGenerationAsync(TestClients.Request(), Ct);
        var resumed = await second.GetGenerationAsync(started.Id, Ct);
        var result = await resumed.WaitForCompletionAsync(FastPolling, Ct);

        Assert.Equal(started.Id, resumed.Id);
        Assert.Equal(started.Id, result.OperationId);
        Assert.NotEmpty(result.Images);
        (first as IDisposable)?.Dispose();
        (second as IDisposable)?.Dispose();
    }

    [Theory]
    [InlineData(EntryPoint.Generate)]
    [InlineData(EntryPoint.Stream)]
    [InlineData(EntryPoint.Start)]
    public async Task A_pre_cancelled_token_throws_operation_canceled_and_sends_nothing(EntryPoint entry)
    {
        using var cts = new CancellationTokenSource();
        await cts.CancelAsync();
        var client = Client();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Invoke(client, entry, TestClients.Request(), cts.Token));

        Assert.Empty(Emulator.Requests);
        (client as IDisposable)?.Dispose();
    }

    [Fact]
    public async Task Get_generation_with_a_pre_cancelled_token_sends_nothing()
    {
        using var cts = new CancellationTokenSource();
        await cts.CancelAsync();
        var client = Client();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => client.GetGenerationAsync("clanything", cts.Token));

        Assert.Empty(Emulator.Requests);
        (client as IDisposable)?.Dispose();
    }

    [Fact]
    public async Task A_rate_limited_read_is_retried_after_retry_after_and_succeeds()
    {
        Assert.SkipWhen(StatusPathSuffix is null, "the vendor has no status read");
        var time = new ManualTimeProvider();
        var client = Client(new ContractClientSettings { TimeProvider = time });
        var operation = await client.StartGenerationAsync(TestClients.Request(), Ct);
        Emulator.ClearRequests();
        Emulator.Scenario.EnqueueFault(new EmulatorFault(429) { PathSuffix = StatusPathSuffix, Method = StatusMethod, RetryAfter = TimeSpan.FromSeconds(7) });
        var before = time.Now;

        var resumed = await time.RunAsync(client.GetGenerationAsync(operation.Id, Ct));

        Assert.Equal(operation.Id, resumed.Id);
        Assert.Equal(2, ApiRequests(Emulator).Count);
        Assert.Equal(TimeSpan.FromSeconds(7), time.Now - before);
        (client as IDisposable)?.Dispose();
    }

    [Fact]
    public async Task A_rate_limit_past_the_budget_surfaces_retry_after()
    {
        Assert.SkipWhen(StatusPathSuffix is null, "the vendor has no status read");
        var client = Client();
        var operation = await client.StartGenerationAsync(TestClients.Request(), Ct);
        Emulator.ClearRequests();
        Emulator.Scenario.EnqueueFault(new EmulatorFault(429) { PathSuffix = StatusPathSuffix, Method = StatusMethod, RetryAfter = TimeSpan.FromHours(1) });

        var e = await Assert.ThrowsAsync<NanoBananaRateLimitException>(() => client.GetGenerationAsync(operation.Id, Ct));

        Assert.Equal(TimeSpan.FromHours(1), e.RetryAfter);
        Assert.Equal(429, e.StatusCode);
        Assert.Equal(client.ProviderName, e.Provider);
        Assert.Single(ApiRequests(Emulator));
        (client as IDisposable)?.Dispose();
    }

    [Theory]
    [InlineData(EntryPoint.Generate)]
    [InlineData(EntryPoint.Stream)]
    public async Task A_content_violation_throws_content_filtered(EntryPoint entry)
    {
        Emulator.Scenario.ContentWarning = true;
        var client = Client();

        var e = await Assert.ThrowsAsync<NanoBananaContentFilteredException>(() => Invoke(client, entry, TestClients.Request(), Ct));

        Assert.Equal(client.ProviderName, e.Provider);
        Assert.False(e.IsTransient);
        (client as IDisposable)?.Dispose();
    }

    [Fact]
    public async Task A_content_violation_of_an_async_job_throws_content_filtered_with_its_id()
    {
        RequireNativeAsync();
        Emulator.Scenario.ContentWarning = true;
        var client = Client();
        var operation = await client.StartGenerationAsync(TestClients.Request(), Ct);

        var e = await Assert.ThrowsAsync<NanoBananaContentFilteredException>(() => operation.WaitForCompletionAsync(FastPolling, Ct));

        Assert.Equal(operation.Id, e.OperationId);
        (client as IDisposable)?.Dispose();
    }

    [Fact]
    public async Task A_failed_async_job_throws_generation_failed_with_its_id()
    {
        RequireNativeAsync();
        Emulator.Scenario.FailJobsWith = "upstream model crashed";
        var client = Client();
        var operation = await client.StartGenerationAsync(TestClients.Request(), Ct);

        var e = await Assert.ThrowsAsync<NanoBananaGenerationFailedException>(() => operation.WaitForCompletionAsync(FastPolling, Ct));

        Assert.Equal(operation.Id, e.OperationId);
        Assert.Contains("upstream model crashed", e.Message, StringComparison.Ordinal);
        Assert.Throws<NanoBananaGenerationFailedException>(() => operation.Value);
        (client as IDisposable)?.Dispose();
    }

    [Fact]
    public async Task Malformed_json_throws_a_nano_banana_exception_naming_the_provider()
    {
        Emulator.Scenario.EnqueueFault(new EmulatorFault(200) { PathSuffix = SubmitPathSuffix, Method = "POST", Body = "{not json" });
        var client = Client();

        var e = await Assert.ThrowsAsync<NanoBananaException>(() => client.GenerateAsync(TestClients.Request(), Ct));

        Assert.Equal(client.ProviderName, e.Provider);
        Assert.Contains(client.ProviderName, e.Message, StringComparison.Ordinal);
        (client as IDisposable)?.Dispose();
    }

    [Fact]
    public async Task A_dropped_stream_throws_stream_interrupted()
    {
        Assert.SkipUnless(Capabilities().NativeStreaming, "the vendor does not stream; progress is synthesized from polls");
        Emulator.Scenario.DropStreamAfterEvents = 1;
        var client = Client();

        var e = await Assert.ThrowsAsync<NanoBananaException>(() => client.GenerateStreamingAsync(TestClients.Request(), Ct).ToListAsync());

        Assert.Equal("stream_interrupted", e.ErrorCode);
        Assert.Equal(client.ProviderName, e.Provider);
        (client as IDisposable)?.Dispose();
    }

    [Theory]
    [InlineData(EntryPoint.Generate, "")]
    [InlineData(EntryPoint.Generate, "   ")]
    [InlineData(EntryPoint.Stream, " \t ")]
    [InlineData(EntryPoint.Start, "")]
    public async Task An_empty_prompt_is_an_argument_exception_and_nothing_is_sent(EntryPoint entry, string prompt) =>
        await AssertRejectedWithoutRequests<ArgumentException>(entry, new ImageGenerationRequest { Prompt = prompt });

    [Theory]
    [InlineData("/relative/image.png")]
    [InlineData("ftp://files.example.com/image.png")]
    [InlineData("file:///tmp/image.png")]
    public void A_reference_url_that_is_not_absolute_http_is_rejected_by_from_uri(string url)
    {
        Assert.Throws<ArgumentException>(() => ImageInput.FromUri(url));
        Assert.Throws<ArgumentException>(() => ImageInput.FromUri(new Uri(url, UriKind.RelativeOrAbsolute)));
        Assert.Empty(Emulator.Requests);
    }

    [Theory]
    [InlineData(EntryPoint.Generate)]
    [InlineData(EntryPoint.Stream)]
    [InlineData(EntryPoint.Start)]
    public async Task A_bytes_reference_is_rejected_when_the_provider_takes_only_urls(EntryPoint entry)
    {
        Assert.SkipWhen(Capabilities().SupportsInputImageBytes, "the vendor takes bytes; see the round-trip test");
        var request = new ImageGenerationRequest { Prompt = "edit this", InputImages = [ImageInput.FromBytes(new byte[] { 1, 2, 3 }, "image/png")] };

        await AssertRejectedWithoutRequests<NotSupportedException>(entry, request);
    }

    [Fact]
    public async Task A_bytes_reference_reaches_the_vendor_when_the_provider_takes_bytes()
    {
        Assert.SkipUnless(Capabilities().SupportsInputImageBytes, "the vendor takes reference images only as URLs");
        var reference = Png.Tiny;
        var client = Client();

        var result = await client.GenerateAsync(
            new ImageGenerationRequest { Prompt = "edit this", InputImages = [ImageInput.FromBytes(reference, "image/png")] }, Ct);

        Assert.NotEmpty(result.Images);
        Assert.Contains(ApiRequests(Emulator), r => r.Method == "POST" && r.Body.Length > reference.Length);
        (client as IDisposable)?.Dispose();
    }

    [Theory]
    [InlineData(EntryPoint.Generate)]
    [InlineData(EntryPoint.Stream)]
    [InlineData(EntryPoint.Start)]
    public async Task An_unsupported_aspect_ratio_is_not_supported_and_nothing_is_sent(EntryPoint entry) =>
        await AssertRejectedWithoutRequests<NotSupportedException>(entry, new ImageGenerationRequest { Prompt = "p", AspectRatio = new AspectRatio("7:3") });

    [Theory]
    [InlineData(EntryPoint.Generate, 0)]
    [InlineData(EntryPoint.Stream, 0)]
    [InlineData(EntryPoint.Start, -1)]
    public async Task An_image_count_below_one_is_out_of_range_and_nothing_is_sent(EntryPoint entry, int count) =>
        await AssertRejectedWithoutRequests<ArgumentOutOfRangeException>(entry, new ImageGenerationRequest { Prompt = "p", ImageCount = count });

    [Fact]
    public async Task An_image_count_above_the_maximum_is_not_supported_and_nothing_is_sent()
    {
        var client = Client();
        var max = client.Capabilities.MaxImageCount;
        (client as IDisposable)?.Dispose();

        await AssertRejectedWithoutRequests<NotSupportedException>(EntryPoint.Generate, new ImageGenerationRequest { Prompt = "p", ImageCount = max + 1 });
    }

    [Theory]
    [InlineData(EntryPoint.Generate)]
    [InlineData(EntryPoint.Start)]
    public async Task A_callback_uri_without_native_webhooks_is_not_supported_and_nothing_is_sent(EntryPoint entry)
    {
        Assert.SkipWhen(Capabilities().NativeWebhooks, "the vendor calls back");
        await AssertRejectedWithoutRequests<NotSupportedException>(entry, new ImageGenerationRequest { Prompt = "p", CallbackUri = new Uri("https://127.0.0.1/hook") });
    }

    [Theory]
    [InlineData(EntryPoint.Generate)]
    [InlineData(EntryPoint.Start)]
    public async Task An_idempotency_key_the_vendor_ignores_is_not_supported_and_nothing_is_sent(EntryPoint entry)
    {
        Assert.SkipWhen(Capabilities().SupportsIdempotencyKey, "the vendor honours idempotency keys");
        await AssertRejectedWithoutRequests<NotSupportedException>(entry, new ImageGenerationRequest { Prompt = "p", IdempotencyKey = "order-42" });
    }

    [Fact]
    public async Task An_output_media_type_the_vendor_cannot_produce_is_not_supported_and_nothing_is_sent() =>
        await AssertRejectedWithoutRequests<NotSupportedException>(EntryPoint.Generate, new ImageGenerationRequest { Prompt = "p", OutputMediaType = "image/gif" });

    [Theory]
    [InlineData(EntryPoint.Generate)]
    [InlineData(EntryPoint.Stream)]
    [InlineData(EntryPoint.Start)]
    public async Task A_wrong_key_is_an_authentication_exception_that_does_not_echo_the_key(EntryPoint entry)
    {
        const string WrongKey = "nb_wrong_key_0000000000";
        var client = Client(new ContractClientSettings { ApiKey = WrongKey });

        var e = await Assert.ThrowsAsync<NanoBananaAuthenticationException>(() => Invoke(client, entry, TestClients.Request(), Ct));

        Assert.InRange(e.StatusCode ?? 0, 400, 403);
        Assert.Equal(client.ProviderName, e.Provider);
        Assert.DoesNotContain(WrongKey, e.ToString(), StringComparison.Ordinal);
        (client as IDisposable)?.Dispose();
    }

    [Fact]
    public async Task Insufficient_credits_is_a_quota_exceeded_exception()
    {
        Emulator.Scenario.EnqueueFault(new EmulatorFault(402) { PathSuffix = SubmitPathSuffix });
        var client = Client();

        var e = await Assert.ThrowsAsync<NanoBananaQuotaExceededException>(() => client.GenerateAsync(TestClients.Request(), Ct));

        Assert.Equal(402, e.StatusCode);
        (client as IDisposable)?.Dispose();
    }

    [Fact]
    public async Task Api_access_not_enabled_is_an_authentication_exception()
    {
        Emulator.Scenario.EnqueueFault(new EmulatorFault(403) { PathSuffix = SubmitPathSuffix });
        var client = Client();

        var e = await Assert.ThrowsAsync<NanoBananaAuthenticationException>(() => client.StartGenerationAsync(TestClients.Request(), Ct));

        Assert.Equal(403, e.StatusCode);
        (client as IDisposable)?.Dispose();
    }

    [Fact]
    public async Task A_server_error_on_submit_is_not_resent()
    {
        Emulator.Scenario.EnqueueFault(new EmulatorFault(500) { PathSuffix = SubmitPathSuffix, Method = "POST" });
        var client = Client();

        var e = await Assert.ThrowsAsync<NanoBananaException>(() => client.GenerateAsync(TestClients.Request(), Ct));

        Assert.Equal(500, e.StatusCode);
        Assert.Single(ApiRequests(Emulator));
        (client as IDisposable)?.Dispose();
    }

    [Fact]
    public void Get_service_returns_the_client_itself_for_its_own_type()
    {
        var client = Client();

        Assert.Same(client, client.GetService(client.GetType()));
        Assert.Same(client, client.GetService(typeof(IImageGenerationClient)));
        Assert.Null(client.GetService(typeof(string)));
        (client as IDisposable)?.Dispose();
    }

    private static (int, int) Reduce((int Width, int Height) size)
    {
        var gcd = System.Numerics.BigInteger.GreatestCommonDivisor(size.Width, size.Height);
        return ((int)(size.Width / gcd), (int)(size.Height / gcd));
    }
}
