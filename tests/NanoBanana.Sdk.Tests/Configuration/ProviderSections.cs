using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using NanoBanana.Sdk.Providers.AceData;
using NanoBanana.Sdk.Providers.Apixo;
using NanoBanana.Sdk.Providers.BananaPro;
using NanoBanana.Sdk.Providers.DreamToJobs;
using NanoBanana.Sdk.Providers.Gemini;
using NanoBanana.Sdk.Providers.NanaNanoBanana;

namespace NanoBanana.Sdk.Tests.Configuration;

/// <summary>Every provider's configuration surface, with a non-default value for each of its settings.</summary>
public static class ProviderSections
{
    // Shared nested sections; every value differs from every provider's default.
    private static readonly Dictionary<string, string> Polling = new()
    {
        ["PollingStrategy:InitialDelay"] = "00:00:01.500",
        ["PollingStrategy:Interval"] = "00:00:04",
        ["PollingStrategy:BackoffMultiplier"] = "2",
        ["PollingStrategy:MaxInterval"] = "00:00:20",
        ["PollingStrategy:JitterFraction"] = "0.25",
        ["PollingStrategy:MaxWait"] = "00:20:00",
        ["PollingStrategy:MaxPolls"] = "50",
        ["PollingStrategy:HonorServerHints"] = "false",
    };

    private static readonly Dictionary<string, string> Resilience = new()
    {
        ["Resilience:MaxRetryAttempts"] = "5",
        ["Resilience:BaseDelay"] = "00:00:02",
        ["Resilience:MaxDelay"] = "00:01:00",
        ["Resilience:ReadAttemptTimeout"] = "00:00:20",
        ["Resilience:MaxConcurrentRequests"] = "4",
        ["Resilience:RequestsPerMinute"] = "120",
        ["Resilience:MaxQueuedRequests"] = "8",
    };

    private static readonly Dictionary<string, string> Webhooks = new()
    {
        ["Webhooks:Secrets:0"] = "newest-secret",
        ["Webhooks:Secrets:1"] = "older-secret",
        ["Webhooks:TimestampTolerance"] = "00:02:00",
        ["Webhooks:MaxBodyBytes"] = "65536",
    };

