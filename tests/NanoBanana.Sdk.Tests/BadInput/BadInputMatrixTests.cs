using NanoBanana.Sdk.Testing;

namespace NanoBanana.Sdk.Tests.BadInput;

/// <summary>
/// Every provider × every bad input × every entry point: each is a clear typed error, and the emulator proves that
/// nothing reached the vendor. A row that only applies where the vendor documents a limit is skipped, with the reason,
/// for the vendors that document none.
/// </summary>
public sealed class BadInputMatrixTests(EmulatorFixture fixture) : IClassFixture<EmulatorFixture>, IDisposable
{
    private const long TenMiB = 10L * 1024 * 1024;
    private readonly NanoBananaEmulator _emulator = fixture.Fresh();
    private readonly string _directory = Directory.CreateTempSubdirectory("nanobanana-bad-input-").FullName;

    /// <summary>Which common entry point a case goes through.</summary>
    public enum Entry
    {
        Generate,
        Stream,
        Start,
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static TheoryData<string, Entry> Everywhere => Combine(BadInputClients.Providers, Enum.GetValues<Entry>());

    public static TheoryData<string, Entry, string> EverywhereWithPrompts => Combine3(["", "   ", " \t\r\n "]);

    public static TheoryData<string, Entry, string> EverywhereWithFormats => Combine3(["gif declared gif", "gif declared png", "pdf named png", "png declared jpeg"]);

    public static TheoryData<string, Entry, string> EverywhereWithCallbacks => Combine3(["relative", "ftp", "http not loopback"]);

    public static TheoryData<string, Entry, string> EverywhereWithCounts => Combine3(["0", "-1", "max+1"]);

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Theory]
    [MemberData(nameof(EverywhereWithPrompts))]
    public async Task An_empty_or_whitespace_prompt_is_an_argument_exception(string provider, Entry entry, string prompt) =>
        await AssertRefused<ArgumentException>(provider, entry, new ImageGenerationRequest { Prompt = prompt });

    [Theory]
    [MemberData(nameof(Everywhere))]
    public async Task A_prompt_over_the_vendors_documented_limit_is_not_supported(string provider, Entry entry)
    {
        Assert.SkipUnless(provider == "Apixo", "the vendor documents no prompt length limit");
        await AssertRefused<NotSupportedException>(provider, entry, new ImageGenerationRequest { Prompt = new string('p', 5001), Model = new NanoBananaModel("nano-banana") });
    }

    [Theory]
    [MemberData(nameof(Everywhere))]
    public async Task More_reference_images_than_the_provider_allows_are_not_supported(string provider, Entry entry)
    {
        var max = Capabilities(provider).MaxInputImages;
        Assert.SkipWhen(max is null, "the vendor documents no reference image count limit");
        var references = Enumerable.Range(0, max!.Value + 1).Select(i => ImageInput.FromUri($"https://images.example.com/{i}.png", "image/png")).ToList();

        await AssertRefused<NotSupportedException>(provider, entry, new ImageGenerationRequest { Prompt = "combine", InputImages = references });
    }

    [Theory]
    [MemberData(nameof(Everywhere))]
    public async Task A_reference_over_ten_megabytes_is_refused_where_the_vendor_documents_the_limit(string provider, Entry entry)
    {
        var capabilities = Capabilities(provider);
        Assert.SkipWhen(capabilities.SupportsInputImageBytes && provider != "AceData", "the vendor documents no size limit for reference images");
        var large = new byte[TenMiB + 1];
        Png.Tiny.CopyTo(large, 0);
        var request = new ImageGenerationRequest { Prompt = "edit", InputImages = [ImageInput.FromBytes(large, "image/png")] };

        // Vendors that take only URLs refuse any bytes; the one that takes bytes and documents 10 MB refuses the size.
        await AssertRefused(provider, entry, request, capabilities.SupportsInputImageBytes ? typeof(ArgumentException) : typeof(NotSupportedException));
    }

