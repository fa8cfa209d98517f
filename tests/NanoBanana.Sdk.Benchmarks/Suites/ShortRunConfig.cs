using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using Perfolizer.Horology;

namespace NanoBanana.Sdk.Benchmarks.Suites;

/// <summary>
/// A short job that runs every suite in minutes on 2 cores: in-process (no generated project to build or restore
/// offline), one launch, 2 warm-up and 8 measured iterations of about 500 ms each. The in-process toolchain does not
/// wait for a setup that returns a task, so every suite's setup is synchronous and blocks on its own async work.
/// </summary>
public sealed class ShortRunConfig : ManualConfig
{
    /// <summary>Creates the configuration.</summary>
    public ShortRunConfig()
    {
        AddJob(Job.Default
            .WithToolchain(InProcessEmitToolchain.Instance)
            .WithLaunchCount(1)
            .WithWarmupCount(2)
            .WithIterationCount(8)
            .WithIterationTime(TimeInterval.FromMilliseconds(500))
            .WithId("Short"));
        ArtifactsPath = Path.Combine(AppContext.BaseDirectory, "BenchmarkDotNet.Artifacts");
    }
}
