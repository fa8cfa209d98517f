namespace NanoBanana.Sdk.Tests.BadInput;

/// <summary>The shared reference-image format check: what the first bytes say, and which mismatches are refused before sending.</summary>
public sealed class ImageSignatureTests : IDisposable
{
    private static readonly ImageGenerationCapabilities TakesBytes = new() { SupportsInputImages = true, SupportsInputImageBytes = true };
    private readonly string _directory = Directory.CreateTempSubdirectory("nanobanana-signature-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Theory]
    [InlineData("89504E470D0A1A0A0000000D", "image/png")]
    [InlineData("FFD8FFE000104A4649460001", "image/jpeg")]
    [InlineData("524946462400000057454250565038", "image/webp")]
    [InlineData("474946383961010001008000", "image/gif")]
    [InlineData("424D3A0000000000000036000000", "image/bmp")]
    [InlineData("49492A0008000000", "image/tiff")]
    [InlineData("4D4D002A00000008", "image/tiff")]
    [InlineData("000000186674797068656963", "image/heic")]
    [InlineData("0000001C667479706D696631", "image/heif")]
    [InlineData("0000001C6674797061766966", "image/avif")]
    [InlineData("255044462D312E37", "application/pdf")]
    [InlineData("504B030414000600", "application/zip")]
    [InlineData("1F8B080000000000", "application/gzip")]
    [InlineData("000000186674797069736F6D", "video/mp4")]
    [InlineData("000000146674797071742020", "video/quicktime")]
    [InlineData("3C73766720786D6C6E733D", "image/svg+xml")]
    [InlineData("EFBBBF3C3F786D6C2076", "application/xml")]
    [InlineData("200A3C68746D6C3E", "text/html")]
    [InlineData("68656C6C6F20776F726C64", null)]
    [InlineData("", null)]
    public void The_first_bytes_tell_the_format(string hex, string? expected) =>
        Assert.Equal(expected, ImageSignature.Detect(Convert.FromHexString(hex)));

    [Theory]
    [InlineData("89504E470D0A1A0A", "image/png")]
    [InlineData("89504E470A1A0A00", "image/x-damaged-png")]
    [InlineData("89504E470D0A1A", "image/x-damaged-png")]
    [InlineData("FFD8FF", "image/jpeg")]
    [InlineData("FFD8", null)]
    [InlineData("FFD800E0", null)]
    [InlineData("FFD9FFE0", null)]
    [InlineData("524946462400000057454250", "image/webp")]
    [InlineData("524946462400000077656270", "application/x-riff")]
    [InlineData("524946462400000057415645", "audio/wav")]
    [InlineData("524946462400000041564920", "video/x-msvideo")]
    [InlineData("5249464624000000", "application/x-riff")]
    [InlineData("000000005745425052494646", null)]
    public void Png_jpeg_and_webp_count_only_with_their_whole_signature(string hex, string? expected) =>
        Assert.Equal(expected, ImageSignature.Detect(Convert.FromHexString(hex)));

    [Theory]
    [InlineData("89504E470A1A0A0000000D49484452", "image/png", "PNG with a damaged")]
    [InlineData("524946462400000057415645666D7420", "image/webp", "WAV audio")]
    [InlineData("5249464624000000", "image/webp", "RIFF file that is not WebP")]
    [InlineData("504B030414000600", "image/jpeg", "ZIP archive")]
    [InlineData("3C73766720786D6C6E733D", "image/png", "SVG drawing")]
    public void A_near_miss_or_a_non_image_file_is_refused_before_sending_and_named(string hex, string declared, string named)
    {
        var reference = ImageInput.FromBytes(Convert.FromHexString(hex), declared);

        var e = Assert.Throws<ArgumentException>(() =>
            ImageGenerationRequestValidator.Validate(new ImageGenerationRequest { Prompt = "p", InputImages = [reference] }, "Test", TakesBytes));

        Assert.Contains(named, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_heic_image_declared_heic_passes_the_shared_checks_for_the_vendor_to_judge()
    {
        var heic = ImageInput.FromBytes(Convert.FromHexString("000000186674797068656963000000006D696631"), "image/heic");

        var refusal = Record.Exception(() => ImageGenerationRequestValidator.Validate(new ImageGenerationRequest { Prompt = "p", InputImages = [heic] }, "Test", TakesBytes));

        Assert.Null(refusal);
    }

    [Fact]
    public void Bytes_in_no_known_format_pass_on_as_declared()
    {
        var unknown = ImageInput.FromBytes("not an image"u8.ToArray(), "image/png");

        var refusal = Record.Exception(() => ImageGenerationRequestValidator.Validate(new ImageGenerationRequest { Prompt = "p", InputImages = [unknown] }, "Test", TakesBytes));

        Assert.Null(refusal);
    }

    [Fact]
    public void A_png_file_named_jpg_is_refused_for_the_mismatch_and_the_message_names_the_file()
    {
        var path = Path.Combine(_directory, "photo.jpg");
        File.WriteAllBytes(path, Png.Tiny);
        var request = new ImageGenerationRequest { Prompt = "p", InputImages = [ImageInput.FromFile(path)] };

        var e = Assert.Throws<ArgumentException>(() => ImageGenerationRequestValidator.Validate(request, "Test", TakesBytes));

        Assert.Contains(path, e.Message, StringComparison.Ordinal);
        Assert.Contains("image/jpeg", e.Message, StringComparison.Ordinal);
        Assert.Contains("PNG", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_png_file_named_jpg_passes_when_its_media_type_is_given()
    {
        var path = Path.Combine(_directory, "photo.jpg");
        File.WriteAllBytes(path, Png.Tiny);

        var refusal = Record.Exception(() => ImageGenerationRequestValidator.Validate(
            new ImageGenerationRequest { Prompt = "p", InputImages = [ImageInput.FromFile(path, "image/png")] }, "Test", TakesBytes));

        Assert.Null(refusal);
    }
}