    [Theory]
    [MemberData(nameof(EverywhereWithFormats))]
    public async Task A_reference_that_is_not_png_jpeg_or_webp_by_its_first_bytes_is_refused(string provider, Entry entry, string reference)
    {
        var gif = "GIF89a\x01\x00\x01\x00\x80\x00\x00"u8.ToArray();
        var input = reference switch
        {
            "gif declared gif" => ImageInput.FromBytes(gif, "image/gif"),
            "gif declared png" => ImageInput.FromBytes(gif, "image/png"),
            "pdf named png" => ImageInput.FromFile(Write("document.png", "%PDF-1.7\n%binary\n"u8.ToArray())),
            _ => ImageInput.FromBytes(Png.Tiny, "image/jpeg"),
        };

        // Vendors that take only URLs refuse bytes and files outright.
        var expected = Capabilities(provider).SupportsInputImageBytes ? typeof(ArgumentException) : typeof(NotSupportedException);
        await AssertRefused(provider, entry, new ImageGenerationRequest { Prompt = "edit", InputImages = [input] }, expected);
    }

    [Theory]
    [InlineData("/relative/image.png")]
    [InlineData("image.png")]
    [InlineData("ftp://files.example.com/image.png")]
    [InlineData("file:///tmp/image.png")]
    [InlineData("data:image/png;base64,iVBORw0KGgo=")]
    public void A_relative_or_non_http_reference_url_cannot_even_be_built(string url)
    {
        Assert.Throws<ArgumentException>(() => ImageInput.FromUri(url));
        Assert.Throws<ArgumentException>(() => ImageInput.FromUri(new Uri(url, UriKind.RelativeOrAbsolute)));
        Assert.Empty(_emulator.Requests);
    }

    [Theory]
    [MemberData(nameof(EverywhereWithCallbacks))]
    public async Task A_callback_url_that_is_relative_not_http_or_plain_http_to_another_host_is_refused(string provider, Entry entry, string callback)
    {
        var uri = callback switch
        {
            "relative" => new Uri("/hooks/nanobanana", UriKind.Relative),
            "ftp" => new Uri("ftp://hooks.example.com/nanobanana"),
            _ => new Uri("http://hooks.example.com/nanobanana"),
        };

        // A vendor without callbacks refuses any CallbackUri; one with callbacks refuses this one for its address.
        var expected = Capabilities(provider).NativeWebhooks ? typeof(ArgumentException) : typeof(NotSupportedException);
        await AssertRefused(provider, entry, new ImageGenerationRequest { Prompt = "p", CallbackUri = uri }, expected);
    }

    [Theory]
    [MemberData(nameof(Everywhere))]
    public async Task An_aspect_ratio_the_provider_does_not_offer_is_not_supported(string provider, Entry entry) =>
        await AssertRefused<NotSupportedException>(provider, entry, new ImageGenerationRequest { Prompt = "p", AspectRatio = new AspectRatio("7:3") });

    [Theory]
    [MemberData(nameof(Everywhere))]
    public async Task A_resolution_the_provider_does_not_offer_is_not_supported(string provider, Entry entry) =>
        await AssertRefused<NotSupportedException>(provider, entry, new ImageGenerationRequest { Prompt = "p", Resolution = new ImageResolution("8K") });

    [Theory]
    [MemberData(nameof(Everywhere))]
    public async Task A_choice_the_requested_model_does_not_offer_is_not_supported(string provider, Entry entry)
    {
        var request = provider switch
        {
            "Gemini" => new ImageGenerationRequest { Prompt = "p", Model = new NanoBananaModel("gemini-2.5-flash-image"), Resolution = ImageResolution.TwoK },
            "Apixo" => new ImageGenerationRequest { Prompt = "p", Model = new NanoBananaModel("nano-banana"), Resolution = ImageResolution.TwoK },
            "BananaPro" => new ImageGenerationRequest { Prompt = "p", Model = new NanoBananaModel("nano-banana"), Resolution = ImageResolution.TwoK },
            _ => null,
        };
        Assert.SkipWhen(request is null, "the vendor documents no per-model limits beyond the provider's own");

        await AssertRefused<NotSupportedException>(provider, entry, request!);
    }

