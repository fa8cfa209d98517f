namespace NanoBanana.Sdk.Benchmarks.ManyJobs;

/// <summary>What suite 5 measured.</summary>
/// <param name="Jobs">Jobs started.</param>
/// <param name="Completed">Jobs whose result the SDK returned.</param>
/// <param name="Elapsed">From the first submit to the last job noticed complete.</param>
/// <param name="Ideal">The least time one job can take with this latency, cadence and number of polls.</param>
/// <param name="PollsMean">Status polls per job, mean.</param>
/// <param name="PollsMax">Status polls per job, most.</param>
/// <param name="PollsNeeded">The polls a job needs to be seen complete.</param>
/// <param name="NoticeP50">From the emulator receiving the poll that completes a job to the SDK returning its result, median.</param>
/// <param name="NoticeP99">The same, 99th percentile.</param>
/// <param name="NoticeMax">The same, longest.</param>
/// <param name="InitialDelay">The strategy's wait before the first poll.</param>
/// <param name="PollInterval">The strategy's interval between polls.</param>
/// <param name="Latency">The emulator's delay before every answer.</param>
internal sealed record ManyJobsResult(
    int Jobs,
    int Completed,
    TimeSpan Elapsed,
    TimeSpan Ideal,
    double PollsMean,
    int PollsMax,
    int PollsNeeded,
    TimeSpan NoticeP50,
    TimeSpan NoticeP99,
    TimeSpan NoticeMax,
    TimeSpan InitialDelay,
    TimeSpan PollInterval,
    TimeSpan Latency);
