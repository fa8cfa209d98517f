using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NanoBanana.Sdk.DependencyInjection;
using NanoBanana.Sdk.Http;
using NanoBanana.Sdk.Providers.AceData;
using NanoBanana.Sdk.Providers.Apixo;
using NanoBanana.Sdk.Providers.BananaPro;
using NanoBanana.Sdk.Providers.DreamToJobs;
using NanoBanana.Sdk.Providers.Gemini;
using NanoBanana.Sdk.Providers.NanaNanoBanana;
using NanoBanana.Sdk.Telemetry;
using NanoBanana.Sdk.Testing;

namespace NanoBanana.Sdk.Tests.Secrets;

/// <summary>
/// Every provider through DI with a logger capturing at Trace, over the emulator with a distinctive key: whatever the
/// SDK writes outside request bodies (logs, exception messages and <c>ToString()</c>, <c>ToString()</c> of options,
/// requests, results and operations, activity and metric tags) holds neither the key nor base64 image data, on success
/// and on every failure path tried.
/// </summary>
public sealed class SecretsTests : IAsyncLifetime
{
    private const string Key = "nbsk_live_9f8e7d6c5b4a3210_SECRET";
    private const string WrongKey = "nbsk_wrong_0a1b2c3d4e5f_WRONGKEY";
    private const string WebhookSecret = "whsec_secrets_test_0123456789";
    private static readonly PollingStrategy FastPolling = PollingStrategy.Fixed(TimeSpan.FromMilliseconds(10), maxWait: TimeSpan.FromSeconds(30));
    private static readonly ActivitySource TestSource = new("NanoBanana.Sdk.Tests.Secrets");

    private readonly ListLoggerProvider _logs = new();
    private readonly ConcurrentBag<(ActivityTraceId Trace, string Text)> _spans = [];
    private readonly ConcurrentBag<string> _tags = [];
    private readonly List<string?> _texts = [];
    private NanoBananaEmulator? _emulator;

    public static TheoryData<string> Providers => [.. BadInput.BadInputClients.Providers];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private NanoBananaEmulator Emulator => _emulator!;

    /// <summary>A PNG with 3 KB of trailing data: its base64 is long and unmistakable if it ever leaks.</summary>
    private static byte[] Reference { get; } = [.. Png.Tiny, .. Enumerable.Range(0, 3000).Select(i => (byte)(i * 31 % 251))];

    public async ValueTask InitializeAsync() =>
        _emulator = await NanoBananaEmulator.StartAsync(new NanoBananaEmulatorOptions { ApiKey = Key, InitialCredits = 100_000 }, Ct);

