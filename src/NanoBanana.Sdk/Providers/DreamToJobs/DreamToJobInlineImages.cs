using NanoBanana.Sdk.Http.InlineData;

namespace NanoBanana.Sdk.Providers.DreamToJobs;

/// <summary>Where inline result images live in a job body, and how the values left as text by the parser become bytes.</summary>
internal static class DreamToJobInlineImages
{
    /// <summary>The properties that may hold base64 images; lifted out of a streamed body and decoded while it arrives.</summary>
    public static InlineDataReaderOptions ReaderOptions { get; } = new("b64_json", "data", "base64");

    /// <summary>A document without blobs: resolving against it decodes each kept value itself (for bodies already in memory).</summary>
    public static InlineDataDocument NoBlobs { get; } = new(ReadOnlyMemory<byte>.Empty, []);

    /// <summary>Swaps every kept inline value (a blob placeholder, or base64 in a lenient spelling) for its bytes.</summary>
    /// <exception cref="InlineDataFormatException">A kept value is not base64.</exception>
    public static DreamToJob Resolve(DreamToJob job, InlineDataDocument document)
    {
        if (job.Output is not { Images: { } images } output || !images.Any(image => image?.InlineReference is not null))
        {
            return job;
        }

        var resolved = images
            .Select(image => image?.InlineReference is { } reference
                ? image with { Data = document.GetBytes(reference), InlineReference = null }
                : image)
            .ToList();
        return job with { Output = output with { Images = resolved! } };
    }
}
