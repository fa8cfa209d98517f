using NanoBanana.Sdk.Telemetry;
using NanoBanana.Sdk.Tests.Secrets;

namespace NanoBanana.Sdk.Tests.Telemetry;

/// <summary>
/// <see cref="NanoBananaTelemetry.EnableSensitiveData"/> lets the prompt into spans and Trace logs, and nothing else. The
/// switch is process-wide, so these tests run alone, never beside a test that checks the prompt is absent.
/// </summary>
[Collection(SensitiveTelemetryGroup.Name)]
public sealed class TelemetryOptInTests(EmulatorFixture fixture) : IClassFixture<EmulatorFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task With_the_opt_in_a_generation_span_carries_the_prompt_as_its_input_message()
    {
        var emulator = fixture.Fresh();
        using var telemetry = new TelemetryCapture();
        using var client = TelemetryClients.NanaNanoBanana(emulator);

        using (SensitiveData())
        {
            await client.GenerateAsync(new ImageGenerationRequest { Prompt = "a \"quoted\" harbour" }, Ct);
        }

        var span = Assert.Single(telemetry.Calls("generate_content"));
        Assert.Equal("""[{"role":"user","parts":[{"type":"text","content":"a \"quoted\" harbour"}]}]""", span.GetTagItem("gen_ai.input.messages"));
    }

    [Fact]
    public async Task With_the_opt_in_the_prompt_is_logged_at_trace_level()
    {
        var emulator = fixture.Fresh();
        var logs = new ListLoggerProvider();
        using var client = TelemetryClients.NanaNanoBanana(emulator, loggerFactory: logs);

        using (SensitiveData())
        {
            await client.GenerateAsync(new ImageGenerationRequest { Prompt = TelemetrySensitiveDataTests.Prompt }, Ct);
        }

        Assert.Contains(logs.Lines, l => l.StartsWith("Trace ", StringComparison.Ordinal) && l.Contains(TelemetrySensitiveDataTests.Prompt, StringComparison.Ordinal));
    }

    [Fact]
    public async Task With_the_opt_in_the_key_and_base64_still_never_appear()
    {
        var emulator = fixture.Fresh();
        var logs = new ListLoggerProvider();
        using var telemetry = new TelemetryCapture();

        using (SensitiveData())
        {
            await TelemetrySensitiveDataTests.RunEveryKindOfCallAsync(emulator, logs);
        }

        Assert.Contains(telemetry.Spans, s => s.GetTagItem("gen_ai.input.messages") is not null);
        SecretScanner.AssertClean("a span or measurement", telemetry.Texts(), emulator.ApiKey, TelemetrySensitiveDataTests.WrongKey);
        SecretScanner.AssertClean("a log line", logs.Lines, emulator.ApiKey, TelemetrySensitiveDataTests.WrongKey);
    }

    private static Scope SensitiveData()
    {
        NanoBananaTelemetry.EnableSensitiveData = true;
        return new Scope();
    }

    /// <summary>Turns the opt-in off again.</summary>
    private sealed class Scope : IDisposable
    {
        public void Dispose() => NanoBananaTelemetry.EnableSensitiveData = false;
    }
}
