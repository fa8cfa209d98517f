using NanoBanana.Sdk.Testing.Jobs;

namespace NanoBanana.Sdk.Testing.Modules.AceData;

/// <summary>
/// One Ace Data task: the shared job (its outcome and poll count) plus what the vendor's task record repeats: the request
/// body as sent, the trace id of the submit, and the error code a failure reports.
/// </summary>
internal sealed record StoredTask(EmulatedJob Job, string TraceId, ReadOnlyMemory<byte> RequestBody, string? FailureCode)
{
    public string Id => Job.Id;
}