    [Theory]
    [MemberData(nameof(EverywhereWithCounts))]
    public async Task An_image_count_out_of_range_is_refused(string provider, Entry entry, string count)
    {
        var max = Capabilities(provider).MaxImageCount;
        var (value, expected) = count switch
        {
            "0" => (0, typeof(ArgumentOutOfRangeException)),
            "-1" => (-1, typeof(ArgumentOutOfRangeException)),
            _ => (max + 1, typeof(NotSupportedException)),
        };

        await AssertRefused(provider, entry, new ImageGenerationRequest { Prompt = "p", ImageCount = value }, expected);
    }

    [Theory]
    [MemberData(nameof(Everywhere))]
    public async Task A_null_reference_image_is_an_argument_exception(string provider, Entry entry) =>
        await AssertRefused<ArgumentException>(provider, entry, new ImageGenerationRequest { Prompt = "p", InputImages = [null!] });

    [Theory]
    [MemberData(nameof(Everywhere))]
    public async Task A_token_cancelled_before_the_call_is_operation_canceled(string provider, Entry entry)
    {
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();
        var client = BadInputClients.Create(provider, _emulator);
        try
        {
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Invoke(client, entry, TestClients.Request(), cancelled.Token));
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => client.GetGenerationAsync("job-1", cancelled.Token));
            Assert.Empty(_emulator.Requests);
        }
        finally
        {
            (client as IDisposable)?.Dispose();
        }
    }

    private static TheoryData<string, Entry> Combine(string[] providers, Entry[] entries)
    {
        var data = new TheoryData<string, Entry>();
        foreach (var provider in providers)
        {
            foreach (var entry in entries)
            {
                data.Add(provider, entry);
            }
        }

        return data;
    }

    private static TheoryData<string, Entry, string> Combine3(string[] variants)
    {
        var data = new TheoryData<string, Entry, string>();
        foreach (var provider in BadInputClients.Providers)
        {
            foreach (var entry in Enum.GetValues<Entry>())
            {
                foreach (var variant in variants)
                {
                    data.Add(provider, entry, variant);
                }
            }
        }

        return data;
    }

    private static async Task Invoke(IImageGenerationClient client, Entry entry, ImageGenerationRequest request, CancellationToken cancellationToken)
    {
        switch (entry)
        {
            case Entry.Generate:
                await client.GenerateAsync(request, cancellationToken);
                break;
            case Entry.Stream:
                await client.GenerateStreamingAsync(request, cancellationToken).ToListAsync();
                break;
            default:
                await client.StartGenerationAsync(request, cancellationToken);
                break;
        }
    }

    private ImageGenerationCapabilities Capabilities(string provider)
    {
        var client = BadInputClients.Create(provider, _emulator);
        (client as IDisposable)?.Dispose();
        return client.Capabilities;
    }

    private Task AssertRefused<TException>(string provider, Entry entry, ImageGenerationRequest request)
        where TException : Exception =>
        AssertRefused(provider, entry, request, typeof(TException));

    private async Task AssertRefused(string provider, Entry entry, ImageGenerationRequest request, Type expected)
    {
        var client = BadInputClients.Create(provider, _emulator);
        try
        {
            var e = await Record.ExceptionAsync(() => Invoke(client, entry, request, Ct));

            Assert.NotNull(e);
            Assert.IsType(expected, e);
            Assert.False(string.IsNullOrWhiteSpace(e.Message));
            Assert.Empty(_emulator.Requests);
        }
        finally
        {
            (client as IDisposable)?.Dispose();
        }
    }

    private string Write(string name, byte[] bytes)
    {
        var path = Path.Combine(_directory, name);
        File.WriteAllBytes(path, bytes);
        return path;
    }
}
