using NanoBanana.Sdk.Telemetry;
using NanoBanana.Sdk.Tests.Secrets;
using NanoBanana.Sdk.Testing;

namespace NanoBanana.Sdk.Tests.Telemetry;

/// <summary>
/// What telemetry never holds: the API key and base64 image data, ever; the prompt, unless the app opts in. Checked on
/// every span tag, measurement tag and log line of calls that send reference bytes, receive inline images, stream, poll
/// and fail.
/// </summary>
public sealed class TelemetrySensitiveDataTests(EmulatorFixture fixture) : IClassFixture<EmulatorFixture>
{
    /// <summary>A prompt no vendor answer, id or URL could contain by chance.</summary>
    internal const string Prompt = "telemetry-prompt-7c1e9a: a quiet harbour at dawn";

    /// <summary>The rejected key of the failing call; it must not leak either.</summary>
    internal const string WrongKey = "nb_wrong_key_sensitive_data_51f0";

    private readonly NanoBananaEmulator _emulator = fixture.Fresh();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>A PNG with 3 KB of trailing data: its base64 is long and unmistakable if it ever leaks.</summary>
    internal static byte[] Reference { get; } = [.. Png.Tiny, .. Enumerable.Range(0, 3000).Select(i => (byte)(i * 31 % 251))];

    [Fact]
    public async Task No_span_measurement_or_log_line_holds_the_key_the_prompt_or_base64()
    {
        Assert.False(NanoBananaTelemetry.EnableSensitiveData);
        var logs = new ListLoggerProvider();
        using var telemetry = new TelemetryCapture();

        await RunEveryKindOfCallAsync(_emulator, logs);

        Assert.NotEmpty(telemetry.Calls("generate_content"));
        Assert.Contains(logs.Lines, l => l.StartsWith("Debug ", StringComparison.Ordinal));
        Assert.DoesNotContain(telemetry.Spans, s => s.GetTagItem("gen_ai.input.messages") is not null);
        SecretScanner.AssertClean("a span or measurement", telemetry.Texts(), _emulator.ApiKey, WrongKey, Prompt);
        SecretScanner.AssertClean("a log line", logs.Lines, _emulator.ApiKey, WrongKey, Prompt);
    }

    /// <summary>Generates with reference bytes and inline results, streams, polls, reads credits and fails with a wrong key.</summary>
    /// <param name="emulator">The emulator.</param>
    /// <param name="logs">Where the clients log.</param>
    /// <returns>A task that completes when every call has ended.</returns>
    internal static async Task RunEveryKindOfCallAsync(NanoBananaEmulator emulator, ListLoggerProvider logs)
    {
        var request = new ImageGenerationRequest { Prompt = Prompt };
        using (var gemini = TelemetryClients.Gemini(emulator, logs))
        {
            await gemini.GenerateAsync(request with { InputImages = [ImageInput.FromBytes(Reference, "image/png")] }, Ct);
            await gemini.GenerateStreamingAsync(request, Ct).ToListAsync();
        }

        using (var nana = TelemetryClients.NanaNanoBanana(emulator, loggerFactory: logs))
        {
            await nana.GenerateAsync(request, Ct);
            await nana.GenerateStreamingAsync(request, Ct).ToListAsync();
            var operation = await nana.StartGenerationAsync(request, Ct);
            await operation.UpdateStatusAsync(Ct);
            await nana.GetCreditsAsync(Ct);
        }

        using var wrongKey = TelemetryClients.NanaNanoBanana(emulator, apiKey: WrongKey, loggerFactory: logs);
        await Assert.ThrowsAsync<NanoBananaAuthenticationException>(() => wrongKey.GenerateAsync(request, Ct));
    }
}
