using NanoBanana.Sdk.Providers.AceData;
using NanoBanana.Sdk.Providers.Apixo;
using NanoBanana.Sdk.Providers.BananaPro;
using NanoBanana.Sdk.Providers.DreamToJobs;
using NanoBanana.Sdk.Providers.Gemini;
using NanoBanana.Sdk.Providers.NanaNanoBanana;
using NanoBanana.Sdk.Tests.Providers.AceData;
using NanoBanana.Sdk.Tests.Providers.Apixo;
using NanoBanana.Sdk.Tests.Providers.BananaPro;
using NanoBanana.Sdk.Tests.Providers.DreamToJobs;
using NanoBanana.Sdk.Tests.Providers.Gemini;

namespace NanoBanana.Sdk.Tests.Properties;

/// <summary>
/// A provider as the parser properties see it: its client over any handler (no retries, polls bounded to a few
/// milliseconds), an operation id its status read accepts, and the examples and field names the inputs are built from.
/// </summary>
/// <param name="Provider">The provider name.</param>
/// <param name="Create">Builds the client over a handler.</param>
/// <param name="StatusOperationId">An id for <see cref="IImageGenerationClient.GetGenerationAsync"/>; null when the vendor has no status read.</param>
/// <param name="Seeds">Valid vendor bodies to change.</param>
/// <param name="Vocabulary">The JSON names the provider reads.</param>
public sealed record FuzzTarget(
    string Provider,
    Func<HttpMessageHandler, IImageGenerationClient> Create,
    string? StatusOperationId,
    IReadOnlyList<string> Seeds,
    IReadOnlyList<string> Vocabulary)
{
    /// <summary>The webhook secret the targets and the webhook properties share.</summary>
    public const string WebhookSecret = "whsec_fuzz_secret";

    /// <summary>Bounded, near-instant polling: a job that never ends stops after three polls.</summary>
    public static PollingStrategy Polling => PollingStrategy.Fixed(TimeSpan.FromMilliseconds(1), maxWait: TimeSpan.FromSeconds(4), maxPolls: 3);

    /// <summary>A request every provider accepts.</summary>
    public static ImageGenerationRequest Request => new() { Prompt = "a lighthouse at dusk" };

    private static readonly Uri Base = new("https://127.0.0.1:7443/");
    private static readonly Uri ApiBase = new("https://127.0.0.1:7443/api/v1/");

    /// <summary>The target for a provider name.</summary>
    /// <param name="provider">The provider.</param>
    /// <returns>The target.</returns>
    public static FuzzTarget For(string provider) => provider switch
    {
        "NanaNanoBanana" => Make(provider, NanaNanoBananaJsonContext.Default, WireFixtures.GenerationId, FuzzGen.Seeds(
                typeof(WireFixtures), WireFixtures.Poll("completed", urls: "[\"https://cdn.example.com/a.png\"]"), WireFixtures.Poll("failed", error: "boom")),
            handler => new NanaNanoBananaImageClient(Http(handler), new NanaNanoBananaImageClientOptions { ApiKey = "fuzz_key", BaseAddress = ApiBase, PollingStrategy = Polling })),
        "BananaPro" => Make(provider, BananaProJsonContext.Default, BananaProFixtures.TaskId, FuzzGen.Seeds(
                typeof(BananaProFixtures), BananaProFixtures.Task("completed", BananaProFixtures.ImageUrl), BananaProFixtures.Task("failed", error: "boom")),
            handler => new BananaProImageClient(Http(handler), WithSecret(new BananaProImageClientOptions { ApiKey = "fuzz_key", BaseAddress = Base, PollingStrategy = Polling }, o => o.Webhooks))),
        "AceData" => Make(provider, AceDataJsonContext.Default, AceDataWireFixtures.TaskId, FuzzGen.Seeds(
                typeof(AceDataWireFixtures), AceDataWireFixtures.Task(AceDataWireFixtures.SyncSuccess), AceDataWireFixtures.Failed("bad", "boom")),
            handler => new AceDataImageClient(Http(handler), WithSecret(new AceDataImageClientOptions { ApiKey = "fuzz_key", BaseAddress = Base, PollingStrategy = Polling }, o => o.Webhooks))),
        "Apixo" => Make(provider, ApixoJsonContext.Default, ApixoWireFixtures.OperationId, FuzzGen.Seeds(
                typeof(ApixoWireFixtures), ApixoWireFixtures.FailedWith("500", "boom")),
            handler => new ApixoImageClient(Http(handler), WithSecret(new ApixoImageClientOptions { ApiKey = "fuzz_key", BaseAddress = ApiBase, PollingStrategy = Polling }, o => o.Webhooks))),
        "Gemini" => Make(provider, GeminiJsonContext.Default, null, FuzzGen.Seeds(
                typeof(GeminiWireFixtures), GeminiWireFixtures.SyncResponse(), "{\"candidates\":[" + GeminiWireFixtures.Candidate("STOP", GeminiWireFixtures.TextPart("hi")) + "]}"),
            handler => new GeminiImageClient(Http(handler), new GeminiImageClientOptions { ApiKey = "fuzz_key", BaseAddress = Base })),
        "DreamToJobs" => Make(provider, DreamToJobsJsonContext.Default, DreamToJobsWireFixtures.JobId, FuzzGen.Seeds(
                typeof(DreamToJobsWireFixtures), DreamToJobsWireFixtures.Job("succeeded", "{\"url\":\"https://cdn.example.com/a.png\"}")),
            handler => new DreamToJobsImageClient(Http(handler), WithSecret(new DreamToJobsImageClientOptions { ApiKey = "fuzz_key", BaseAddress = Base, PollingStrategy = Polling }, o => o.Webhooks))),
        _ => throw new ArgumentOutOfRangeException(nameof(provider), provider, "Not a provider of the SDK."),
    };

    /// <summary>
    /// Runs one of the common calls (<c>start</c>, <c>status</c>, <c>generate</c>, <c>stream</c>), or <c>vendor</c> for the
    /// typed client's own reads, through a fresh client over <paramref name="handler"/>.
    /// </summary>
    /// <param name="surface">The call.</param>
    /// <param name="handler">What answers it.</param>
    /// <param name="cancellationToken">Ends it.</param>
    /// <returns>A task that completes with the call.</returns>
    public async Task CallAsync(string surface, HttpMessageHandler handler, CancellationToken cancellationToken)
    {
        var client = Create(handler);
        try
        {
            switch (surface)
            {
                case "start":
                    await client.StartGenerationAsync(Request, cancellationToken);
                    break;
                case "status":
                    await client.GetGenerationAsync(StatusOperationId!, cancellationToken);
                    break;
                case "generate":
                    await client.GenerateAsync(Request, cancellationToken);
                    break;
                case "stream":
                    await foreach (var _ in client.GenerateStreamingAsync(Request, cancellationToken))
                    {
                    }

                    break;
                default:
                    await VendorReadsAsync(client, cancellationToken);
                    break;
            }
        }
        finally
        {
            (client as IDisposable)?.Dispose();
        }
    }

    /// <summary>The vendor-only reads each typed client adds (models, credits, balances, files, batches), one after another.</summary>
    private static async Task VendorReadsAsync(IImageGenerationClient client, CancellationToken cancellationToken)
    {
        switch (client)
        {
            case NanaNanoBananaImageClient nana:
                await Each(() => nana.GetModelsAsync(cancellationToken), () => nana.GetCreditsAsync(cancellationToken));
                break;
            case BananaProImageClient bananaPro:
                await Each(() => bananaPro.GetBalancesAsync(cancellationToken), () => bananaPro.ListWebhooksAsync(cancellationToken));
                break;
            case AceDataImageClient aceData:
                await aceData.RetrieveTasksAsync([AceDataWireFixtures.TaskId, AceDataWireFixtures.SyncTaskId], cancellationToken);
                break;
            case ApixoImageClient apixo:
                await apixo.GetTaskStatusAsync(ApixoModels.NanoBanana, ApixoWireFixtures.TaskId, cancellationToken);
                break;
            case GeminiImageClient gemini:
                await Each(
                    () => gemini.GetModelsAsync(cancellationToken),
                    () => gemini.GetFileAsync("files/abc123", cancellationToken),
                    () => gemini.UploadFileAsync(ImageInput.FromBytes(Png.Tiny, "image/png"), cancellationToken: cancellationToken),
                    () => gemini.GenerateToStreamAsync(Request, _ => new MemoryStream(), cancellationToken));
                break;
            default:
                await ((DreamToJobsImageClient)client).UploadFileAsync(Png.Tiny, "reference.png", "image/png", cancellationToken);
                break;
        }
    }

    /// <summary>Runs every read, so one that ends early in an accepted exception does not hide the others; rethrows the first failure.</summary>
    private static async Task Each(params Func<Task>[] reads)
    {
        Exception? first = null;
        foreach (var read in reads)
        {
            try
            {
                await read();
            }
            catch (Exception e) when (ParserOutcome.IsOurs(e))
            {
                // Accepted: the next read still runs.
            }
            catch (Exception e)
            {
                first ??= e;
            }
        }

        if (first is not null)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(first);
        }
    }

    private static FuzzTarget Make(
        string provider, System.Text.Json.Serialization.JsonSerializerContext context, string? statusId, IReadOnlyList<string> seeds, Func<HttpMessageHandler, IImageGenerationClient> create) =>
        new(provider, create, statusId, seeds, FuzzGen.Vocabulary(context, seeds));

    private static HttpClient Http(HttpMessageHandler handler) => new(handler, disposeHandler: true) { Timeout = Timeout.InfiniteTimeSpan };

    private static T WithSecret<T>(T options, Func<T, Webhooks.NanoBananaWebhookOptions> webhooks)
    {
        webhooks(options).Secrets.Add(WebhookSecret);
        return options;
    }
}