    /// <summary>All providers.</summary>
    public static IReadOnlyList<ProviderSection> All { get; } =
    [
        new(
            "NanaNanoBanana",
            NanaNanoBananaServiceCollectionExtensions.DefaultName,
            typeof(NanaNanoBananaImageClientOptions),
            (builder, name, section) => builder.AddNanaNanoBanana(name, section),
            (services, name) => services.GetRequiredService<IOptionsMonitor<NanaNanoBananaImageClientOptions>>().Get(name),
            () => new NanaNanoBananaImageClientOptions(),
            NanaNanoBananaImageClientOptions.ApiKeyEnvironmentVariables,
            emulator => emulator.NanaNanoBananaBaseAddress,
            Merge(
                new()
                {
                    ["BaseAddress"] = "http://127.0.0.1:9001/nananobanana/api/v1/",
                    ["ApiKey"] = "nb_from_config",
                    ["DefaultModel"] = "nanobanan-2",
                    ["SyncTimeout"] = "00:04:00",
                    ["SubmitTimeout"] = "00:00:30",
                    ["ReadTimeout"] = "00:00:45",
                    ["StreamIdleTimeout"] = "00:01:30",
                    ["DownloadTimeout"] = "00:00:50",
                },
                Polling,
                Resilience)),
        new(
            "Gemini",
            GeminiServiceCollectionExtensions.DefaultName,
            typeof(GeminiImageClientOptions),
            (builder, name, section) => builder.AddGemini(name, section),
            (services, name) => services.GetRequiredService<IOptionsMonitor<GeminiImageClientOptions>>().Get(name),
            () => new GeminiImageClientOptions(),
            GeminiImageClientOptions.ApiKeyEnvironmentVariables,
            emulator => emulator.GeminiBaseAddress,
            Merge(
                new()
                {
                    ["BaseAddress"] = "http://127.0.0.1:9001/gemini/",
                    ["ApiVersion"] = "v1alpha",
                    ["AuthScheme"] = "Bearer",
                    ["ApiKey"] = "AIza_from_config",
                    ["DefaultModel"] = "gemini-3-pro-image-preview",
                    ["RequestTimeout"] = "00:06:00",
                    ["StreamIdleTimeout"] = "00:02:00",
                    ["ReadTimeout"] = "00:00:45",
                    ["UploadTimeout"] = "00:04:00",
                    ["InlineReferenceLimitBytes"] = "1048576",
                },
                Resilience)),
        new(
            "DreamToJobs",
            DreamToJobsServiceCollectionExtensions.DefaultName,
            typeof(DreamToJobsImageClientOptions),
            (builder, name, section) => builder.AddDreamToJobs(name, section),
            (services, name) => services.GetRequiredService<IOptionsMonitor<DreamToJobsImageClientOptions>>().Get(name),
            () => new DreamToJobsImageClientOptions(),
            DreamToJobsImageClientOptions.ApiKeyEnvironmentVariables,
            emulator => emulator.DreamToBaseAddress,
            Merge(
                new()
                {
                    ["BaseAddress"] = "http://127.0.0.1:9001/dreamto/",
                    ["ApiKey"] = "dt_from_config",
                    ["DefaultModel"] = "nano-banana-2",
                    ["SubmitTimeout"] = "00:00:30",
                    ["ReadTimeout"] = "00:00:45",
                    ["UploadTimeout"] = "00:04:00",
                    ["DownloadTimeout"] = "00:00:50",
                },
                Polling,
                Resilience,
                Webhooks))
        {
            Required = new Dictionary<string, string> { ["BaseAddress"] = "http://127.0.0.1:9001/dreamto/" },
        },
        new(
            "AceData",
            AceDataServiceCollectionExtensions.DefaultName,
            typeof(AceDataImageClientOptions),
            (builder, name, section) => builder.AddAceData(name, section),
            (services, name) => services.GetRequiredService<IOptionsMonitor<AceDataImageClientOptions>>().Get(name),
            () => new AceDataImageClientOptions(),
            AceDataImageClientOptions.ApiKeyEnvironmentVariables,
            emulator => emulator.AceDataBaseAddress,
            Merge(
                new()
                {
                    ["BaseAddress"] = "http://127.0.0.1:9001/acedata/",
                    ["ApiKey"] = "ace_from_config",
                    ["DefaultModel"] = "nano-banana-pro",
                    ["SyncTimeout"] = "00:07:00",
                    ["SubmitTimeout"] = "00:00:30",
                    ["ReadTimeout"] = "00:00:45",
                    ["DownloadTimeout"] = "00:00:50",
                },
                Polling,
                Resilience,
                Webhooks)),
        new(
            "Apixo",
            ApixoServiceCollectionExtensions.DefaultName,
            typeof(ApixoImageClientOptions),
            (builder, name, section) => builder.AddApixo(name, section),
            (services, name) => services.GetRequiredService<IOptionsMonitor<ApixoImageClientOptions>>().Get(name),
            () => new ApixoImageClientOptions(),
            ApixoImageClientOptions.ApiKeyEnvironmentVariables,
            emulator => emulator.ApixoBaseAddress,
            Merge(
                new()
                {
                    ["BaseAddress"] = "http://127.0.0.1:9001/apixo/api/v1/",
                    ["ApiKey"] = "apixo_from_config",
                    ["DefaultModel"] = ApixoModels.NanoBananaPro,
                    ["RoutingStrategy"] = ApixoRoutingStrategies.Value,
                    ["SubmitTimeout"] = "00:00:30",
                    ["ReadTimeout"] = "00:00:45",
                    ["DownloadTimeout"] = "00:00:50",
                },
                Polling,
                Resilience,
                Webhooks)),
        new(
            "BananaPro",
            BananaProServiceCollectionExtensions.DefaultName,
            typeof(BananaProImageClientOptions),
            (builder, name, section) => builder.AddBananaPro(name, section),
            (services, name) => services.GetRequiredService<IOptionsMonitor<BananaProImageClientOptions>>().Get(name),
            () => new BananaProImageClientOptions(),
            BananaProImageClientOptions.ApiKeyEnvironmentVariables,
            emulator => emulator.BananaProBaseAddress,
            Merge(
                new()
                {
                    ["BaseAddress"] = "http://127.0.0.1:9001/bananapro/",
                    ["ApiKey"] = "sk-from-config",
                    ["DefaultModel"] = BananaProModels.NanoBananaPro,
                    ["StatusPathTemplate"] = "/api/v1/tasks/{task_id}",
                    ["SubmitTimeout"] = "00:00:30",
                    ["ReadTimeout"] = "00:00:45",
                    ["DownloadTimeout"] = "00:00:50",
                },
                Polling,
                Resilience,
                Webhooks)),
    ];

    /// <summary>The section names, as theory data.</summary>
    public static TheoryData<string> Names => [.. All.Select(p => p.Section)];

    /// <summary>Every (section, key variable) pair, as theory data.</summary>
    public static TheoryData<string, string> KeyVariables => [.. All.SelectMany(p => p.ApiKeyVariables.Select(v => (p.Section, v)))];

    /// <summary>The sections of providers that read more than one key variable, as theory data.</summary>
    public static TheoryData<string> WithSeveralKeyVariables => [.. All.Where(p => p.ApiKeyVariables.Count > 1).Select(p => p.Section)];

    /// <summary>Every key variable of every provider, cleared.</summary>
    public static (string Name, string? Value)[] NoKeyVariables => [.. All.SelectMany(p => p.ApiKeyVariables).Select(v => (v, (string?)null))];

    /// <summary>The provider with this section name.</summary>
    /// <param name="section">The section name, e.g. <c>AceData</c>.</param>
    /// <returns>The provider.</returns>
    public static ProviderSection Get(string section) => All.Single(p => p.Section == section);

    private static Dictionary<string, string> Merge(params Dictionary<string, string>[] parts) =>
        parts.SelectMany(part => part).ToDictionary(pair => pair.Key, pair => pair.Value, StringComparer.Ordinal);
}