    public async ValueTask DisposeAsync()
    {
        if (_emulator is not null)
        {
            await _emulator.DisposeAsync();
        }
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task No_log_message_exception_string_or_telemetry_tag_holds_the_key_or_base64(string provider)
    {
        using var activities = ListenToActivities();
        using var meters = ListenToMeters();
        using var parent = TestSource.StartActivity("secrets-test")!;
        await using var services = Build(provider);
        var client = services.GetRequiredKeyedService<IImageGenerationClient>("secret");

        await Succeed(client);
        await FailOnSubmit(client, provider, status: 500);
        await FailOnSubmit(client, provider, status: 200);
        await Fail(() => services.GetRequiredKeyedService<IImageGenerationClient>("wrong").GenerateAsync(TestClients.Request(), Ct));
        await Fail(() => client.GetGenerationAsync("not-a-job-of-this-process", Ct));
        _texts.Add(OptionsText(services, provider));

        Assert.Contains(_logs.Lines, l => l.StartsWith("Trace ", StringComparison.Ordinal) || l.StartsWith("Debug ", StringComparison.Ordinal));
        var spans = _spans.Where(s => s.Trace == parent.TraceId).Select(s => s.Text).ToList();
        Assert.Contains(spans, s => s.StartsWith("gen_ai.provider.name=", StringComparison.Ordinal));
        Assert.NotEmpty(_tags);
        SecretScanner.AssertClean("a log line", _logs.Lines, Key, WrongKey, WebhookSecret);
        SecretScanner.AssertClean("a ToString() or exception text", _texts, Key, WrongKey, WebhookSecret);
        SecretScanner.AssertClean("an activity", spans, Key, WrongKey, WebhookSecret);
        SecretScanner.AssertClean("a metric tag", _tags, Key, WrongKey, WebhookSecret);
    }

    private async Task Succeed(IImageGenerationClient client)
    {
        var reference = client.Capabilities.SupportsInputImageBytes
            ? ImageInput.FromBytes(Reference, "image/png")
            : ImageInput.FromUri("https://images.example.com/reference.png", "image/png");
        var request = new ImageGenerationRequest { Prompt = "keep the style", InputImages = [reference] };
        _texts.Add(request.ToString());
        _texts.Add(reference.ToString());

        var result = await client.GenerateAsync(request, Ct);
        var image = result.Images[0];
        await image.GetBytesAsync(Ct);
        _texts.AddRange([result.ToString(), image.ToString(), result.RawRepresentation?.ToString(), result.Usage?.ToString()]);

        var updates = await client.GenerateStreamingAsync(TestClients.Request(), Ct).ToListAsync();
        _texts.AddRange(updates.Select(u => u.ToString()));

        var operation = await client.StartGenerationAsync(TestClients.Request(), Ct);
        var completed = await operation.WaitForCompletionAsync(FastPolling, Ct);
        _texts.AddRange([operation.ToString(), completed.ToString()]);
    }

    /// <summary>The vendor answers the submit with a body that echoes the key and a base64 payload, as a broken gateway might.</summary>
    private async Task FailOnSubmit(IImageGenerationClient client, string provider, int status)
    {
        var echo = $$"""{"error":"{{Key}} rejected","message":"Bearer {{Key}}","data":"{{Convert.ToBase64String(Reference)}}","code":"{{Key}}"}""";
        Emulator.Scenario.EnqueueFault(new EmulatorFault(status) { PathSuffix = SubmitPath(provider), Method = "POST", Body = status == 200 ? echo[..^1] : echo });
        await Fail(() => client.GenerateAsync(TestClients.Request(), Ct));
    }

    private async Task Fail(Func<Task> call)
    {
        var e = await Record.ExceptionAsync(call);
        Assert.NotNull(e);
        _texts.AddRange([e.Message, e.ToString(), e.InnerException?.Message]);
    }

    private ServiceProvider Build(string provider)
    {
        var services = new ServiceCollection();
        services.AddLogging(b => b.SetMinimumLevel(LogLevel.Trace).AddProvider(_logs));
        var builder = services.AddNanoBanana();
        Register(builder, provider, "secret", Key);
        Register(builder, provider, "wrong", WrongKey);
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }

    private void Register(NanoBananaBuilder builder, string provider, string name, string key)
    {
        var noRetries = new NanoBananaResilienceOptions { MaxRetryAttempts = 0 };
        _ = provider switch
        {
            "NanaNanoBanana" => builder.AddNanaNanoBanana(name, o =>
            {
                o.ApiKey = key; o.BaseAddress = Emulator.NanaNanoBananaBaseAddress; o.PollingStrategy = FastPolling; o.Resilience = noRetries;
            }),
            "BananaPro" => builder.AddBananaPro(name, o =>
            {
                o.ApiKey = key; o.BaseAddress = Emulator.BananaProBaseAddress; o.PollingStrategy = FastPolling; o.Resilience = noRetries;
                o.Webhooks.Secrets.Add(WebhookSecret);
            }),
            "AceData" => builder.AddAceData(name, o =>
            {
                o.ApiKey = key; o.BaseAddress = Emulator.AceDataBaseAddress; o.PollingStrategy = FastPolling; o.Resilience = noRetries;
                o.Webhooks.Secrets.Add(WebhookSecret);
            }),
            "Apixo" => builder.AddApixo(name, o =>
            {
                o.ApiKey = key; o.BaseAddress = Emulator.ApixoBaseAddress; o.PollingStrategy = FastPolling; o.Resilience = noRetries;
                o.Webhooks.Secrets.Add(WebhookSecret);
            }),
            "Gemini" => builder.AddGemini(name, o =>
            {
                o.ApiKey = key; o.BaseAddress = Emulator.GeminiBaseAddress; o.Resilience = noRetries;
            }),
            _ => builder.AddDreamToJobs(name, o =>
            {
                o.ApiKey = key; o.BaseAddress = Emulator.DreamToBaseAddress; o.PollingStrategy = FastPolling; o.Resilience = noRetries;
                o.Webhooks.Secrets.Add(WebhookSecret);
            }),
        };
    }

    private static string SubmitPath(string provider) => provider switch
    {
        "NanaNanoBanana" => "/generate",
        "BananaPro" => "/api/v1/images/generate",
        "AceData" => "/nano-banana/images",
        "Apixo" => "/generateTask/nano-banana",
        "Gemini" => ":generateContent",
        _ => "/v1/jobs",
    };

    private static string? OptionsText(IServiceProvider services, string provider) => provider switch
    {
        "NanaNanoBanana" => services.GetRequiredService<IOptionsMonitor<NanaNanoBananaImageClientOptions>>().Get("secret").ToString(),
        "BananaPro" => services.GetRequiredService<IOptionsMonitor<BananaProImageClientOptions>>().Get("secret").ToString(),
        "AceData" => services.GetRequiredService<IOptionsMonitor<AceDataImageClientOptions>>().Get("secret").ToString(),
        "Apixo" => services.GetRequiredService<IOptionsMonitor<ApixoImageClientOptions>>().Get("secret").ToString(),
        "Gemini" => services.GetRequiredService<IOptionsMonitor<GeminiImageClientOptions>>().Get("secret").ToString(),
        _ => services.GetRequiredService<IOptionsMonitor<DreamToJobsImageClientOptions>>().Get("secret").ToString(),
    };

    private ActivityListener ListenToActivities()
    {
        var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name is NanoBananaTelemetry.Name or "NanoBanana.Sdk.Tests.Secrets",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activity =>
            {
                _spans.Add((activity.TraceId, activity.DisplayName));
                _spans.Add((activity.TraceId, activity.StatusDescription ?? string.Empty));
                foreach (var tag in activity.TagObjects)
                {
                    _spans.Add((activity.TraceId, $"{tag.Key}={tag.Value}"));
                }

                foreach (var activityEvent in activity.Events)
                {
                    _spans.Add((activity.TraceId, activityEvent.Name + string.Concat(activityEvent.Tags.Select(t => $" {t.Key}={t.Value}"))));
                }
            },
        };
        ActivitySource.AddActivityListener(listener);
        return listener;
    }

    private MeterListener ListenToMeters()
    {
        var listener = new MeterListener
        {
            InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Meter.Name == NanoBananaTelemetry.Name)
                {
                    l.EnableMeasurementEvents(instrument);
                }
            },
        };
        listener.SetMeasurementEventCallback<double>((_, _, tags, _) => AddTags(tags));
        listener.SetMeasurementEventCallback<long>((_, _, tags, _) => AddTags(tags));
        listener.Start();
        return listener;
    }

    private void AddTags(ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        foreach (var tag in tags)
        {
            _tags.Add($"{tag.Key}={tag.Value}");
        }
    }
}
