namespace NanoBanana.Sdk.Tests.Models;

public sealed class ImageInputTests
{
    [Theory]
    [InlineData("https://example.com/a.png")]
    [InlineData("http://127.0.0.1:8080/b.jpg")]
    public void From_uri_accepts_absolute_http_urls(string url)
    {
        var input = ImageInput.FromUri(url, "image/png");

        Assert.Equal(ImageInputKind.Uri, input.Kind);
        Assert.Equal(new Uri(url), input.Uri);
        Assert.Equal("image/png", input.MediaType);
        Assert.True(input.Data.IsEmpty);
    }

    [Theory]
    [InlineData("/images/a.png")]
    [InlineData("images/a.png")]
    [InlineData("ftp://example.com/a.png")]
    [InlineData("file:///tmp/a.png")]
    [InlineData("data:image/png;base64,AAAA")]
    public void From_uri_rejects_relative_and_non_http_urls(string url)
    {
        Assert.Throws<ArgumentException>(() => ImageInput.FromUri(url));
        Assert.Throws<ArgumentException>(() => ImageInput.FromUri(new Uri(url, UriKind.RelativeOrAbsolute)));
    }

    [Fact]
    public void From_uri_rejects_null() => Assert.Throws<ArgumentNullException>(() => ImageInput.FromUri((Uri)null!));

    [Fact]
    public void From_bytes_keeps_the_memory_without_copying()
    {
        var bytes = new byte[] { 1, 2, 3 };

        var input = ImageInput.FromBytes(bytes, "image/png");

        Assert.Equal(ImageInputKind.Bytes, input.Kind);
        Assert.True(System.Runtime.InteropServices.MemoryMarshal.TryGetArray(input.Data, out var segment));
        Assert.Same(bytes, segment.Array);
    }

    [Fact]
    public void From_bytes_rejects_empty_data_and_a_missing_media_type()
    {
        Assert.Throws<ArgumentException>(() => ImageInput.FromBytes(ReadOnlyMemory<byte>.Empty, "image/png"));
        Assert.ThrowsAny<ArgumentException>(() => ImageInput.FromBytes(new byte[] { 1 }, " "));
    }

    [Fact]
    public void From_file_rejects_a_missing_file() =>
        Assert.Throws<FileNotFoundException>(() => ImageInput.FromFile(Path.Combine(Path.GetTempPath(), Guid.NewGuid().ToString("N") + ".png")));

    [Fact]
    public void From_file_keeps_the_full_path()
    {
        var path = Path.GetTempFileName();
        try
        {
            var input = ImageInput.FromFile(path);

            Assert.Equal(ImageInputKind.File, input.Kind);
            Assert.Equal(Path.GetFullPath(path), input.FilePath);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void To_string_of_a_bytes_input_shows_the_length_not_the_bytes()
    {
        var input = ImageInput.FromBytes(new byte[2048], "image/png");

        Assert.Equal("ImageInput { Bytes = 2048, MediaType = image/png }", input.ToString());
    }
}
