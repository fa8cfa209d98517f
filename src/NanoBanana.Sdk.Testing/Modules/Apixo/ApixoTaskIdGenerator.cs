using System.Globalization;

namespace NanoBanana.Sdk.Testing.Modules.Apixo;

/// <summary>Makes task ids shaped like the documented <c>task_abc123xyz789</c> from a counter, so runs are reproducible.</summary>
internal sealed class ApixoTaskIdGenerator
{
    private long _counter;

    public string Next() => "task_" + Interlocked.Increment(ref _counter).ToString("x12", CultureInfo.InvariantCulture);
}
