using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace NanoBanana.Sdk.Telemetry;

/// <summary>
/// The SDK's <see cref="ActivitySource"/> and <see cref="Meter"/>, both named <c>NanoBanana.Sdk</c>, and the switch that
/// lets prompts into telemetry. Spans and metrics follow the OpenTelemetry GenAI semantic conventions (<c>gen_ai.*</c>);
/// see <c>docs/telemetry.md</c> for every span, attribute and instrument.
/// </summary>
public static class NanoBananaTelemetry
{
    /// <summary>The name of the activity source and the meter.</summary>
    public const string Name = "NanoBanana.Sdk";

    /// <summary>The <see cref="AppContext"/> switch that turns <see cref="EnableSensitiveData"/> on at start-up.</summary>
    private const string SensitiveDataSwitch = "NanoBanana.Sdk.EnableSensitiveData";

    /// <summary>The OpenTelemetry environment variable for recording GenAI message content, honoured as well.</summary>
    private const string CaptureContentVariable = "OTEL_INSTRUMENTATION_GENAI_CAPTURE_MESSAGE_CONTENT";

    private static volatile bool s_enableSensitiveData = ReadSensitiveDataDefault();

    /// <summary>Spans for every public call, each HTTP attempt and each poll, tagged with the <c>gen_ai.*</c> attributes.</summary>
    public static ActivitySource ActivitySource { get; } = new(Name, typeof(NanoBananaTelemetry).Assembly.GetName().Version?.ToString());

    /// <summary>Metrics for call and generation durations, polls, images, tokens and credits.</summary>
    public static Meter Meter { get; } = new(Name, typeof(NanoBananaTelemetry).Assembly.GetName().Version?.ToString());

    /// <summary>
    /// Whether prompts are recorded: as the <c>gen_ai.input.messages</c> span attribute and in a Trace-level log line.
    /// Off by default, because prompts may hold personal data. Turned on at start-up by the <see cref="AppContext"/>
    /// switch <c>NanoBanana.Sdk.EnableSensitiveData</c> or by the environment variable
    /// <c>OTEL_INSTRUMENTATION_GENAI_CAPTURE_MESSAGE_CONTENT=true</c>. API keys and image bytes are never recorded, whatever it says.
    /// </summary>
    public static bool EnableSensitiveData
    {
        get => s_enableSensitiveData;
        set => s_enableSensitiveData = value;
    }

    /// <summary>Duration of each HTTP call to the vendor, retries included (recorded by the HTTP plumbing).</summary>
    internal static readonly Histogram<double> RequestDuration =
        Meter.CreateHistogram<double>("nanobanana.client.request.duration", "s", "Duration of HTTP calls to the vendor, retries included.");

    /// <summary>The GenAI convention's duration of a client operation: one measurement per public call.</summary>
    internal static readonly Histogram<double> OperationDuration = Meter.CreateHistogram(
        "gen_ai.client.operation.duration",
        "s",
        "Duration of each public SDK call.",
        advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.01, 0.02, 0.04, 0.08, 0.16, 0.32, 0.64, 1.28, 2.56, 5.12, 10.24, 20.48, 40.96, 81.92, 163.84, 327.68] });

    /// <summary>The GenAI convention's token usage, per token type, for vendors that count tokens.</summary>
    internal static readonly Histogram<long> TokenUsage = Meter.CreateHistogram(
        "gen_ai.client.token.usage",
        "{token}",
        "Tokens used by finished generations, where the vendor reports them.",
        advice: new InstrumentAdvice<long> { HistogramBucketBoundaries = [1, 4, 16, 64, 256, 1024, 4096, 16384, 65536, 262144, 1048576] });

    /// <summary>From submit to the end state, once per job.</summary>
    internal static readonly Histogram<double> GenerationDuration = Meter.CreateHistogram(
        "nanobanana.client.generation.duration",
        "s",
        "Time from a job's submit to its end state, once per job.",
        advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [1, 2, 5, 10, 15, 20, 30, 45, 60, 90, 120, 180, 300, 600] });

    /// <summary>How many status reads a job took, recorded when it ends.</summary>
    internal static readonly Histogram<long> PollsPerJob = Meter.CreateHistogram(
        "nanobanana.client.generation.polls",
        "{poll}",
        "Status reads a job took before its end state, recorded when it ends.",
        advice: new InstrumentAdvice<long> { HistogramBucketBoundaries = [0, 1, 2, 3, 5, 8, 13, 21, 34, 55, 89] });

    /// <summary>Every status read of a job.</summary>
    internal static readonly Counter<long> Polls =
        Meter.CreateCounter<long>("nanobanana.client.polls", "{poll}", "Status reads of jobs.");

    /// <summary>Images returned by finished jobs.</summary>
    internal static readonly Counter<long> Images =
        Meter.CreateCounter<long>("nanobanana.client.images", "{image}", "Images returned by finished jobs.");

    /// <summary>Credits charged, where the vendor reports them.</summary>
    internal static readonly Counter<double> CreditsUsed =
        Meter.CreateCounter<double>("nanobanana.client.credits.used", "{credit}", "Credits finished jobs were charged, where the vendor reports them.");

    /// <summary>The last balance a vendor reported.</summary>
    internal static readonly Gauge<double> CreditsRemaining =
        Meter.CreateGauge<double>("nanobanana.client.credits.remaining", "{credit}", "The account's credit balance as last reported by the vendor.");

    private static bool ReadSensitiveDataDefault() =>
        AppContext.TryGetSwitch(SensitiveDataSwitch, out var enabled) ? enabled
        : string.Equals(Environment.GetEnvironmentVariable(CaptureContentVariable), "true", StringComparison.OrdinalIgnoreCase);
}
