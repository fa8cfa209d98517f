using System.Globalization;
using FsCheck.Fluent;
using NanoBanana.Sdk.Providers.AceData;
using NanoBanana.Sdk.Providers.Apixo;
using NanoBanana.Sdk.Providers.BananaPro;
using NanoBanana.Sdk.Providers.DreamToJobs;
using NanoBanana.Sdk.Webhooks;

namespace NanoBanana.Sdk.Tests.Properties;

/// <summary>
/// Every webhook parser given arbitrary callback bodies: verified ones (the right token or signature, so the body parser
/// is what runs) end in an event or a <see cref="NanoBananaWebhookException"/>; unverified ones are always rejected.
/// </summary>
public sealed class WebhookParserProperties
{
    private static readonly Uri AppEndpoint = new("https://app.example/hooks/nanobanana");
    private readonly ManualTimeProvider _time = new();

    public static TheoryData<string> Providers => ["AceData", "Apixo", "BananaPro", "DreamToJobs"];

    [Theory]
    [MemberData(nameof(Providers))]
    public void Arbitrary_verified_bytes_end_in_an_event_or_our_exception(string provider)
    {
        var parser = Parser(provider);
        PropertyCheck.ForAll(FuzzGen.Bytes(), body => ParserOutcome.MustEndInResultOrOurExceptionAsync(ct => ParseAsync(parser, Verified(provider, body), ct)));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public void Arbitrary_verified_json_ends_in_an_event_or_our_exception(string provider)
    {
        var parser = Parser(provider);
        var target = FuzzTarget.For(provider);
        PropertyCheck.ForAll(
            FuzzGen.Json(target.Vocabulary, target.Seeds),
            json => ParserOutcome.MustEndInResultOrOurExceptionAsync(ct => ParseAsync(parser, Verified(provider, FuzzGen.Utf8(json)), ct)));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public void Arbitrary_bytes_without_a_valid_token_or_signature_are_rejected(string provider)
    {
        var parser = Parser(provider);
        var unverified = new WebhookRequest(
            ReadOnlyMemory<byte>.Empty,
            new Dictionary<string, string> { [BananaProWebhookParser.NanoTimestampHeader] = Timestamp(), [BananaProWebhookParser.NanoSignatureHeader] = new string('0', 64) },
            new Uri(AppEndpoint, "?nb_token=forged"));
        PropertyCheck.ForAll(FuzzGen.Bytes(), body => ParserOutcome.MustFailWithNanoBananaExceptionAsync(ct => ParseAsync(parser, unverified with { Body = body }, ct)));
    }

    /// <summary>Parses on the pool so a parse that never ends fails the guard instead of hanging the run.</summary>
    private static Task<ImageGenerationWebhookEvent> ParseAsync(IImageGenerationWebhookParser parser, WebhookRequest request, CancellationToken cancellationToken) =>
        Task.Run(() => parser.Parse(request), cancellationToken).WaitAsync(cancellationToken);

    private IImageGenerationWebhookParser Parser(string provider)
    {
        var webhooks = new NanoBananaWebhookOptions();
        webhooks.Secrets.Add(FuzzTarget.WebhookSecret);
        return provider switch
        {
            "AceData" => new AceDataWebhookParser(webhooks),
            "Apixo" => new ApixoWebhookParser(new ApixoImageClientOptions { ApiKey = "fuzz_key", Webhooks = webhooks }, _time),
            "BananaPro" => new BananaProWebhookParser(new BananaProImageClientOptions { ApiKey = "fuzz_key", Webhooks = webhooks }, _time),
            _ => new DreamToJobsWebhookParser(new DreamToJobsImageClientOptions { ApiKey = "fuzz_key", Webhooks = webhooks }),
        };
    }

    /// <summary>A delivery that passes verification: BananaPro's HMAC headers, or the callback URL token the SDK adds for the others.</summary>
    private WebhookRequest Verified(string provider, byte[] body)
    {
        var webhooks = new NanoBananaWebhookOptions();
        webhooks.Secrets.Add(FuzzTarget.WebhookSecret);
        return provider switch
        {
            "BananaPro" => Signed(body),
            "Apixo" => new WebhookRequest(body, new Dictionary<string, string>(), ApixoCallbackUrl.Create(AppEndpoint, ApixoModels.NanoBanana, webhooks)),
            _ => new WebhookRequest(body, new Dictionary<string, string>(), CallbackUrlToken.Append(AppEndpoint, FuzzTarget.WebhookSecret)),
        };
    }

    private WebhookRequest Signed(byte[] body)
    {
        var timestamp = Timestamp();
        return new WebhookRequest(body, new Dictionary<string, string>
        {
            [BananaProWebhookParser.NanoTimestampHeader] = timestamp,
            [BananaProWebhookParser.NanoSignatureHeader] = HmacWebhookSignature.Compute(FuzzTarget.WebhookSecret, timestamp, body),
        });
    }

    private string Timestamp() => _time.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
}
