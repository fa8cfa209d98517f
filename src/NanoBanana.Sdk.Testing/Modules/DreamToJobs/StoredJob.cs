using NanoBanana.Sdk.Testing.Jobs;

namespace NanoBanana.Sdk.Testing.Modules.DreamToJobs;

/// <summary>
/// One accepted job: the vendor-neutral record that counts polls, plus what this protocol shows of it. The ending,
/// the error code and the result format are fixed at submission, so later scenario changes cannot alter them.
/// </summary>
/// <param name="Job">The record that decides when the job finishes and how.</param>
/// <param name="Created">Creation time in Unix seconds.</param>
/// <param name="ImageFileName">The hosted result file (also the source of inline results).</param>
/// <param name="InlineResults">Whether results are sent as base64 (<see cref="EmulatorScenario.InlineResults"/>) instead of URLs.</param>
/// <param name="ErrorCode">The <c>error.code</c> of a failed job.</param>
/// <param name="CallbackUrl">Where the finished job is posted, if anywhere.</param>
internal sealed record StoredJob(EmulatedJob Job, long Created, string ImageFileName, bool InlineResults, string? ErrorCode, Uri? CallbackUrl);
