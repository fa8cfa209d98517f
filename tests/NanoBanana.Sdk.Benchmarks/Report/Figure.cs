namespace NanoBanana.Sdk.Benchmarks.Report;

/// <summary>One benchmark case's result: the median time of a call and the bytes it allocated.</summary>
internal sealed record Figure(double MedianNanoseconds, long AllocatedBytes)
{
    /// <summary>Calls per second at the median time.</summary>
    public double PerSecond => 1e9 / MedianNanoseconds;
}
