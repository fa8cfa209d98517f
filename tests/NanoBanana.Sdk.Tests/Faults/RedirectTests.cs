using Microsoft.Extensions.DependencyInjection;
using NanoBanana.Sdk.Providers.NanaNanoBanana;
using NanoBanana.Sdk.Testing;

namespace NanoBanana.Sdk.Tests.Faults;

/// <summary>
/// Redirects: an API call follows none, through dependency injection as without it, so the key never reaches another
/// host; an image download (which carries no key) follows a few, across hosts, and stops at a loop.
/// </summary>
public sealed class RedirectTests(FaultMatrixFixture fixture) : IClassFixture<FaultMatrixFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Every provider.</summary>
    public static TheoryData<string> Providers { get; } = [.. FaultProviders.All.Select(p => p.Name)];

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task A_client_from_dependency_injection_does_not_follow_a_redirect_to_another_host(string provider)
    {
        var row = FaultProviders.Named(provider);
        var emulator = fixture.Fresh();
        var services = new ServiceCollection();
        row.Register(services.AddNanoBanana(), row.BaseAddressOf(emulator), emulator.ApiKey);
        await using var container = services.BuildServiceProvider();
        var client = container.GetRequiredService<IImageGenerationClient>();
        emulator.Scenario.EnqueueFault(new EmulatorFault(307)
        {
            Kind = EmulatorFaultKind.Redirect, PathPattern = row.SubmitPath, Method = "POST", RedirectTo = row.BaseAddressOf(fixture.OtherHost),
        });

        var e = await Assert.ThrowsAsync<NanoBananaException>(() => client.StartGenerationAsync(new ImageGenerationRequest { Prompt = "a kite" }, Ct));

        Assert.Equal(307, e.StatusCode);
        Assert.Contains("redirected", e.Message, StringComparison.Ordinal);
        Assert.Empty(fixture.OtherHost.Requests);
        Assert.Single(emulator.Requests, r => r.Method == "POST");
    }

    [Fact]
    public async Task An_image_download_follows_a_redirect_to_another_host_without_any_key()
    {
        var emulator = fixture.Fresh();
        using var client = NanaNanoBanana(emulator);
        using var elsewhere = NanaNanoBanana(fixture.OtherHost);
        var image = Assert.Single((await client.GenerateAsync(new ImageGenerationRequest { Prompt = "a lighthouse" }, Ct)).Images);
        var copy = Assert.Single((await elsewhere.GenerateAsync(new ImageGenerationRequest { Prompt = "a lighthouse" }, Ct)).Images);
        emulator.Scenario.EnqueueFault(new EmulatorFault(302) { Kind = EmulatorFaultKind.Redirect, PathSuffix = image.Uri!.AbsolutePath, RedirectTo = copy.Uri });

        var bytes = await image.GetBytesAsync(Ct);

        Assert.True(Png.HasSignature(bytes.Span));
        var hop = Assert.Single(fixture.OtherHost.Requests, r => r.Path == copy.Uri!.AbsolutePath);
        Assert.False(hop.Headers.ContainsKey("Authorization"));
        Assert.DoesNotContain(fixture.OtherHost.ApiKey, string.Join(' ', hop.Headers.Values), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_image_download_that_redirects_in_a_loop_fails_after_five_hops()
    {
        var emulator = fixture.Fresh();
        using var client = NanaNanoBanana(emulator);
        var image = Assert.Single((await client.GenerateAsync(new ImageGenerationRequest { Prompt = "a lighthouse" }, Ct)).Images);
        emulator.Scenario.EnqueueFault(new EmulatorFault(302) { Kind = EmulatorFaultKind.Redirect, PathSuffix = image.Uri!.AbsolutePath, RedirectTo = image.Uri, Times = 100 });

        var e = await Assert.ThrowsAsync<NanoBananaException>(() => image.GetBytesAsync(Ct));

        Assert.Equal(302, e.StatusCode);
        Assert.Contains("redirected 6 time(s)", e.Message, StringComparison.Ordinal);
        Assert.Equal(6, emulator.RequestsTo(image.Uri.AbsolutePath).Count);
    }

    private static NanaNanoBananaImageClient NanaNanoBanana(NanoBananaEmulator emulator) =>
        new(new NanaNanoBananaImageClientOptions { ApiKey = emulator.ApiKey, BaseAddress = emulator.NanaNanoBananaBaseAddress });
}
