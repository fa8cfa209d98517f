using NanoBanana.Sdk.Benchmarks.ManyJobs;

namespace NanoBanana.Sdk.Benchmarks.Report;

/// <summary>Everything one run measured; a suite that did not run leaves its part empty.</summary>
internal sealed class RunResults
{
    public required MachineInfo Machine { get; init; }

    public required DateTimeOffset StartedAt { get; init; }

    public double? LoadAtStart { get; init; }

    public double? LoadAtEnd { get; set; }

    /// <summary>Suite 1 time and allocations, keyed <c>Contender/MiB</c> (e.g. <c>Sdk/8</c>).</summary>
    public SuiteResults? InlineImages { get; set; }

    /// <summary>Suite 1 peak growth in bytes, keyed like <see cref="InlineImages"/>; a case whose probe failed is missing.</summary>
    public Dictionary<string, long>? InlineImagePeaks { get; set; }

    /// <summary>Suite 2: peak growth of saving the 24 MiB image to a file, in bytes.</summary>
    public long? SavePeak { get; set; }

    /// <summary>Suite 3, keyed by benchmark method.</summary>
    public SuiteResults? Poll { get; set; }

    /// <summary>Suite 4a, keyed by benchmark method.</summary>
    public SuiteResults? NanaNanoBananaStream { get; set; }

    /// <summary>Suite 4b, keyed <c>Method/MiB</c>.</summary>
    public SuiteResults? GeminiStream { get; set; }

    /// <summary>Suite 5.</summary>
    public ManyJobsResult? ManyJobs { get; set; }
}
