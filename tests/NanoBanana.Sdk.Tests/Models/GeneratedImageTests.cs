using System.Runtime.InteropServices;

namespace NanoBanana.Sdk.Tests.Models;

/// <summary>Inline images are handed out as the same memory, never a copy (DESIGN.md section 9).</summary>
public sealed class GeneratedImageTests
{
    private static readonly byte[] Bytes = [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A, 42];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Get_bytes_returns_the_same_array_as_data()
    {
        var source = (byte[])Bytes.Clone();
        var image = GeneratedImage.FromBytes(source, "image/png");

        var bytes = await image.GetBytesAsync(Ct);

        Assert.True(MemoryMarshal.TryGetArray(bytes, out var segment));
        Assert.Same(source, segment.Array);
        Assert.True(MemoryMarshal.TryGetArray(image.Data!.Value, out var data));
        Assert.Same(source, data.Array);
    }

    [Fact]
    public async Task Copy_to_writes_the_same_memory_in_one_write()
    {
        var source = (byte[])Bytes.Clone();
        var image = GeneratedImage.FromBytes(source, "image/png");
        using var destination = new CapturingStream();

        await image.CopyToAsync(destination, Ct);

        var write = Assert.Single(destination.Writes);
        Assert.True(MemoryMarshal.TryGetArray(write, out var segment));
        Assert.Same(source, segment.Array);
        Assert.Equal(source.Length, segment.Count);
    }

    [Fact]
    public async Task Save_writes_the_bytes_to_a_new_file_creating_its_folder()
    {
        var image = GeneratedImage.FromBytes(Bytes, "image/png");
        var folder = Path.Combine(Path.GetTempPath(), "nanobanana-tests", Guid.NewGuid().ToString("N"));
        var path = Path.Combine(folder, "nested", "image.png");
        try
        {
            await image.SaveAsync(path, Ct);

            Assert.Equal(Bytes, await File.ReadAllBytesAsync(path, Ct));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task Save_replaces_an_existing_file()
    {
        var path = Path.GetTempFileName();
        try
        {
            await File.WriteAllBytesAsync(path, new byte[100], Ct);

            await GeneratedImage.FromBytes(Bytes, "image/png").SaveAsync(path, Ct);

            Assert.Equal(Bytes, await File.ReadAllBytesAsync(path, Ct));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task Save_with_a_cancelled_token_leaves_no_partial_file()
    {
        var folder = Path.Combine(Path.GetTempPath(), "nanobanana-tests", Guid.NewGuid().ToString("N"));
        var path = Path.Combine(folder, "image.png");
        using var cts = new CancellationTokenSource();
        await cts.CancelAsync();
        try
        {
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => GeneratedImage.FromBytes(Bytes, "image/png").SaveAsync(path, cts.Token));

            Assert.False(File.Exists(path));
        }
        finally
        {
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
    }

    [Fact]
    public async Task Open_read_streams_the_bytes_and_is_seekable()
    {
        var image = GeneratedImage.FromBytes(Bytes, "image/png");

        await using var stream = await image.OpenReadAsync(Ct);
        using var copy = new MemoryStream();
        await stream.CopyToAsync(copy, Ct);

        Assert.Equal(Bytes, copy.ToArray());
        Assert.True(stream.CanSeek);
        Assert.Equal(Bytes.Length, stream.Length);
    }

    [Fact]
    public void From_bytes_keeps_media_type_and_has_no_uri()
    {
        var image = GeneratedImage.FromBytes(Bytes, "image/png");

        Assert.Equal("image/png", image.MediaType);
        Assert.Null(image.Uri);
        Assert.Null(image.ExpiresAt);
    }

    [Fact]
    public void From_uri_keeps_the_url_and_expiry_and_has_no_data()
    {
        var expires = new DateTimeOffset(2026, 1, 16, 0, 0, 0, TimeSpan.Zero);

        var image = GeneratedImage.FromUri(new Uri("https://127.0.0.1/x.png"), "image/png", expires);

        Assert.Null(image.Data);
        Assert.Equal(expires, image.ExpiresAt);
        Assert.Equal(new Uri("https://127.0.0.1/x.png"), image.Uri);
    }

    [Fact]
    public void To_string_shows_the_length_not_the_bytes()
    {
        var image = GeneratedImage.FromBytes(new byte[5000], "image/png");

        Assert.Equal("GeneratedImage { MediaType = image/png, Bytes = 5000 }", image.ToString());
    }

    [Fact]
    public async Task A_url_image_without_a_provider_downloads_from_the_url()
    {
        await using var emulator = await NanoBanana.Sdk.Testing.NanoBananaEmulator.StartAsync(cancellationToken: Ct);
        using var client = new NanoBanana.Sdk.Providers.NanaNanoBanana.NanaNanoBananaImageClient(
            new NanoBanana.Sdk.Providers.NanaNanoBanana.NanaNanoBananaImageClientOptions { ApiKey = emulator.ApiKey, BaseAddress = emulator.NanaNanoBananaBaseAddress });
        var url = Assert.Single((await client.GenerateAsync(TestClients.Request(), Ct)).Images).Uri!;

        var bytes = await GeneratedImage.FromUri(url).GetBytesAsync(Ct);

        Assert.True(Png.HasSignature(bytes.Span));
    }

    private sealed class CapturingStream : Stream
    {
        public List<ReadOnlyMemory<byte>> Writes { get; } = [];

        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => throw new NotSupportedException();

        public override long Position
        {
            get => throw new NotSupportedException();
            set => throw new NotSupportedException();
        }

        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            Writes.Add(buffer);
            return ValueTask.CompletedTask;
        }

        public override void Write(byte[] buffer, int offset, int count) => Writes.Add(buffer.AsMemory(offset, count));

        public override void Flush()
        {
        }

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();
    }
}
