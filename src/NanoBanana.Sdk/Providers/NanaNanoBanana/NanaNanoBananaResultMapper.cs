namespace NanoBanana.Sdk.Providers.NanaNanoBanana;

/// <summary>Maps the vendor's answers onto the common result, status and exception model.</summary>
internal sealed class NanaNanoBananaResultMapper(string provider, NanaNanoBananaImageClientOptions options, ImageDownloader download, TimeProvider timeProvider)
{
    /// <summary>The options this mapper was made for.</summary>
    public NanaNanoBananaImageClientOptions Options => options;

    /// <summary>The vendor keeps result files for 15 days.</summary>
    private static readonly TimeSpan UrlLifetime = TimeSpan.FromDays(15);

    public ImageGenerationResult FromGenerateResponse(NanaNanoBananaGenerateResponse response)
    {
        if (!response.Success)
        {
            throw Failure(response.Warning == true, response.Message ?? response.Error, response.GenerationId, response.CreditsUsed);
        }

        var urls = response.ImageUrls ?? response.Data?.OutputImageUrls ?? [];
        if (urls.Count == 0)
        {
            throw new NanoBananaGenerationFailedException(
                $"{provider} reported success for job {response.GenerationId} but returned no image URLs.")
            { Provider = provider, OperationId = response.GenerationId };
        }

        return new ImageGenerationResult
        {
            Provider = provider,
            OperationId = response.GenerationId ?? response.Data?.Id,
            Images = Images(urls, timeProvider.GetUtcNow()),
            Usage = new ImageGenerationUsage { CreditsUsed = response.CreditsUsed, RemainingCredits = response.RemainingCredits },
            RawRepresentation = response,
        };
    }

    public ImageGenerationResult FromStreamComplete(NanaNanoBananaStreamEvent complete, string? operationId) => new()
    {
        Provider = provider,
        OperationId = operationId,
        Images = Images(complete.Data?.ImageUrls ?? [], timeProvider.GetUtcNow()),
        RawRepresentation = complete,
    };

    public OperationSnapshot FromGeneration(NanaNanoBananaGeneration generation, string requestedId)
    {
        var id = generation.Id ?? requestedId;
        var status = generation.ProcessingStatus?.ToLowerInvariant() switch
        {
            "completed" => ImageGenerationStatus.Succeeded,
            "failed" => ImageGenerationStatus.Failed,
            "pending" or "queued" => ImageGenerationStatus.Queued,
            // Only processing is documented; anything else is treated as still running until MaxWait.
            _ => ImageGenerationStatus.Running,
        };

        if (status == ImageGenerationStatus.Succeeded && generation.OutputImageUrls is not { Count: > 0 })
        {
            status = ImageGenerationStatus.Failed;
        }

        return new OperationSnapshot
        {
            Id = id,
            Status = status,
            Message = generation.ProcessingStatus,
            Result = status == ImageGenerationStatus.Succeeded
                ? new ImageGenerationResult
                {
                    Provider = provider,
                    OperationId = id,
                    Images = Images(generation.OutputImageUrls!, generation.CreatedAt ?? timeProvider.GetUtcNow()),
                    Usage = new ImageGenerationUsage { CreditsUsed = generation.CreditsUsed },
                    RawRepresentation = generation,
                }
                : null,
            Failure = status == ImageGenerationStatus.Failed
                ? Failure(false, generation.ErrorMessage ?? "the job completed without image URLs", id, generation.CreditsUsed)
                : null,
        };
    }

    /// <summary>A finished job without images: content-filtered when the vendor flags a warning or says so, failed otherwise.</summary>
    public NanoBananaException Failure(bool warning, string? vendorMessage, string? operationId, decimal? creditsUsed)
    {
        var charged = creditsUsed is { } credits ? $" {credits} credit(s) were charged." : string.Empty;
        var job = operationId is null ? "the job" : $"job {operationId}";
        var text = Http.SensitiveText.Sanitize(vendorMessage) ?? "no reason given";
        if (warning || text.Contains("safety", StringComparison.OrdinalIgnoreCase))
        {
            return new NanoBananaContentFilteredException(
                $"{provider}'s content-safety check blocked the output of {job} (\"{text}\").{charged} Change the prompt; resending it as it is will not help.")
            { Provider = provider, OperationId = operationId, ErrorCode = "content_warning" };
        }

        return new NanoBananaGenerationFailedException($"{provider} {job} failed (\"{text}\").{charged}")
        { Provider = provider, OperationId = operationId, ErrorCode = "generation_failed" };
    }

    private List<GeneratedImage> Images(IReadOnlyList<string> urls, DateTimeOffset createdAt) =>
        urls.Select(url =>
        {
            var uri = Resolve(url);
            return GeneratedImage.FromUri(uri, MediaTypeOf(uri), createdAt + UrlLifetime, download);
        }).ToList();

    /// <summary>Absolute URLs as they are; protocol-relative and site-relative ones resolved against the API host.</summary>
    private Uri Resolve(string url)
    {
        if (Uri.TryCreate(url, UriKind.Absolute, out var absolute) && absolute.Scheme is "http" or "https")
        {
            return absolute;
        }

        if (Uri.TryCreate(options.BaseAddress, url, out var relative))
        {
            return relative;
        }

        throw new NanoBananaException($"{provider} returned an image URL the SDK cannot use: '{url}'.") { Provider = provider };
    }

    private static string? MediaTypeOf(Uri uri) => Path.GetExtension(uri.AbsolutePath).ToLowerInvariant() switch
    {
        ".png" => "image/png",
        ".jpg" or ".jpeg" => "image/jpeg",
        ".webp" => "image/webp",
        _ => null,
    };
}
