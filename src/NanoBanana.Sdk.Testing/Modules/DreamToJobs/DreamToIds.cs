using System.Globalization;

namespace NanoBanana.Sdk.Testing.Modules.DreamToJobs;

/// <summary>Makes <c>job_</c>, <c>req_</c> and <c>file_</c> ids (prefixes as in the vendor's examples) from counters, so runs are reproducible.</summary>
internal sealed class DreamToIds
{
    private long _jobs;
    private long _requests;
    private long _files;

    public string NextJob() => Format("job_", ref _jobs);

    public string NextRequest() => Format("req_", ref _requests);

    public string NextFile() => Format("file_", ref _files);

    private static string Format(string prefix, ref long counter) =>
        prefix + Interlocked.Increment(ref counter).ToString("x12", CultureInfo.InvariantCulture);
}
