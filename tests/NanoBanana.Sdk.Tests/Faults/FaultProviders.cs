using Microsoft.Extensions.DependencyInjection;
using NanoBanana.Sdk.Providers.AceData;
using NanoBanana.Sdk.Providers.Apixo;
using NanoBanana.Sdk.Providers.BananaPro;
using NanoBanana.Sdk.Providers.DreamToJobs;
using NanoBanana.Sdk.Providers.Gemini;
using NanoBanana.Sdk.Providers.NanaNanoBanana;

namespace NanoBanana.Sdk.Tests.Faults;

/// <summary>The six providers as rows of the fault matrix, each built without DI exactly as an app would (the SDK's own pipeline).</summary>
public static class FaultProviders
{
    /// <summary>Polls every 2 s of fake time; the matrix drives the clock, so polling costs no real time.</summary>
    public static readonly PollingStrategy Polling = PollingStrategy.Fixed(TimeSpan.FromSeconds(2), maxWait: TimeSpan.FromMinutes(10));

    /// <summary>Every row.</summary>
    public static readonly IReadOnlyList<FaultProvider> All =
    [
        new(NanaNanoBananaImageClient.ProviderId)
        {
            Register = (builder, address, key) => builder.AddNanaNanoBanana(o => (o.ApiKey, o.BaseAddress) = (key, address)),
            Create = (address, key, time) => new NanaNanoBananaImageClient(
                new NanaNanoBananaImageClientOptions { ApiKey = key, BaseAddress = address, PollingStrategy = Polling }, time),
            BaseAddressOf = emulator => emulator.NanaNanoBananaBaseAddress,
            SubmitPath = "/api/v1/generate$",
            StatusPath = "/api/v1/generate$",
            StreamPath = "/api/v1/generate$",
            SyncGenerate = true,
        },
        new(GeminiImageClient.ProviderId)
        {
            Register = (builder, address, key) => builder.AddGemini(o => (o.ApiKey, o.BaseAddress) = (key, address)),
            Create = (address, key, time) => new GeminiImageClient(
                new GeminiImageClientOptions { ApiKey = key, BaseAddress = address }, time),
            BaseAddressOf = emulator => emulator.GeminiBaseAddress,
            SubmitPath = ":generateContent$",
            StreamPath = ":streamGenerateContent$",
            SyncGenerate = true,
        },
        new(DreamToJobsImageClient.ProviderId)
        {
            Register = (builder, address, key) => builder.AddDreamToJobs(o => (o.ApiKey, o.BaseAddress) = (key, address)),
            Create = (address, key, time) => new DreamToJobsImageClient(
                new DreamToJobsImageClientOptions { ApiKey = key, BaseAddress = address, PollingStrategy = Polling }, time),
            BaseAddressOf = emulator => emulator.DreamToBaseAddress,
            SubmitPath = "/v1/jobs$",
            StatusPath = "/v1/jobs/[^/]+$",
        },
        new(AceDataImageClient.ProviderId)
        {
            Register = (builder, address, key) => builder.AddAceData(o => (o.ApiKey, o.BaseAddress) = (key, address)),
            Create = (address, key, time) => new AceDataImageClient(
                new AceDataImageClientOptions { ApiKey = key, BaseAddress = address, PollingStrategy = Polling }, time),
            BaseAddressOf = emulator => emulator.AceDataBaseAddress,
            SubmitPath = "/nano-banana/images$",
            StatusPath = "/nano-banana/tasks$",
            StatusMethod = "POST",
            SyncGenerate = true,
        },
        new(ApixoImageClient.ProviderId)
        {
            Register = (builder, address, key) => builder.AddApixo(o => (o.ApiKey, o.BaseAddress) = (key, address)),
            Create = (address, key, time) => new ApixoImageClient(
                new ApixoImageClientOptions { ApiKey = key, BaseAddress = address, PollingStrategy = Polling }, time),
            BaseAddressOf = emulator => emulator.ApixoBaseAddress,
            SubmitPath = "/generateTask/[^/]+$",
            StatusPath = "/statusTask/[^/]+$",
        },
        new(BananaProImageClient.ProviderId)
        {
            Register = (builder, address, key) => builder.AddBananaPro(o => (o.ApiKey, o.BaseAddress) = (key, address)),
            Create = (address, key, time) => new BananaProImageClient(
                new BananaProImageClientOptions { ApiKey = key, BaseAddress = address, PollingStrategy = Polling }, time),
            BaseAddressOf = emulator => emulator.BananaProBaseAddress,
            SubmitPath = "/api/v1/images/generate$",
            StatusPath = "/api/v1/images/[^/]+$",
        },
    ];

    /// <summary>The row named <paramref name="name"/>.</summary>
    /// <param name="name">The provider name.</param>
    /// <returns>The row.</returns>
    public static FaultProvider Named(string name) => All.Single(p => p.Name == name);
}
